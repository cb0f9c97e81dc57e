import AxeBuilder from '@axe-core/playwright';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, openRoom, signedInContext, workshopPath } from '../support/room.ts';

const browser = browserAvailability();

async function eventually<T>(
  read: () => Promise<T>,
  test: (value: T) => boolean,
  timeoutMs = 5000,
): Promise<T> {
  const started = Date.now();
  let last: T | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await read();
    if (test(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`still ${String(last)} after ${timeoutMs} ms`);
}

const NEED = 'Soudeurs (feuille de route e2e)';
const ACTION = 'Former 10 soudeurs (e2e)';
const STEEL = 'Aciéries de la Fensch (fictive)';

const actionCard = (page: Page, title: string): Locator =>
  page.locator('[data-testid="roadmap-list"] article', { hasText: title });
const textOf = (locator: Locator) => () => locator.innerText().catch(() => '');

async function tab(page: Page, name: 'Besoins' | 'Feuille de route'): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

/** Issue 5, roadmap: the company, the school and the facilitator in the live workshop, in Chromium. */
describe.skipIf(!browser.available)('the roadmap of the live room', () => {
  let platform: Platform;
  let chromium: Browser;
  let company: Page;
  let school: Page;
  let facilitator: Page;

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    const pages: Page[] = [];
    for (const email of [DEMO.company, DEMO.school, DEMO.facilitator]) {
      pages.push((await signedInContext(chromium, platform, email)).page);
    }
    [company, school, facilitator] = pages as [Page, Page, Page];
    const path = await workshopPath(company, platform, DEMO_WORKSHOPS.live);
    await Promise.all(pages.map((page) => openRoom(page, platform, path, 'roadmap')));
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it("shows an action linked to a need on the need's row, with relative and calendar dates", async () => {
    await tab(company, 'Besoins');
    await company.getByRole('button', { name: 'Ajouter un besoin' }).click();
    await company.locator('#need-new-romeCode').fill('H2913');
    await company.locator('#need-new-title-input').fill(NEED);
    await company.locator('#need-new-headcount').fill('10');
    await company.locator('#need-new-communeCode').fill('57221');
    await company.getByRole('button', { name: 'Enregistrer le besoin' }).click();

    await tab(company, 'Feuille de route');
    await company.getByRole('button', { name: 'Ajouter une action' }).click();
    await company.getByLabel("Intitulé de l'action").fill(ACTION);
    await company.getByLabel('Début').fill('J+0');
    await company.getByLabel('Échéance').fill('J+60');
    await company.getByRole('checkbox', { name: new RegExp(NEED.replace(/[()]/g, '\\$&')) }).check();
    await company
      .getByRole('checkbox', { name: 'Lycée professionnel du Val de Fensch (fictif)', exact: true })
      .check();
    await company.getByRole('button', { name: "Enregistrer l'action" }).click();

    const card = actionCard(facilitator, ACTION);
    const text = await eventually(textOf(card), (value) => value.includes(NEED));
    expect(text).toContain(`Porteur : ${STEEL}`);
    expect(text).toContain('Partenaires : Lycée professionnel du Val de Fensch (fictif)');
    expect(text).toMatch(/Du J\+0 \(\d{1,2} \S+ \d{4}\) au J\+60 \(\d{1,2} \S+ \d{4}\)/);
    expect(text).toContain('Statut : Proposée');

    await tab(facilitator, 'Besoins');
    const row = facilitator.locator('[data-testid="needs-table"] tbody tr', { hasText: NEED });
    await eventually(textOf(row.locator('[data-field="actions"]')), (value) => value.includes(ACTION));

    await tab(facilitator, 'Feuille de route');
    await facilitator.getByRole('button', { name: 'Frise chronologique' }).click();
    const timeline = facilitator.locator('figure.timeline');
    await expect(timeline.innerText()).resolves.toMatch(
      /Former 10 soudeurs \(e2e\)[\s\S]*Proposée[\s\S]*60 jour/,
    );
    await facilitator.getByRole('button', { name: 'Liste', exact: true }).click();
  });

  it('refuses a due date before the start and a malformed date at the field', async () => {
    await company.getByRole('button', { name: 'Ajouter une action' }).click();
    await company.getByLabel("Intitulé de l'action").fill('Action aux dates inversées');
    await company.getByLabel('Début').fill('J+30');
    await company.getByLabel('Échéance').fill('J+10');
    await company.getByRole('button', { name: "Enregistrer l'action" }).click();
    const due = company.getByLabel('Échéance');
    await expect(due.getAttribute('aria-invalid')).resolves.toBe('true');
    const errorId = ((await due.getAttribute('aria-describedby')) ?? '').split(' ')[0];
    await expect(company.locator(`[id="${errorId}"]`).innerText()).resolves.toBe(
      "L'échéance ne peut pas précéder le début.",
    );

    await company.getByLabel('Début').fill('demain');
    await company.getByLabel('Échéance').fill('J+10');
    await company.getByRole('button', { name: "Enregistrer l'action" }).click();
    const start = company.getByLabel('Début');
    await expect(start.getAttribute('aria-invalid')).resolves.toBe('true');
    await company.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expect(facilitator.getByText('Action aux dates inversées').count()).resolves.toBe(0);
    await expect(company.getByText('Action aux dates inversées').count()).resolves.toBe(0);
  });

  it('asks the owner organisation to confirm a commitment to its action, and the owner confirms', async () => {
    const seenBySchool = actionCard(school, ACTION);
    await eventually(textOf(seenBySchool), (value) => value.includes(ACTION));
    // The school does not own the action: no edit, delete or status control, only a request.
    await expect(seenBySchool.getByRole('button', { name: /^Modifier|^Supprimer/ }).count()).resolves.toBe(0);
    await expect(seenBySchool.getByRole('combobox').count()).resolves.toBe(0);
    await seenBySchool.getByRole('button', { name: `Demander l'engagement de ${STEEL}` }).click();
    await eventually(textOf(seenBySchool), (value) =>
      value.includes(`En attente de confirmation par ${STEEL}`),
    );
    await expect(seenBySchool.getByRole('button', { name: "Confirmer l'engagement" }).count()).resolves.toBe(
      0,
    );

    const seenByCompany = actionCard(company, ACTION);
    await eventually(textOf(seenByCompany), (value) => value.includes('demandée par Karim Formation'));
    await seenByCompany.getByRole('button', { name: "Confirmer l'engagement" }).click();

    for (const page of [school, company, facilitator]) {
      const text = await eventually(textOf(actionCard(page, ACTION)), (value) =>
        value.includes('Statut : Engagée'),
      );
      expect(text).toContain('Engagement confirmé par Sophie Entreprise');
      expect(text).not.toContain('En attente de confirmation');
    }
  });

  it("lets the facilitator commit another organisation's action only through its owner's confirmation", async () => {
    await facilitator.getByRole('button', { name: 'Ajouter une action' }).click();
    await facilitator.getByLabel("Intitulé de l'action").fill('Ouvrir une classe de CAP soudure (e2e)');
    await facilitator
      .getByLabel('Organisation porteuse')
      .selectOption({ label: 'Lycée professionnel du Val de Fensch (fictif)' });
    await facilitator.getByLabel('Statut', { exact: true }).selectOption({ label: 'Engagée' });
    await facilitator.getByLabel('Début').fill('J+10');
    await facilitator.getByLabel('Échéance').fill('J+90');
    await facilitator.getByRole('button', { name: "Enregistrer l'action" }).click();

    const card = actionCard(school, 'Ouvrir une classe de CAP soudure (e2e)');
    const text = await eventually(textOf(card), (value) => value.includes('En attente de confirmation'));
    expect(text).toContain('Statut : Proposée');
    expect(text).toContain('Lycée professionnel du Val de Fensch (fictif)');
    await card.getByRole('button', { name: "Confirmer l'engagement" }).click();
    await eventually(textOf(actionCard(facilitator, 'Ouvrir une classe de CAP soudure (e2e)')), (value) =>
      value.includes('Engagement confirmé par Karim Formation'),
    );
  });

  it('has no serious or critical axe violation in the roadmap list, timeline and form', async () => {
    await company.getByRole('button', { name: 'Ajouter une action' }).click();
    await school.getByRole('button', { name: 'Frise chronologique' }).click();
    for (const page of [company, school, facilitator]) {
      const result = await new AxeBuilder({ page }).include('#panel-roadmap').analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await company.getByRole('button', { name: 'Annuler', exact: true }).click();
  });
});
