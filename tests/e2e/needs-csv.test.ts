import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, signedInContext } from '../support/room.ts';

const browser = browserAvailability();

/** The demo's open call (its organisations are verified by the seed). */
const DEMO_CALL = 'Besoins et formations à signaler avant la deuxième séance';
const BAD = [
  'Métier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier',
  'Cariste;Caristes;2;6;Florange;CDI;2;non',
  'Cariste;Caristes;douze;6;Florange;CDI;2;non',
].join('\r\n');

/** Windows-1252 as Excel writes "CSV (séparateur : point-virgule)" on a French Windows. */
function windows1252(text: string): Buffer {
  const table: Record<string, number> = { é: 0xe9, è: 0xe8, à: 0xe0, ô: 0xf4, '’': 0x92 };
  return Buffer.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
}

/** Issue 20, items 5-6: the contribution form's CSV in French and its occupation picker, in Chromium. */
describe.skipIf(!browser.available)('the CSV of needs and the pickers of the contribution form', () => {
  let platform: Platform;
  let chromium: Browser;
  let callPath = '';

  async function openCall(page: Page): Promise<void> {
    if (!callPath) {
      await page.goto(`${platform.baseUrl}/contribute`);
      callPath = (await page.getByRole('link', { name: DEMO_CALL }).first().getAttribute('href')) ?? '';
    }
    await page.goto(`${platform.baseUrl}${callPath}`, { waitUntil: 'networkidle' });
  }

  async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
    await page.locator('#c-needs-csv').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await page.locator('form[action="?/csv"] button[type="submit"]').click();
  }

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('downloads the French template, reads it back into the same needs, and reads an Excel Windows-1252 file', async () => {
    const { page, context } = await signedInContext(chromium, platform, DEMO.company);
    await openCall(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger le modèle CSV' }).click(),
    ]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]).toBe(
      'Métier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier;Compétences;Commentaire',
    );

    await upload(page, 'modele-besoins.csv', bytes);
    const report = page.getByTestId('csv-report');
    await report.getByText('Lignes acceptées : 2. Lignes refusées : 0.').waitFor();
    await expect(page.locator('fieldset.need-row').count()).resolves.toBe(2);
    await expect(page.locator('#c-needs-needs-0-title').inputValue()).resolves.toBe('Soudeurs TIG sur acier');
    await expect(page.locator('#c-needs-needs-0-romeCode').inputValue()).resolves.toBe(
      'H2913 — Soudage manuel',
    );
    await expect(page.locator('#c-needs-needs-0-communeCode').inputValue()).resolves.toBe('Florange (57221)');
    await expect(page.locator('#c-needs-needs-1-contract').inputValue()).resolves.toBe('apprenticeship');

    const excel = windows1252(
      [
        'Métier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier',
        'Cariste;Caristes d’entrepôt;2;6;Thionville;Intérim;2;non',
      ].join('\r\n'),
    );
    await upload(page, 'besoins-excel.csv', excel);
    await report.getByText('Lignes acceptées : 1. Lignes refusées : 0.').waitFor();
    await report.getByText('Fichier lu en Windows-1252').waitFor();
    await expect(page.locator('#c-needs-needs-0-title').inputValue()).resolves.toBe('Caristes d’entrepôt');
    await context.close();
  });

  it('names line and column of a bad line in the reader’s language, and a new file clears the old report', async () => {
    const expected = {
      'fr-FR': "Ligne 3, colonne « Effectif » : « douze » n'est pas un nombre entier.",
      'en-GB': 'Line 3, column “Effectif”: “douze” is not a whole number.',
      'de-DE': 'Zeile 3, Spalte „Effectif“: „douze“ ist keine ganze Zahl.',
    } as const;
    for (const [locale, text] of Object.entries(expected)) {
      const { page, context } = await signedInContext(chromium, platform, DEMO.company, { locale });
      await openCall(page);
      await upload(page, 'besoins.csv', Buffer.from(BAD, 'utf8'));
      const report = page.getByTestId('csv-report');
      await expect(report.locator('li[data-line="3"]').textContent({ timeout: 15_000 })).resolves.toBe(text);
      await expect(report.textContent()).resolves.not.toMatch(/Invalid|expected one of/);
      if (locale === 'fr-FR') {
        // Not a text file: the old report goes, a clear message says what to do.
        await upload(page, 'classeur.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]));
        await page.getByText("Ce fichier n'est pas un texte CSV.", { exact: false }).waitFor();
        await expect(page.getByTestId('csv-report').count()).resolves.toBe(0);
      }
      await context.close();
    }
  });

  it('picks an occupation in everyday words with a tap on a phone', async () => {
    const signedIn = await signedInContext(chromium, platform, DEMO.company);
    const context = await chromium.newContext({
      locale: 'fr-FR',
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    await context.addCookies(await signedIn.context.cookies());
    await signedIn.context.close();
    const page = await context.newPage();
    await openCall(page);
    const picker = page.getByRole('combobox', { name: 'Métier' }).first();
    await picker.fill('cariste');
    const option = page.locator('#c-needs-needs-0-romeCode-opt-0');
    await expect(option.locator('.label').innerText({ timeout: 15_000 })).resolves.toBe('Cariste');
    await option.tap();
    await expect(picker.inputValue()).resolves.toBe('Cariste');
    await expect(page.locator('input[type="hidden"][name="needs.0.romeCode"]').inputValue()).resolves.toBe(
      'N1101',
    );
    const commune = page.getByRole('combobox', { name: 'Commune' }).first();
    await commune.fill('hagond');
    await page.locator('#c-needs-needs-0-communeCode-opt-0').tap();
    await expect(commune.inputValue()).resolves.toBe('Hagondange (57283)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );
    await context.close();
  });
});
