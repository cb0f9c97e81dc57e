import { needs, type Need } from '@atelier/domain';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import {
  DEMO,
  DEMO_WORKSHOPS,
  documentClient,
  openRoom,
  signedInContext,
  workshopPath,
} from '../support/room.ts';

const browser = browserAvailability();

const need = (fields: Partial<Need> & Pick<Need, 'id' | 'title' | 'createdBy'>): Need => ({
  organisationId: 'org-e2e',
  romeCode: 'H2913',
  skills: ['TIG'],
  headcount: 4,
  horizonMonths: 12,
  communeCode: '57221',
  contract: 'cdi',
  difficulty: 3,
  crossBorder: false,
  comment: '',
  updatedAt: new Date().toISOString(),
  ...fields,
});

/** Issue 5, item 7: named versions, saved by facilitators, opened read-only with the changes since. */
describe.skipIf(!browser.available)('saved versions in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let facilitator: { context: BrowserContext; page: Page };
  let company: { context: BrowserContext; page: Page };
  let client: Awaited<ReturnType<typeof documentClient>>;
  let path = '';
  let workshopId = '';
  const editor = (page: Page) => page.getByRole('textbox', { name: 'Texte de la synthèse' });

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    facilitator = await signedInContext(chromium, platform, DEMO.facilitator);
    company = await signedInContext(chromium, platform, DEMO.company);
    path = await workshopPath(facilitator.page, platform, DEMO_WORKSHOPS.live);
    workshopId = path.split('/').at(-1) ?? '';
    client = await documentClient({ context: facilitator.context, platform, room: `${workshopId}/content` });
  });
  afterAll(async () => {
    client?.provider.destroy();
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('saves a version from the room, after the last edits reached the server', async () => {
    const me = 'e2e-facilitator';
    needs.add(client.doc, need({ id: 'need-welders', title: 'Soudeurs TIG (version e2e)', createdBy: me }));
    needs.add(
      client.doc,
      need({ id: 'need-drivers', title: 'Caristes (version e2e)', headcount: 2, createdBy: me }),
    );
    const { page } = facilitator;
    await openRoom(page, platform, path, 'synthesis');
    await editor(page).click();
    await page.keyboard.type('Synthèse de la séance 1.');
    await page.getByLabel('Nom de la version').fill('après la séance 1');
    await page.getByRole('button', { name: 'Enregistrer une version' }).click();
    await expect
      .poll(() => page.locator('.room > [role="status"][aria-live="polite"]').textContent(), {
        timeout: 10_000,
      })
      .toBe('Version enregistrée.');
    await page.goto(`${platform.baseUrl}${path}/versions`);
    const row = page.getByRole('row').filter({ hasText: 'après la séance 1' });
    await expect(row.textContent()).resolves.toContain('Julien Animateur');
  });

  it('opens the version read-only, with the rows added and modified since labelled in text', async () => {
    needs.add(client.doc, need({ id: 'need-nurses', title: 'Infirmiers de bloc', createdBy: 'e2e' }));
    needs.update(client.doc, 'need-welders', { headcount: 6, updatedAt: new Date().toISOString() });
    const { page } = facilitator;
    await page.goto(`${platform.baseUrl}${path}#synthesis`);
    await editor(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Ajout après la version.');
    // The realtime server stores accepted updates within about 100 ms.
    await new Promise((resolve) => setTimeout(resolve, 1000));

    await page.goto(`${platform.baseUrl}${path}/versions`);
    await page.getByRole('link', { name: 'après la séance 1' }).click();
    await page.getByRole('heading', { name: 'Version « après la séance 1 »' }).waitFor();
    const table = page.getByTestId('version-needs');
    const added = table.getByRole('row').filter({ hasText: 'Infirmiers de bloc' });
    const modified = table.getByRole('row').filter({ hasText: 'Soudeurs TIG (version e2e)' });
    const unchanged = table.getByRole('row').filter({ hasText: 'Caristes (version e2e)' });
    expect(await added.getAttribute('data-status')).toBe('added');
    await expect(added.textContent()).resolves.toContain('Ajoutée depuis');
    expect(await modified.getAttribute('data-status')).toBe('modified');
    await expect(modified.textContent()).resolves.toContain('Modifiée depuis : Effectif');
    await expect(modified.textContent()).resolves.toContain('4 → 6');
    await expect(unchanged.textContent()).resolves.toContain('Inchangée');
    // The synthesis as it was, and the note that it changed since.
    const synthesis = await page.getByTestId('version-synthesis').textContent();
    expect(synthesis).toContain('Synthèse de la séance 1.');
    expect(synthesis).not.toContain('Ajout après la version.');
    await page.getByText('Le texte de la synthèse a changé depuis cette version.').waitFor();
    // Read-only: no field, no editable text, and no form but the facilitator's restore button.
    expect(
      await page
        .locator('main input:not([type="hidden"]), main textarea, main select, [contenteditable="true"]')
        .count(),
    ).toBe(0);
    expect(
      await page
        .locator('main form')
        .evaluateAll((forms) => forms.map((form) => form.getAttribute('action'))),
    ).toEqual(['?/restore']);
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('lets a participant read versions but not save one: no form, and a direct post is refused with 403', async () => {
    const { page, context } = company;
    await page.goto(`${platform.baseUrl}${path}/versions`);
    await page.getByRole('link', { name: 'après la séance 1' }).waitFor();
    expect(await page.getByRole('button', { name: 'Enregistrer la version' }).count()).toBe(0);
    expect(await page.getByLabel('Nom de la version').count()).toBe(0);
    await openRoom(page, platform, path, 'synthesis');
    expect(await page.getByRole('button', { name: 'Enregistrer une version' }).count()).toBe(0);
    const response = await context.request.post(`${platform.baseUrl}${path}/versions?/save`, {
      form: { name: 'tentative' },
      headers: { origin: platform.baseUrl, accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    await page.goto(`${platform.baseUrl}${path}/versions`);
    expect(await page.getByRole('link', { name: 'tentative' }).count()).toBe(0);
  });

  it("reaches the versions from the workshop's tabs, for the facilitator and a participant", async () => {
    for (const { page } of [facilitator, company]) {
      await openRoom(page, platform, path, 'agenda');
      const tabs = page.locator('nav.tabs');
      await tabs.getByRole('link', { name: 'Versions', exact: true }).click();
      await page.waitForURL((url) => url.pathname === `${path}/versions`);
      const current = tabs.locator('[aria-current="page"]');
      expect(await current.textContent()).toBe('Versions');
      await page.getByRole('link', { name: 'après la séance 1' }).click();
      await page.waitForURL((url) => url.pathname.startsWith(`${path}/versions/`));
      expect(await current.textContent()).toBe('Versions');
    }
  });
});
