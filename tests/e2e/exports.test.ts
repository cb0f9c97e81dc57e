import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { needs, roadmap, type Need } from '@atelier/domain';
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
const poppler = existsSync('/usr/bin/pdftotext');
if (!poppler)
  console.warn('⚠ PDF text checks skipped: install poppler-utils (apt-get install -y poppler-utils).');

const need = (fields: Pick<Need, 'id' | 'title'> & Partial<Need>): Need => ({
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
  createdBy: 'e2e',
  updatedAt: new Date().toISOString(),
  ...fields,
});

/** Submits the export form with some choices and gives the downloaded file. */
async function exportFile(
  page: Page,
  choices: {
    version?: string;
    format?: string;
    names?: 'anonymised' | 'named';
    separator?: string;
    table?: string;
    public?: boolean;
  },
): Promise<{ name: string; bytes: Buffer; path: string }> {
  await page.locator('#export-format').selectOption(choices.format ?? 'pdf');
  await page.locator('#export-version').selectOption(choices.version ?? 'current');
  await page.locator(`input[name="names"][value="${choices.names ?? 'anonymised'}"]`).check();
  if (choices.table) await page.locator('#export-table').selectOption(choices.table);
  if (choices.separator) await page.locator('#export-separator').selectOption(choices.separator);
  await page
    .getByTestId('export-form')
    .locator('input[name="public"]')
    .setChecked(choices.public ?? false);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.getByRole('button', { name: 'Exporter et télécharger' }).click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path), path };
}

/** Issue 10: the facilitator exports the report; participants get the published one once closed. */
describe.skipIf(!browser.available)('exports in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let facilitator: { context: BrowserContext; page: Page };
  let company: { context: BrowserContext; page: Page };
  let client: Awaited<ReturnType<typeof documentClient>>;
  let path = '';

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    facilitator = await signedInContext(chromium, platform, DEMO.facilitator);
    company = await signedInContext(chromium, platform, DEMO.company);
    path = await workshopPath(facilitator.page, platform, DEMO_WORKSHOPS.live);
    client = await documentClient({
      context: facilitator.context,
      platform,
      room: `${path.split('/').at(-1)!}/content`,
    });
    needs.add(client.doc, need({ id: 'need-welders', title: 'Soudeurs TIG' }));
    needs.add(client.doc, need({ id: 'need-formula', title: '=HYPERLINK("http://x","y")', headcount: 1 }));
    roadmap.add(client.doc, {
      id: 'action-section',
      title: 'Ouvrir une section de soudage',
      description: '',
      ownerOrganisationId: 'org-e2e',
      partnerOrganisationIds: [],
      start: '2026-12-01',
      due: '2027-03-01',
      status: 'committed',
      needIds: ['need-welders'],
      createdBy: 'e2e',
      updatedAt: new Date().toISOString(),
    });
    // The realtime server stores accepted updates within about 100 ms; exports read the store.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  });
  afterAll(async () => {
    client?.provider.destroy();
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('lets the facilitator export the PDF report and download it', async () => {
    const { page } = facilitator;
    // From the room, through the workshop's Exports tab.
    await page.goto(`${platform.baseUrl}${path}`);
    await page
      .getByRole('navigation', { name: "Sections de l'atelier" })
      .getByRole('link', { name: 'Exports' })
      .click();
    await page.getByRole('heading', { name: 'Nouvel export' }).waitFor();
    const pdf = await exportFile(page, { format: 'pdf', names: 'named' });
    expect(pdf.name).toMatch(/^atelier-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}-report\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    if (poppler) {
      const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
      expect(text).toContain(DEMO_WORKSHOPS.live.slice(0, 30));
      expect(text).toContain('Soudeurs TIG');
      expect(text).toContain('Ouvrir une section de soudage');
      expect(text).toContain('Julien Animateur');
      expect(text).toMatch(/Page 2 sur \d+/);
    }
    // Kept in the history, downloadable again byte for byte.
    await page.goto(`${platform.baseUrl}${path}/exports`);
    const row = page.getByTestId('export-history').getByRole('row').nth(1);
    await expect(row.textContent()).resolves.toContain('PDF · fr · nominatif');
    const again = await page.request.get(
      `${platform.baseUrl}${path}/exports/${(await row.getByRole('link').getAttribute('href'))!.split('/').at(-1)}`,
    );
    expect(again.status()).toBe(200);
    expect(Buffer.from(await again.body()).equals(pdf.bytes)).toBe(true);
  });

  it('exports a saved version as it was', async () => {
    const { page } = facilitator;
    // Saved from the room (the versions feature), then the content moves on.
    await openRoom(page, platform, path, 'synthesis');
    await page.getByLabel('Nom de la version').fill('avant la séance 2');
    await page.getByRole('button', { name: 'Enregistrer une version' }).click();
    await expect
      .poll(() => page.locator('[role="status"][aria-live="polite"]').textContent(), { timeout: 10_000 })
      .toBe('Version enregistrée.');
    needs.add(client.doc, need({ id: 'need-after', title: 'Chaudronniers (après la version)' }));
    await new Promise((resolve) => setTimeout(resolve, 1000));

    await page.goto(`${platform.baseUrl}${path}/exports`);
    const version = await page
      .locator('#export-version option', { hasText: 'avant la séance 2' })
      .getAttribute('value');
    const pdf = await exportFile(page, { format: 'pdf', version: version! });
    if (poppler) {
      const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' });
      expect(text).toContain('Soudeurs TIG');
      expect(text).not.toContain('Chaudronniers (après la version)');
      expect(text).toContain('Version enregistrée « avant la séance 2 »');
    }
    const current = await exportFile(page, { format: 'csv', table: 'needs' });
    expect(current.bytes.toString('utf8')).toContain('Chaudronniers (après la version)');
    await page.goto(`${platform.baseUrl}${path}/exports`);
    const rows = page.getByTestId('export-history').getByRole('row');
    await expect(rows.nth(2).textContent()).resolves.toContain('avant la séance 2');
  });

  it('writes no name in the anonymised report', async () => {
    const { page } = facilitator;
    await page.goto(`${platform.baseUrl}${path}/exports`);
    const pdf = await exportFile(page, { format: 'pdf', names: 'anonymised' });
    if (poppler) {
      const text = execFileSync('pdftotext', [pdf.path, '-'], { encoding: 'utf8' });
      for (const name of ['Julien Animateur', 'Sophie Entreprise', 'Karim Formation', 'Anne Observatrice']) {
        expect(text).not.toContain(name);
      }
      expect(text).toContain('Aciéries de la Fensch (fictive)');
    }
  });

  it('exports the needs as French-Excel CSV with the formula neutralised', async () => {
    const { page } = facilitator;
    await page.goto(`${platform.baseUrl}${path}/exports`);
    const csv = await exportFile(page, { format: 'csv', table: 'needs', separator: 'semicolon' });
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(';Soudeurs TIG;');
    expect(text).toContain(`;"'=HYPERLINK(""http://x"",""y"")";`);
  });

  it('starts a new workshop from the open-data export; a file that is not one creates nothing', async () => {
    const { page } = facilitator;
    // A need of a member organisation other than the facilitator's: the new workshop has no seat
    // for it, and its room must still name it.
    await company.page.goto(`${platform.baseUrl}/organisations`);
    const steelHref = await company.page
      .getByRole('link', { name: 'Aciéries de la Fensch (fictive)' })
      .first()
      .getAttribute('href');
    const steelId = steelHref!.split('/').at(-1)!;
    needs.add(
      client.doc,
      need({ id: 'need-slingers', title: 'Pontiers-élingueurs', organisationId: steelId }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await page.goto(`${platform.baseUrl}${path}/exports`);
    const bundle = await exportFile(page, { format: 'json', names: 'named' });
    const source = JSON.parse(bundle.bytes.toString('utf8')) as { needs: unknown[]; roadmap: unknown[] };
    expect(source.needs.length).toBeGreaterThan(0);

    await page.goto(`${platform.baseUrl}/workshops/new`);
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Titre', { exact: true }).fill('Atelier repris de l’export');
    // Refused at the field, with the reason; no workshop is created.
    await page.locator('#bundle').setInputFiles({
      name: 'autre.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"autre chose"}'),
    });
    await page.getByRole('button', { name: "Créer l'atelier" }).click();
    await page.locator('#bundle[aria-invalid="true"]').waitFor();
    await expect(page.locator('#bundle-error').textContent()).resolves.toContain(
      "n'est pas un export open data d'Atelier valide",
    );
    await page.locator('#bundle').setInputFiles({
      name: 'casse.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"needs": ['),
    });
    await page.getByRole('button', { name: "Créer l'atelier" }).click();
    await page.locator('#bundle-error', { hasText: "n'est pas un JSON lisible" }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/workshops/new');
    const list = await page.request.get(`${platform.baseUrl}/workshops`);
    expect(await list.text()).not.toContain('Atelier repris de l’export');

    // The real export: the new workshop's room holds the same needs and actions.
    await page.locator('#bundle').setInputFiles(bundle.path);
    await Promise.all([
      page.waitForURL(/\/workshops\/[0-9a-f-]{36}\/settings$/),
      page.getByRole('button', { name: "Créer l'atelier" }).click(),
    ]);
    const newPath = new URL(page.url()).pathname.replace(/\/settings$/, '');
    await openRoom(page, platform, newPath, 'needs');
    await page.locator('main').getByText('Soudeurs TIG').first().waitFor();
    const slingers = page
      .locator('main tr', { hasText: 'Pontiers-élingueurs' })
      .locator('[data-field="organisationId"]');
    await expect(slingers.textContent()).resolves.toContain('Aciéries de la Fensch (fictive)');
    await expect(slingers.textContent()).resolves.not.toContain(steelId);
    const copy = await documentClient({
      context: facilitator.context,
      platform,
      room: `${newPath.split('/').at(-1)!}/content`,
    });
    try {
      expect(
        needs
          .read(copy.doc)
          .map((entry) => entry.id)
          .sort(),
      ).toEqual(
        needs
          .read(client.doc)
          .map((entry) => entry.id)
          .sort(),
      );
      expect(roadmap.read(copy.doc).map((action) => action.title)).toContain('Ouvrir une section de soudage');
    } finally {
      copy.provider.destroy();
    }
  });

  it('refuses exports to a participant of a live workshop', async () => {
    const response = await company.page.goto(`${platform.baseUrl}${path}/exports`);
    expect(response?.status()).toBe(403);
    const post = await company.page.request.post(`${platform.baseUrl}${path}/exports/new`, {
      form: { format: 'pdf', version: 'current', names: 'named', locale: 'fr' },
      headers: { origin: platform.baseUrl },
    });
    expect(post.status()).toBe(403);
  });

  it('gives participants the report published for them once the workshop is closed', async () => {
    const closed = await workshopPath(facilitator.page, platform, DEMO_WORKSHOPS.closed);
    await facilitator.page.goto(`${platform.baseUrl}${closed}/exports`);
    await exportFile(facilitator.page, { format: 'pdf', names: 'anonymised', public: true });
    await exportFile(facilitator.page, { format: 'docx', names: 'named' });
    const { page } = company;
    await page.goto(`${platform.baseUrl}${closed}/exports`);
    await page.getByRole('heading', { name: 'Comptes rendus publiés' }).waitFor();
    const rows = page.getByTestId('export-history').getByRole('row');
    // The header, the report just published, and the demo's, published the day after the session.
    expect(await rows.count()).toBe(3);
    await expect(rows.nth(1).textContent()).resolves.toContain('PDF · fr · anonymisé');
    await expect(rows.nth(2).textContent()).resolves.toContain('Fin de séance — diagnostic partagé');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      rows.nth(1).getByRole('link', { name: 'Télécharger' }).click(),
    ]);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });
});
