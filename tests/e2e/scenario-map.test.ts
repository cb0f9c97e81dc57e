import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import {
  compileScenario,
  mapLayers,
  NORTH_LORRAINE,
  runModel,
  runScenarioLab,
  skillsGapByZone,
  type CommuneContours,
  type MapLayers,
  type ModelResult,
} from '@atelier/domain';
import { chromium as chromium_, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIndicator } from '../../apps/web/src/lib/scenario-lab/map/format.ts';
import { browserAvailability, CHROMIUM, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, signedInContext, workshopPath } from '../support/room.ts';

const browser = browserAvailability();
const here = path.dirname(fileURLToPath(import.meta.url));
const SCREENSHOTS = path.resolve(here, '../test-results/screenshots');
const communes = JSON.parse(
  readFileSync(path.resolve(here, '../../packages/domain/src/mobility/territory/communes.geojson'), 'utf8'),
) as CommuneContours;
const INTERNAL_ZONES = NORTH_LORRAINE.zones.filter((zone) => zone.kind === 'internal').length;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Intl's no-break spaces, as innerText gives them, made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').trim();

/** Issue 8, item 3: the scenario map, drawn from bundled data only, with its table alternative. */
describe.skipIf(!browser.available)('the scenario map in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let mapPath = '';
  let scenariosPath = '';
  // The page runs the same deterministic model: its layers are these.
  let expected: MapLayers;
  let baseline: ModelResult;

  /** Opens the demo map, recording every request's host; resolves when MapLibre has drawn the zones. */
  async function openMap(page: Page, hosts: Set<string>): Promise<string> {
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (
        url.protocol === 'http:' ||
        url.protocol === 'https:' ||
        url.protocol === 'ws:' ||
        url.protocol === 'wss:'
      )
        hosts.add(url.hostname);
      else if (url.protocol !== 'data:' && url.protocol !== 'blob:')
        hosts.add(`${url.protocol}${url.hostname}`);
    });
    await page.goto(`${platform.baseUrl}${mapPath}`);
    const map = page.getByTestId('scenario-map');
    await map
      .and(page.locator('[data-state="ready"], [data-state="unavailable"]'))
      .waitFor({ timeout: 60_000 });
    const state = (await map.getAttribute('data-state')) ?? '';
    if (state === 'ready')
      await page.waitForFunction(
        (count) =>
          document.querySelector('[data-testid="scenario-map"]')?.getAttribute('data-rendered-zones') ===
          count,
        String(INTERNAL_ZONES),
        { timeout: 30_000 },
      );
    return state;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    baseline = runModel();
    // Named in French, as the French page names them (`@atelier/domain/names`).
    expected = mapLayers({
      territory: NORTH_LORRAINE,
      communes,
      result: baseline,
      indicator: 'ptShare',
      locale: 'fr',
    });
    platform = await startPlatform();
    chromium = await launchBrowser();
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    const room = await workshopPath(page, platform, DEMO_WORKSHOPS.live);
    mapPath = `${room}/map`;
    scenariosPath = `${room}/scenarios`;
    await context.close();
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('draws every zone with MapLibre without any request outside localhost', async ({ annotate }) => {
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    const hosts = new Set<string>();
    const started = performance.now();
    const state = await openMap(page, hosts);
    // Navigation to every zone drawn: the model run in the worker, MapLibre and the contours loaded.
    await annotate(`map drawn ${Math.round(performance.now() - started)} ms after navigation`);
    expect(state, 'WebGL must be available to headless Chromium (see launchBrowser)').toBe('ready');
    const map = page.getByTestId('scenario-map');
    expect(await map.getAttribute('data-layer-zones')).toBe(String(INTERNAL_ZONES));
    expect(await map.getAttribute('data-layer-communes')).toBe(String(communes.features.length));
    expect(await map.getAttribute('data-rendered-zones')).toBe(String(INTERNAL_ZONES));
    // MapLibre's own controls speak the interface language.
    await page.getByRole('button', { name: 'Zoom avant' }).click();
    expect([...hosts].filter((host) => !LOCAL_HOSTS.has(host))).toEqual([]);
    expect(hosts.size).toBeGreaterThan(0);
    await context.close();
  });

  it('lists the same zones and figures in its table alternative as in the layer data', async () => {
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    await openMap(page, new Set());
    await page.getByText('Les données de la carte en tableau').click();
    const table = page.getByRole('table', { name: /Zones internes/ });
    await expect(table.locator('tbody tr').count()).resolves.toBe(INTERNAL_ZONES);
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        zone: tr.getAttribute('data-zone'),
        cells: Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell as HTMLElement).innerText),
      })),
    );
    expect(rows.map((row) => row.zone)).toEqual(expected.figures.map((row) => row.zone));
    for (const [i, row] of rows.entries()) {
      const figures = expected.figures[i]!;
      expect(row.cells.map(plain)).toEqual(
        [
          figures.name,
          formatIndicator({ indicator: 'ptShare', value: figures.ptShare, locale: 'fr' }),
          formatIndicator({ indicator: 'pt45', value: figures.pt45, locale: 'fr' }),
          formatIndicator({ indicator: 'car30', value: figures.car30, locale: 'fr' }),
        ].map(plain),
      );
    }
    const roads = page.getByRole('table', { name: /Tronçons routiers/ });
    await expect(roads.locator('tbody tr').count()).resolves.toBe(expected.dysfunctions.links.length);
    expect(expected.dysfunctions.links.some((link) => link.level === 'over')).toBe(true);
    await context.close();
  });

  it('shows a zone’s figures chosen with the keyboard or a click on the map', async () => {
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    await openMap(page, new Set());
    const figures = page.getByTestId('map-zone-figures');
    const first = [...expected.figures].sort((a, b) => a.name.localeCompare(b.name, 'fr'))[0]!;
    await page.getByLabel('Zone', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await figures.getByRole('heading', { name: `Chiffres de la zone ${first.name}` }).waitFor();
    expect(plain(await figures.locator('dd').first().innerText())).toBe(
      plain(formatIndicator({ indicator: 'ptShare', value: first.ptShare, locale: 'fr' })),
    );

    // A click on the map selects the zone under the pointer, with the same figures as its table row.
    const canvas = page.locator('[data-testid="scenario-map"] canvas');
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width / 2, y: box.height / 2 } });
    const heading = figures.getByRole('heading');
    await page.waitForFunction(
      (name) => !document.querySelector('[data-testid="map-zone-figures"] h3')?.textContent?.endsWith(name),
      first.name,
    );
    const name = plain(await heading.innerText()).replace('Chiffres de la zone ', '');
    const clicked = expected.figures.find((row) => row.name === name);
    expect(clicked, `clicked zone ${name}`).toBeDefined();
    expect(plain(await figures.locator('dd').nth(1).innerText())).toBe(
      plain(formatIndicator({ indicator: 'pt45', value: clicked!.pt45, locale: 'fr' })),
    );
    expect(await page.getByLabel('Zone', { exact: true }).inputValue()).toBe(clicked!.zone);

    // The indicator is chosen with the keyboard too: the legend follows, the map redraws every zone.
    await page.getByLabel('Indicateur', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await page
      .locator('.legend')
      .getByText('Emplois accessibles en transports en commun en 45 min')
      .waitFor();
    await page.waitForFunction(
      (count) =>
        document.querySelector('[data-testid="scenario-map"]')?.getAttribute('data-rendered-zones') === count,
      String(INTERNAL_ZONES),
    );
    await context.close();
  });

  it('shows the difference with a variant in the legend, on the map and in the table', async () => {
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    await openMap(page, new Set());
    await page.getByLabel("Montrer l'écart avec une variante").check();
    await page
      .locator('.legend')
      .getByText('Écart avec le scénario de référence')
      .waitFor({ timeout: 30_000 });
    await page.waitForFunction(
      (count) =>
        document.querySelector('[data-testid="scenario-map"]')?.getAttribute('data-rendered-zones') === count,
      String(INTERNAL_ZONES),
    );
    const difference = mapLayers({
      territory: NORTH_LORRAINE,
      communes,
      result: runModel({ scenario: { teleworkShare: 0.2 } }),
      compareTo: baseline,
      indicator: 'ptShare',
    });
    expect(difference.legend.kind).toBe('diverging');
    await page.getByText('Les données de la carte en tableau').click();
    const table = page.getByRole('table', { name: /Zones internes/ });
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell as HTMLElement).innerText),
        ),
      );
    expect(rows).toHaveLength(INTERNAL_ZONES);
    for (const [i, cells] of rows.entries()) {
      const row = difference.figures[i]!;
      expect(plain(cells[1]!)).toBe(
        plain(formatIndicator({ indicator: 'ptShare', value: row.ptShare, locale: 'fr' })),
      );
      expect(plain(cells[4]!)).toBe(
        plain(
          formatIndicator({
            indicator: 'ptShare',
            value: row.value,
            locale: 'fr',
            difference: true,
            points: (value) => `${value} pt`,
          }),
        ),
      );
    }
    await context.close();
  });

  it('draws the skills gap of the lab’s scenario by EPCI, with the same figures in its table', async () => {
    // The lab runs the same deterministic models: a baseline scenario's skills part on its skims.
    let model: ModelResult | undefined;
    const lab = runScenarioLab(compileScenario([]), { onModel: (result) => (model = result) });
    const skillsGap = skillsGapByZone({ skills: lab.skills! });
    const expectedGap = mapLayers({
      territory: NORTH_LORRAINE,
      communes,
      result: model!,
      indicator: 'skillsGap',
      skillsGap,
    });
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    await page.goto(`${platform.baseUrl}${scenariosPath}`);
    await page.locator('[data-testid="connection"].connection-connected').waitFor({ timeout: 30_000 });
    // A new baseline (no changes), selected once created.
    const title = `Référence carte ${Date.now().toString(36)}`;
    await page.getByLabel('Titre du nouveau scénario').fill(title);
    await page.getByRole('button', { name: 'Créer la référence', exact: true }).click();
    await expect.poll(() => page.locator('#lab-scenario option:checked').textContent()).toContain(title);
    // The skills result on this scenario's own skims, not the provisional one.
    await page
      .locator('[data-testid="lab-travel-times"][data-source="mobility-skims"]')
      .waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="lab-stale"]').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('button', { name: 'Afficher la carte' }).click();
    const map = page.getByTestId('scenario-map');
    await map
      .and(page.locator('[data-state="ready"], [data-state="unavailable"]'))
      .waitFor({ timeout: 60_000 });
    const label = 'Postes non pourvus à 5 ans (% des postes à pourvoir de l’EPCI)';
    await page.getByLabel('Indicateur', { exact: true }).selectOption({ label });
    await page.locator('.legend').getByText(label).waitFor({ timeout: 30_000 });
    if ((await map.getAttribute('data-state')) === 'ready')
      await page.waitForFunction(
        (count) =>
          document.querySelector('[data-testid="scenario-map"]')?.getAttribute('data-rendered-zones') ===
          count,
        String(INTERNAL_ZONES),
        { timeout: 30_000 },
      );
    expect(await map.getAttribute('data-layer-zones')).toBe(String(INTERNAL_ZONES));
    // The choropleth's classes are the layer data's.
    const legend = await page.locator('.legend .swatches li').allInnerTexts();
    expect(legend.length).toBeGreaterThanOrEqual(expectedGap.legend.classes.length);
    expect(expectedGap.legend.classes.length).toBeGreaterThan(1);

    await page.getByText('Les données de la carte en tableau').click();
    const table = page.getByRole('table', { name: /Zones internes/ });
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        zone: tr.getAttribute('data-zone'),
        cells: Array.from(tr.querySelectorAll('th, td')).map((cell) => (cell as HTMLElement).innerText),
      })),
    );
    expect(rows.map((row) => row.zone)).toEqual(expectedGap.figures.map((row) => row.zone));
    expect(await table.locator('thead th').nth(4).innerText()).toBe(
      'Postes non pourvus à 5 ans (% de l’EPCI)',
    );
    for (const [i, row] of rows.entries()) {
      const figures = expectedGap.figures[i]!;
      expect(figures.skillsGap, figures.zone).not.toBeNull();
      expect(plain(row.cells[4]!), figures.zone).toBe(
        plain(formatIndicator({ indicator: 'skillsGap', value: figures.skillsGap, locale: 'fr' })),
      );
    }
    // The map inside the lab's page: no duplicate ids with the page's own headings, no serious issue.
    const results = await new AxeBuilder({ page }).analyze();
    const problems = results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id} ${violation.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
    expect(problems).toEqual([]);
    expect(await page.locator('[id="lab-map-title"]').count()).toBe(1);
    await context.close();
  }, 180_000);

  it('says when the map cannot be shown, and still gives the tables, without WebGL', async () => {
    const noGl = await chromium_.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-3d-apis', '--disable-software-rasterizer'],
    });
    try {
      const { page } = await signedInContext(noGl, platform, DEMO.facilitator);
      const state = await openMap(page, new Set());
      expect(state).toBe('unavailable');
      await page.getByRole('status').filter({ hasText: 'La carte ne peut pas être affichée' }).waitFor();
      await page.getByText('Les données de la carte en tableau').click();
      const table = page.getByRole('table', { name: /Zones internes/ });
      await expect(table.locator('tbody tr').count()).resolves.toBe(INTERNAL_ZONES);
    } finally {
      await noGl.close();
    }
  });

  for (const { locale, acceptLanguage, viewport } of [
    { locale: 'fr', acceptLanguage: 'fr-FR', viewport: { width: 1280, height: 800 } },
    { locale: 'en', acceptLanguage: 'en-GB', viewport: { width: 390, height: 844 } },
  ]) {
    it(`has no serious or critical axe violation and is photographed, ${locale} ${viewport.width}`, async ({
      annotate,
    }) => {
      const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator, {
        locale: acceptLanguage,
        viewport,
      });
      await openMap(page, new Set());
      await page.getByLabel('Zone', { exact: true }).selectOption({ index: 1 });
      await page.locator('details.tables summary').click();
      const results = await new AxeBuilder({ page }).analyze();
      const problems = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map(
          (violation) =>
            `${violation.id} (${violation.impact}) ${violation.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
        );
      await page.locator('details.tables summary').click();
      const file = path.join(SCREENSHOTS, `map-${locale}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await annotate(`scenario map ${locale} ${viewport.width}×${viewport.height}`, 'screenshot', {
        path: file,
        contentType: 'image/png',
      });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});
