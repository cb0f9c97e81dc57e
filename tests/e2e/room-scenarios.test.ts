import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, openRoom, signedInContext, workshopPath } from '../support/room.ts';

const browser = browserAvailability();

/** Issue 5: the Scenarios section's form binding (the models come in the scenario issue). */
describe.skipIf(!browser.available)('the scenarios form binding in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let facilitator: Page;
  let company: Page;
  let observer: Page;

  const section = (page: Page) => page.locator('#panel-scenarios');
  const assumptionRow = (page: Page, name: string) =>
    section(page).locator(`[data-testid="assumptions"] tr[data-assumption="${name}"]`);

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    facilitator = (await signedInContext(chromium, platform, DEMO.facilitator)).page;
    company = (await signedInContext(chromium, platform, DEMO.company)).page;
    observer = (await signedInContext(chromium, platform, DEMO.observer)).page;
    const path = await workshopPath(facilitator, platform, DEMO_WORKSHOPS.live);
    await Promise.all([
      openRoom(facilitator, platform, path, 'scenarios'),
      openRoom(company, platform, path, 'scenarios'),
      openRoom(observer, platform, path, 'scenarios'),
    ]);
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it("lets the facilitator give the demo's reference scenario an assumption", async () => {
    const panel = section(facilitator);
    // The demo's workshop has its scenarios: nobody is offered to create a baseline.
    const reference = (page: Page) => section(page).getByRole('button', { name: /Situation de référence/ });
    await reference(company).waitFor({ timeout: 5000 });
    expect(
      await section(facilitator).getByRole('button', { name: 'Créer la situation de référence' }).count(),
    ).toBe(0);
    await reference(facilitator).click();
    await reference(company).click();
    await panel.getByLabel('Nom de la nouvelle hypothèse').fill('mobility.teleworkShare');
    await panel.getByLabel('Valeur de la nouvelle hypothèse').fill('0,1');
    await panel.getByRole('button', { name: "Ajouter l'hypothèse" }).click();
    await assumptionRow(company, 'mobility.teleworkShare').waitFor({ timeout: 2000 });
    expect(
      await section(company).getByLabel("Valeur de l'hypothèse mobility.teleworkShare").inputValue(),
    ).toBe('0.1');
  });

  it('forks a variant with a copy of the assumptions; the company sees a change within a second', async () => {
    const panel = section(facilitator);
    await panel.getByRole('button', { name: 'Créer une variante de ce scénario' }).click();
    const title = panel.getByLabel('Titre du scénario');
    await expect.poll(() => title.inputValue()).toContain('Variante');
    await title.fill('Télétravail renforcé');
    const value = panel.getByLabel("Valeur de l'hypothèse mobility.teleworkShare");
    expect(await value.inputValue()).toBe('0.1');
    await value.fill('0,25');
    const started = Date.now();
    const variant = section(company).getByRole('button', { name: 'Télétravail renforcé' });
    await variant.waitFor({ timeout: 1000 });
    await variant.click();
    await expect
      .poll(() => section(company).getByLabel("Valeur de l'hypothèse mobility.teleworkShare").inputValue(), {
        timeout: 1000,
        interval: 50,
      })
      .toBe('0.25');
    expect(Date.now() - started).toBeLessThan(2000);
    // The baseline keeps its own value.
    await section(company)
      .getByRole('button', { name: /Situation de référence/ })
      .click();
    expect(
      await section(company).getByLabel("Valeur de l'hypothèse mobility.teleworkShare").inputValue(),
    ).toBe('0.1');
  });

  it('refuses invalid values at the field, and writes nothing', async () => {
    const panel = section(facilitator);
    await panel.getByRole('button', { name: 'Télétravail renforcé' }).click();
    // An empty name.
    await panel.getByLabel('Valeur de la nouvelle hypothèse').fill('3');
    await panel.getByRole('button', { name: "Ajouter l'hypothèse" }).click();
    const name = panel.getByLabel('Nom de la nouvelle hypothèse');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    const nameError = await name.getAttribute('aria-describedby');
    expect(await facilitator.locator(`[id="${nameError?.split(' ').at(-1)}"]`).textContent()).toContain(
      "Donnez un nom à l'hypothèse.",
    );
    // Text over the limit.
    await name.fill('note');
    await panel.getByLabel('Type de la nouvelle hypothèse').selectOption('text');
    await panel.getByLabel('Valeur de la nouvelle hypothèse').fill('x'.repeat(501));
    await panel.getByRole('button', { name: "Ajouter l'hypothèse" }).click();
    const valueField = panel.getByLabel('Valeur de la nouvelle hypothèse');
    expect(await valueField.getAttribute('aria-invalid')).toBe('true');
    await panel.getByText('Le texte ne doit pas dépasser 500 caractères.').waitFor();
    // Out of the model's range, and not a number, on an existing assumption.
    const telework = panel.getByLabel("Valeur de l'hypothèse mobility.teleworkShare");
    await telework.fill('1,5');
    expect(await telework.getAttribute('aria-invalid')).toBe('true');
    await panel.getByText('Cette valeur sort de la plage acceptée par le modèle.').waitFor();
    await telework.fill('beaucoup');
    await panel.getByText('Saisissez un nombre, par exemple 0,3.').waitFor();
    // An empty title.
    await panel.getByLabel('Titre du scénario').fill('');
    await panel.getByText('Donnez un titre au scénario.').waitFor();

    await new Promise((resolve) => setTimeout(resolve, 500));
    const other = section(company);
    await other.getByRole('button', { name: 'Télétravail renforcé' }).click();
    expect(await other.getByLabel("Valeur de l'hypothèse mobility.teleworkShare").inputValue()).toBe('0.25');
    expect(await assumptionRow(company, 'note').count()).toBe(0);
  });

  it('shows the observer the scenarios without any editing control', async () => {
    const panel = section(observer);
    await panel.getByRole('button', { name: 'Télétravail renforcé' }).click();
    await expect
      .poll(() => assumptionRow(observer, 'mobility.teleworkShare').textContent())
      .toContain('0.25');
    expect(await panel.locator('input, textarea, select, form').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Créer une variante de ce scénario' }).count()).toBe(0);
  });
});
