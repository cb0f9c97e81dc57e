import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, openRoom, signedInContext, workshopPath } from '../support/room.ts';

const browser = browserAvailability();

const SECTIONS = ['agenda', 'ideas', 'needs', 'roadmap', 'scenarios', 'synthesis'] as const;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;
const LOCALES = [
  { locale: 'fr', acceptLanguage: 'fr-FR' },
  { locale: 'de', acceptLanguage: 'de-DE' },
] as const;

/** Where screenshots go: under tests/test-results (ignored by git, kept by CI as output). */
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results/screenshots');

/** Issue 5, item 9: axe finds no serious or critical violation in any section; screenshots in fr and de. */
describe.skipIf(!browser.available)('the room is accessible in every section (axe) and photographed', () => {
  let platform: Platform;
  let chromium: Browser;
  let roomPath = '';

  /**
   * Beyond the demo's own content, a running timer on a step and an open poll, so axe sees them
   * rendered. The step is one without a section: going to it keeps everyone on the agenda.
   */
  async function furnish(page: Page): Promise<void> {
    const agenda = page.locator('#panel-agenda');
    await agenda.locator('details.add summary').click();
    await agenda.getByLabel("Titre de l'étape").fill('Diagnostic partagé');
    await agenda.getByRole('button', { name: "Ajouter l'étape" }).click();
    await agenda.getByRole('button', { name: "Passer à l'étape Diagnostic partagé" }).click();
    await agenda.getByRole('button', { name: 'Démarrer 5 minutes' }).click();
    const create = page.getByTestId('facilitation').locator('details.create');
    await create.locator('summary').click();
    await create.getByLabel('Question').fill('Quelle priorité ?');
    await create.getByLabel('Options').fill('Soudure\nMaintenance');
    await create.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await page.getByTestId('poll').first().waitFor();
    await page.locator('#tab-ideas').click();
    await page.locator('#panel-ideas').getByLabel('Nouvelle idée').fill('Un plateau technique partagé');
    await page.locator('#panel-ideas').getByRole('button', { name: 'Ajouter la carte' }).click();
    await page.getByTestId('idea-card').first().waitFor();
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    platform = await startPlatform();
    chromium = await launchBrowser();
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    roomPath = await workshopPath(page, platform, DEMO_WORKSHOPS.live);
    await openRoom(page, platform, roomPath, 'agenda');
    await furnish(page);
    await context.close();
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  for (const { locale, acceptLanguage } of LOCALES) {
    // Six sections at two sizes, each checked by axe and photographed: minutes on a loaded machine.
    it(
      `has no serious or critical axe violation in any section, ${locale}, phone and laptop`,
      { timeout: 240_000 },
      async ({ annotate }) => {
        const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator, {
          locale: acceptLanguage,
        });
        await openRoom(page, platform, roomPath, 'agenda');
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
        const problems: string[] = [];
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          for (const section of SECTIONS) {
            await page.locator(`#tab-${section}`).click();
            await page.locator(`#panel-${section}`).waitFor({ state: 'visible' });
            // Let lazily loaded parts (editor, models) settle before the check and the picture.
            await page.waitForLoadState('networkidle');
            const results = await new AxeBuilder({ page }).analyze();
            for (const violation of results.violations) {
              if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
              const targets = violation.nodes.map((node) => node.target.join(' ')).join(' | ');
              problems.push(
                `${section} ${locale} ${viewport.width}: ${violation.id} (${violation.impact}) ${targets}`,
              );
            }
            const file = path.join(SCREENSHOTS, `${section}-${locale}-${viewport.width}.png`);
            await page.screenshot({ path: file, fullPage: true });
            await annotate(`${section} ${locale} ${viewport.width}×${viewport.height}`, 'screenshot', {
              path: file,
              contentType: 'image/png',
            });
          }
        }
        await context.close();
        expect(problems).toEqual([]);
      },
    );
  }
});
