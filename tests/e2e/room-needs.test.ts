import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, openRoom, signedInContext, workshopPath } from '../support/room.ts';

const browser = browserAvailability();

/** Polls until `read` gives `expected` (or times out), for text that arrives through the network. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<number> {
  const started = Date.now();
  let last: T | undefined;
  while (Date.now() - started < timeoutMs) {
    last = await read();
    if (last === expected) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`expected ${String(expected)}, still ${String(last)} after ${timeoutMs} ms`);
}

const rowOf = (page: Page, title: string): Locator =>
  page.locator('[data-testid="needs-table"] tbody tr', { hasText: title });
const cellText = (page: Page, title: string, field: string) => () =>
  rowOf(page, title)
    .locator(`[data-field="${field}"]`)
    .first()
    .innerText()
    .then((text) => text.replace('✎', '').trim())
    .catch(() => '');

async function addNeed(
  page: Page,
  need: { title: string; headcount: string; rome?: string; commune?: string },
) {
  await page.getByRole('button', { name: 'Ajouter un besoin' }).click();
  await page.locator('#need-new-romeCode').fill(need.rome ?? 'H2913');
  await page.locator('#need-new-title-input').fill(need.title);
  await page.locator('#need-new-headcount').fill(need.headcount);
  await page.locator('#need-new-communeCode').fill(need.commune ?? '57463');
  await page.getByRole('button', { name: 'Enregistrer le besoin' }).click();
}

async function editCell(page: Page, title: string, label: string, value: string): Promise<void> {
  const row = rowOf(page, title);
  await row.getByRole('button', { name: new RegExp(`^Modifier ${label}`) }).click();
  const input = row.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

/** Issue 5, needs register: three demo users in the live workshop, in Chromium. */
describe.skipIf(!browser.available)('the needs register of the live room', () => {
  let platform: Platform;
  let chromium: Browser;
  const contexts: BrowserContext[] = [];
  let company: Page;
  let facilitator: Page;
  let observer: Page;

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    const pages: Page[] = [];
    for (const email of [DEMO.company, DEMO.facilitator, DEMO.observer]) {
      const { context, page } = await signedInContext(chromium, platform, email);
      contexts.push(context);
      pages.push(page);
    }
    [company, facilitator, observer] = pages as [Page, Page, Page];
    const path = await workshopPath(company, platform, DEMO_WORKSHOPS.live);
    await Promise.all(pages.map((page) => openRoom(page, platform, path, 'needs')));
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('shows a need the company adds to the facilitator within a second, and the headcount the facilitator edits to everyone', async () => {
    await addNeed(company, { title: 'Soudeurs TIG (e2e)', headcount: '4' });
    const seenAfter = await eventually(cellText(facilitator, 'Soudeurs TIG (e2e)', 'headcount'), '4', 3000);
    expect(seenAfter).toBeLessThan(1000);
    await expect(cellText(facilitator, 'Soudeurs TIG (e2e)', 'romeCode')()).resolves.toContain(
      'Soudage manuel',
    );
    await expect(rowOf(facilitator, 'Soudeurs TIG (e2e)').innerText()).resolves.toContain(
      'Sophie Entreprise',
    );

    await editCell(facilitator, 'Soudeurs TIG (e2e)', 'Effectif', '9');
    await eventually(cellText(company, 'Soudeurs TIG (e2e)', 'headcount'), '9');
    await eventually(cellText(observer, 'Soudeurs TIG (e2e)', 'headcount'), '9');
    // The row now names its last editor, the facilitator, for everyone.
    await expect(rowOf(company, 'Soudeurs TIG (e2e)').innerText()).resolves.toContain('Julien Animateur');

    // The observer reads the same row and has no editing control at all.
    const row = rowOf(observer, 'Soudeurs TIG (e2e)');
    await expect(row.getByRole('button', { name: /^Modifier/ }).count()).resolves.toBe(0);
    await expect(row.getByRole('button', { name: /^Supprimer/ }).count()).resolves.toBe(0);
    await expect(observer.getByRole('button', { name: 'Ajouter un besoin' }).count()).resolves.toBe(0);
    await expect(observer.locator('#panel-needs').innerText()).resolves.toContain('Lecture seule');
  });

  it('keeps two edits made offline and merges them when the network returns', async () => {
    await addNeed(company, { title: 'Caristes (e2e)', headcount: '3', rome: 'N1101', commune: '57672' });
    await eventually(cellText(facilitator, 'Caristes (e2e)', 'headcount'), '3');
    const context = contexts[0]!;
    await context.setOffline(true);
    await company.locator('[data-testid="connection"].connection-offline').waitFor();
    await editCell(company, 'Soudeurs TIG (e2e)', 'Effectif', '11');
    await editCell(company, 'Caristes (e2e)', 'Effectif', '12');
    const indicator = company.locator('[data-testid="connection"]');
    await expect(indicator.innerText()).resolves.toMatch(
      /Hors ligne[\s\S]*2 modification\(s\) non synchronisée\(s\)/,
    );
    // Nobody else has them yet.
    await expect(cellText(facilitator, 'Soudeurs TIG (e2e)', 'headcount')()).resolves.toBe('9');

    await context.setOffline(false);
    await company.locator('[data-testid="connection"].connection-connected').waitFor({ timeout: 20_000 });
    for (const page of [company, facilitator, observer]) {
      await eventually(cellText(page, 'Soudeurs TIG (e2e)', 'headcount'), '11', 10_000);
      await eventually(cellText(page, 'Caristes (e2e)', 'headcount'), '12', 10_000);
    }
    await expect(indicator.innerText()).resolves.not.toMatch(/non synchronisée/);
  });

  it('refuses bad input at the field and never writes it; pasted HTML stays text', async () => {
    const caption = company.locator('[data-testid="needs-table"] caption');
    const before = await caption.innerText();
    await addNeed(company, { title: 'Électriciens (e2e)', headcount: '0', rome: 'Z9999', commune: '99999' });
    const headcount = company.locator('#need-new-headcount');
    await expect(headcount.getAttribute('aria-invalid')).resolves.toBe('true');
    const describedBy = (await headcount.getAttribute('aria-describedby')) ?? '';
    await expect(company.locator(`[id="${describedBy.split(' ')[0]}"]`).innerText()).resolves.toBe(
      'Saisissez un nombre entier positif (1 ou plus).',
    );
    const rome = company.getByRole('combobox', { name: 'Métier (code ROME)' });
    await expect(rome.getAttribute('id')).resolves.toBe('need-new-romeCode');
    await expect(rome.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(company.locator('#need-new-romeCode-error').innerText()).resolves.toContain(
      'Code ROME inconnu',
    );
    await expect(company.locator('#need-new-communeCode-error').innerText()).resolves.toContain(
      'Commune inconnue',
    );
    await expect(caption.innerText()).resolves.toBe(before);
    await company.getByRole('button', { name: 'Annuler', exact: true }).click();

    // In place: a headcount of 0 is refused at the cell, the stored value stays.
    const row = rowOf(company, 'Caristes (e2e)');
    await row.getByRole('button', { name: /^Modifier Effectif/ }).click();
    await row.getByLabel('Effectif', { exact: true }).fill('0');
    await row.getByLabel('Effectif', { exact: true }).press('Enter');
    await expect(row.getByRole('alert').innerText()).resolves.toContain('nombre entier positif');
    await row.getByLabel('Effectif', { exact: true }).press('Escape');
    await expect(cellText(facilitator, 'Caristes (e2e)', 'headcount')()).resolves.toBe('12');

    const markup = '<b>Chaudronniers</b> <img src=x onerror="window.pwned=1">';
    await addNeed(company, { title: markup, headcount: '2' });
    await eventually(cellText(facilitator, 'Chaudronniers', 'title'), markup);
    await eventually(cellText(observer, 'Chaudronniers', 'title'), markup);
    await expect(
      facilitator.locator('[data-testid="needs-table"] b, [data-testid="needs-table"] img').count(),
    ).resolves.toBe(0);
    await expect(facilitator.evaluate(() => 'pwned' in window)).resolves.toBe(false);
  });

  it('lets a participant delete only their own rows, with undo', async () => {
    const row = rowOf(company, 'Caristes (e2e)');
    await row.getByRole('button', { name: 'Supprimer « Caristes (e2e) »' }).click();
    await eventually(() => rowOf(facilitator, 'Caristes (e2e)').count(), 0);
    await company.getByRole('button', { name: 'Annuler la suppression' }).click();
    await eventually(cellText(facilitator, 'Caristes (e2e)', 'headcount'), '12');
  });

  it('picks an occupation in everyday words and a commune from the keyboard in the comboboxes', async () => {
    await company.getByRole('button', { name: 'Ajouter un besoin' }).click();
    const rome = company.getByRole('combobox', { name: 'Métier (code ROME)' });
    // Issue 20: the appellations load on first use and "soudeur" offers TIG welding first (H2913).
    await rome.fill('soudeur');
    await eventually(() => rome.getAttribute('aria-expanded'), 'true');
    await expect(company.locator('#need-new-romeCode-opt-0 .label').innerText()).resolves.toBe(
      'Soudeur / Soudeuse Tungsten Inert Gas -TIG-',
    );
    await expect(company.locator('#need-new-romeCode-opt-0 .detail').innerText()).resolves.toBe(
      'H2913 — Soudage manuel',
    );
    await rome.fill('maintenance');
    await eventually(() => company.locator('#need-new-romeCode-opt-1 .label').count(), 1);
    await rome.press('ArrowDown');
    await rome.press('ArrowDown');
    const active = (await rome.getAttribute('aria-activedescendant')) ?? '';
    expect(active).toBe('need-new-romeCode-opt-1');
    await expect(company.locator(`#${active}`).getAttribute('aria-selected')).resolves.toBe('true');
    const label = await company.locator(`#${active} .label`).innerText();
    const picked = await company.locator(`#${active} .detail`).innerText();
    await rome.press('Enter');
    await expect(rome.inputValue()).resolves.toBe(label);
    await expect(rome.getAttribute('aria-expanded')).resolves.toBe('false');

    const commune = company.locator('#need-new-communeCode');
    await commune.fill('thionv');
    await commune.press('ArrowDown');
    await commune.press('Escape');
    await expect(commune.getAttribute('aria-expanded')).resolves.toBe('false');
    await commune.press('ArrowDown');
    await commune.press('ArrowDown');
    await commune.press('Enter');
    await expect(commune.inputValue()).resolves.toBe('Thionville (57672)');

    await company.locator('#need-new-title-input').fill('Mécaniciens au clavier (e2e)');
    await company.getByRole('button', { name: 'Enregistrer le besoin' }).click();
    const code = picked.split(' — ')[0]!;
    await eventually(
      cellText(facilitator, 'Mécaniciens au clavier (e2e)', 'communeCode'),
      'Thionville (57672)',
    );
    await expect(cellText(facilitator, 'Mécaniciens au clavier (e2e)', 'romeCode')()).resolves.toBe(picked);
    expect(code).toMatch(/^[A-N]\d{4}$/);
  });

  it('has no serious or critical axe violation in the needs section, for a participant and an observer', async () => {
    await rowOf(company, 'Soudeurs TIG (e2e)')
      .getByRole('button', { name: /^Commentaires/ })
      .click();
    for (const page of [company, observer]) {
      const result = await new AxeBuilder({ page }).include('#panel-needs').analyze();
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
});
