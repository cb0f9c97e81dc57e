import { englishOnlyNames, zoneName } from '@atelier/domain/names';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, signedInContext, workshopPath } from '../support/room.ts';

const browser = browserAvailability();

/**
 * Every text a person or a screen reader meets on the page: text nodes (HTML and SVG, closed
 * details included), option labels and the accessible attributes.
 */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement?.tagName.toLowerCase();
      if (parent !== 'script' && parent !== 'style' && node.textContent?.trim()) texts.push(node.textContent);
    }
    for (const element of Array.from(document.body.querySelectorAll('*')))
      for (const name of [
        'aria-label',
        'aria-description',
        'aria-valuetext',
        'title',
        'alt',
        'placeholder',
      ]) {
        const value = element.getAttribute(name);
        if (value?.trim()) texts.push(value);
      }
    return texts;
  });
}

/** The English names of the models (from the domain's one source) that a French page shows. */
async function englishNamesShown(page: Page): Promise<string[]> {
  const texts = (await pageTexts(page)).map((text) => text.replace(/[\u00a0\u202f]/g, ' '));
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return englishOnlyNames().filter((name) => {
    // A whole name, not a word inside another one.
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(name)}($|[^\\p{L}\\p{N}])`, 'u');
    return texts.some((text) => pattern.test(text));
  });
}

/** The zone counts of the map legend as shown, checked against French plural rules. */
async function legendCounts(page: Page): Promise<string[]> {
  const counts = await page.locator('.legend .count').allInnerTexts();
  const plural = new Intl.PluralRules('fr');
  for (const text of counts) {
    const [, n] = /^\((\d+) zones?\)$/.exec(text.trim()) ?? [];
    expect(n, text).toBeDefined();
    expect(text.trim()).toBe(`(${n} ${plural.select(Number(n)) === 'one' ? 'zone' : 'zones'})`);
  }
  return counts;
}

/** Opens every disclosure (tables of the charts and the map), so that their contents are checked too. */
const openAll = (page: Page) =>
  page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));

/** Issue 21, item 6: the French lab and map name the model's places, families and indicators in French. */
describe.skipIf(!browser.available)('the model names in French pages, in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let room = '';

  beforeAll(async () => {
    platform = await startPlatform();
    chromium = await launchBrowser();
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    room = await workshopPath(page, platform, DEMO_WORKSHOPS.live);
    await context.close();
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it('shows no English name of the model in the French scenario lab, its charts and its map', async () => {
    expect(englishOnlyNames()).toContain('local road');
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    await page.goto(`${platform.baseUrl}${room}/scenarios`);
    // Results up to date, the charts drawn (their SVG text and accessible names are checked too).
    await page.locator('[data-chart="chart-dysfunctions"] svg').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-chart="chart-gaps"] svg').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="lab-stale"]').waitFor({ state: 'detached', timeout: 60_000 });
    await page.getByRole('button', { name: 'Afficher la carte' }).click();
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="scenario-map"]')?.getAttribute('data-layer-zones')) > 0,
      undefined,
      { timeout: 60_000 },
    );
    await openAll(page);
    expect(await englishNamesShown(page)).toEqual([]);
    // The French names are there instead, from the same source.
    const legend = page.locator('.legend');
    await legend.getByText(zoneName('X-WEST', 'fr')).waitFor();
    expect(await page.locator('#lab-road option').allInnerTexts()).toContainEqual(
      expect.stringMatching(/^route locale : /),
    );

    // Every indicator's legend counts its zones in French ("1 zone", "12 zones").
    const select = page.getByLabel('Indicateur', { exact: true });
    for (const value of await select
      .locator('option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value))) {
      await select.selectOption(value);
      await expect.poll(() => legendCounts(page)).not.toEqual([]);
      await openAll(page);
      expect(await englishNamesShown(page), value).toEqual([]);
    }
    await context.close();
  }, 240_000);

  it('finds those English names on the English map page, so the check above can fail', async () => {
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator, {
      locale: 'en-GB',
    });
    await page.goto(`${platform.baseUrl}${room}/map`);
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="scenario-map"]')?.getAttribute('data-layer-zones')) > 0,
      undefined,
      { timeout: 60_000 },
    );
    await openAll(page);
    const shown = await englishNamesShown(page);
    expect(shown).toContain(zoneName('X-WEST', 'en'));
    expect(shown).toContain('Public transport share');
    expect(shown).toContain(zoneName('G57226', 'en'));
    await context.close();
  }, 120_000);

  it('shows no English name of the model on the French map page, and counts zones in French', async () => {
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    await page.goto(`${platform.baseUrl}${room}/map`);
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="scenario-map"]')?.getAttribute('data-layer-zones')) > 0,
      undefined,
      { timeout: 60_000 },
    );
    await openAll(page);
    expect(await englishNamesShown(page)).toEqual([]);
    expect(await legendCounts(page)).not.toEqual([]);
    await page.locator('.legend').getByText(zoneName('X-WEST', 'fr')).waitFor();

    // The difference with the variant: its legend and tables too.
    await page.getByLabel("Montrer l'écart avec une variante").check();
    await page
      .locator('.legend')
      .getByText('Écart avec le scénario de référence')
      .waitFor({ timeout: 60_000 });
    await openAll(page);
    expect(await englishNamesShown(page)).toEqual([]);
    expect(await legendCounts(page)).not.toEqual([]);
    await context.close();
  }, 180_000);
});
