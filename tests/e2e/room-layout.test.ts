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
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
] as const;
const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test-results/screenshots');

/** How much wider than the window the page is (0 when it fits). */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * Issue 19, item 3: the room fits the screen. Every section at 1280×800, 1920×1080 and 390×844
 * photographed and no wider than the window; the board's first row on the first screen of a
 * laptop, an open poll beside it rather than above it; tabs that a phone's finger reaches; the
 * main pages no wider than the window; axe finds nothing on the room and the board.
 */
describe.skipIf(!browser.available)('the room fits the screen', () => {
  let platform: Platform;
  let chromium: Browser;
  let roomPath = '';

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    platform = await startPlatform();
    chromium = await launchBrowser();
    const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator);
    roomPath = await workshopPath(page, platform, DEMO_WORKSHOPS.live);
    await context.close();
  });
  afterAll(async () => {
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
  });

  it(
    'photographs every section at three sizes, none wider than the window',
    { timeout: 240_000 },
    async () => {
      const problems: string[] = [];
      for (const size of SIZES) {
        // A fresh page per size: the side panel opens or folds as it would on that screen.
        const { page, context } = await signedInContext(chromium, platform, DEMO.company, { viewport: size });
        for (const section of SECTIONS) {
          await openRoom(page, platform, roomPath, section);
          await page.locator(`#panel-${section}`).waitFor({ state: 'visible' });
          await page.waitForLoadState('networkidle');
          const extra = await overflow(page);
          if (extra > 0) problems.push(`${section} at ${size.width}: ${extra}px too wide`);
          await shoot(page, `room-${section}-${size.width}x${size.height}`);
          await page.goto('about:blank');
        }
        await context.close();
      }
      expect(problems).toEqual([]);
    },
  );

  it('shows the board’s first row on a laptop’s first screen, and an open poll does not push it down', async () => {
    const { page: participant, context } = await signedInContext(chromium, platform, DEMO.company);
    const { page: phone, context: phoneContext } = await signedInContext(chromium, platform, DEMO.school, {
      viewport: { width: 390, height: 844 },
    });
    const { page: facilitator, context: facilitatorContext } = await signedInContext(
      chromium,
      platform,
      DEMO.facilitator,
    );
    for (const page of [participant, phone]) await openRoom(page, platform, roomPath, 'ideas');
    await openRoom(facilitator, platform, roomPath, 'agenda');
    const boardTop = async (page: Page) =>
      (await page.getByTestId('board-canvas').boundingBox())!.y + (await page.evaluate(() => window.scrollY));
    const firstCard = (await participant.locator('.svelte-flow__node-ideaCard').first().boundingBox())!;
    expect(firstCard.y + firstCard.height).toBeLessThanOrEqual(800);
    const before = { laptop: await boardTop(participant), phone: await boardTop(phone) };

    const create = facilitator.getByTestId('facilitation').locator('details.create');
    await create.locator('summary').click();
    await create.getByLabel('Question').fill('Quelle piste d’abord ?');
    await create.getByLabel('Options').fill('Navette\nFormation');
    await create.getByRole('button', { name: 'Ouvrir le vote' }).click();
    await participant.getByTestId('poll').filter({ hasText: 'Quelle piste d’abord ?' }).waitFor();
    await expect.poll(() => phone.getByTestId('facilitation').textContent()).toContain('1 vote');
    expect(await boardTop(participant)).toBe(before.laptop);
    // On a phone the folded bar says so; the board moves by a line at most.
    expect(Math.abs((await boardTop(phone)) - before.phone)).toBeLessThan(30);
    await shoot(participant, 'room-ideas-poll-open-1280x800');
    await shoot(phone, 'room-ideas-poll-open-390x844');
    for (const ctx of [context, phoneContext, facilitatorContext]) await ctx.close();
  });

  it('lets a phone’s finger reach every tab (nothing covers them)', async () => {
    const { page, context } = await signedInContext(chromium, platform, DEMO.company, {
      viewport: { width: 390, height: 844 },
    });
    await openRoom(page, platform, roomPath, 'agenda');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    for (const section of SECTIONS) {
      const tab = page.locator(`#tab-${section}`);
      await tab.scrollIntoViewIfNeeded();
      const box = (await tab.boundingBox())!;
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role="tab"]')?.id ?? null,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(hit, section).toBe(`tab-${section}`);
      await tab.tap().catch(() => tab.click());
      expect(await tab.getAttribute('aria-selected')).toBe('true');
    }
    await context.close();
  });

  it('keeps the main pages within the window at 1280 and 390', { timeout: 180_000 }, async () => {
    const pages = [
      '/',
      '/workshops',
      '/organisations',
      '/contribute',
      '/notifications',
      '/account',
      `${roomPath}/about`,
      `${roomPath}/members`,
      `${roomPath}/invitations`,
      `${roomPath}/guests`,
      `${roomPath}/calls`,
      `${roomPath}/exports`,
      `${roomPath}/versions`,
      `${roomPath}/settings`,
      `${roomPath}/scenarios`,
    ];
    const problems: string[] = [];
    for (const size of [SIZES[0], SIZES[2]]) {
      const { page, context } = await signedInContext(chromium, platform, DEMO.facilitator, {
        viewport: size,
      });
      for (const url of pages) {
        await page.goto(`${platform.baseUrl}${url}`, { waitUntil: 'networkidle' });
        const extra = await overflow(page);
        if (extra > 0) problems.push(`${url} at ${size.width}: ${extra}px too wide`);
        const name =
          url === '/' ? 'home' : url.replace(roomPath, 'workshop').replace(/\//g, '-').replace(/^-/, '');
        await shoot(page, `page-${name}-${size.width}`);
      }
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it(
    'has no axe violation on the room and the board (canvas and list), laptop and phone',
    { timeout: 180_000 },
    async () => {
      const problems: string[] = [];
      for (const viewport of [SIZES[0], SIZES[2]]) {
        for (const who of [DEMO.facilitator, DEMO.company]) {
          const { page, context } = await signedInContext(chromium, platform, who, { viewport });
          for (const [section, view] of [
            ['agenda', null],
            ['ideas', 'Tableau'],
            ['ideas', 'Liste'],
          ] as const) {
            await openRoom(page, platform, roomPath, section);
            if (view)
              await page.locator('#panel-ideas').getByRole('button', { name: view, exact: true }).click();
            await page.waitForLoadState('networkidle');
            const results = await new AxeBuilder({ page }).analyze();
            for (const violation of results.violations) {
              const targets = violation.nodes.map((node) => node.target.join(' ')).join(' | ');
              problems.push(
                `${who} ${section} ${view ?? ''} ${viewport.width}: ${violation.id} (${violation.impact}) ${targets}`,
              );
            }
            await page.goto('about:blank');
          }
          await context.close();
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
