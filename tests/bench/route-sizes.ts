// `pnpm bench` (route sizes): the JavaScript each page loads on first visit, gzipped, as
// Chromium fetches it from the built app — so that code-splitting stays honest (the room's
// editor, charts and map must not be in its first load). Signed in as the facilitator on
// the live demo workshop. The scenario view is measured twice: its first load, and the JavaScript
// it has fetched once a scenario's first chart is drawn (Observable Plot comes then). Results go to
// bench-results/route-sizes.json and a table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { repoRoot, startPlatform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, signedInContext, workshopPath } from '../support/room.ts';

/** Loads a page and sums the JavaScript it fetched from our server (raw and gzipped bytes). */
async function firstLoadJs(
  page: Page,
  url: string,
  until?: string,
): Promise<{ files: number; raw: number; gzip: number }> {
  const bodies: Promise<Buffer | null>[] = [];
  const onResponse = (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (response.url().startsWith(new URL(url).origin) && /javascript/.test(type)) {
      const body = response.body().catch(() => null);
      bodies.push(body);
      // ROUTE_SIZES_FILES=1 lists each file with its gzip size, to see what a page pulls in.
      if (process.env.ROUTE_SIZES_FILES)
        void body.then((b) =>
          console.log(
            `${new URL(response.url()).pathname} ${b ? Math.round(gzipSync(b).length / 1024) : '?'} kB`,
          ),
        );
    }
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  if (until) {
    await page.locator(until).first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
  }
  page.off('response', onResponse);
  const files = (await Promise.all(bodies)).filter((body): body is Buffer => body !== null);
  return {
    files: files.length,
    raw: files.reduce((sum, body) => sum + body.length, 0),
    gzip: files.reduce((sum, body) => sum + gzipSync(body).length, 0),
  };
}

const platform = await startPlatform();
const browser = await launchBrowser();
try {
  const { context, page } = await signedInContext(browser, platform, DEMO.facilitator);
  const room = await workshopPath(page, platform, DEMO_WORKSHOPS.live);
  const routes: [string, string, string?][] = [
    ['/workshops', '/workshops'],
    ['/workshops/[id] (room)', room],
    ['/workshops/[id]/scenarios', `${room}/scenarios`],
    ['/workshops/[id]/exports', `${room}/exports`],
    ['/contribute', '/contribute'],
    ['/notifications', '/notifications'],
    // Last: it adds a scenario to the demo workshop, so that a chart is drawn.
    ['/workshops/[id]/scenarios, first chart drawn', `${room}/scenarios`, '[data-chart] .plot > *'],
  ];
  const rows: { route: string; files: number; rawKb: number; gzipKb: number }[] = [];
  for (const [route, target, until] of routes) {
    if (until) {
      await page.goto(`${platform.baseUrl}${target}`);
      await page.locator('[data-testid="connection"].connection-connected').waitFor({ timeout: 30_000 });
      if ((await page.locator('#lab-scenario').count()) === 0) {
        await page.getByLabel('Titre du nouveau scénario').fill('Référence');
        await page.getByRole('button', { name: 'Créer la référence', exact: true }).click();
        await page.locator('#lab-scenario').waitFor();
      }
    }
    // A fresh page each time, with the HTTP cache of the context cleared by a new context.
    const fresh = await context.browser()!.newContext({ storageState: await context.storageState() });
    const measured = await firstLoadJs(await fresh.newPage(), `${platform.baseUrl}${target}`, until);
    await fresh.close();
    rows.push({
      route,
      files: measured.files,
      rawKb: Math.round(measured.raw / 1024),
      gzipKb: Math.round(measured.gzip / 1024),
    });
  }
  await context.close();
  const out = path.join(repoRoot, 'bench-results', 'route-sizes.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ measuredAt: new Date().toISOString(), routes: rows }, null, 2)}\n`);
  console.log('\nJavaScript loaded on first visit (from the built app, as Chromium fetches it)');
  console.table(rows);
  console.log(`written to ${path.relative(repoRoot, out)}`);
} finally {
  await browser.close();
  await platform.stop();
}
