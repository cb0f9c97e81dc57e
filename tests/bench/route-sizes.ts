// `pnpm bench` (route sizes): the JavaScript each page loads on first visit, gzipped, as
// Chromium fetches it from the built app — so that code-splitting stays honest (the room's
// editor, charts and map must not be in its first load). Signed in as the facilitator on
// the live demo workshop. Results go to bench-results/route-sizes.json and a table.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { repoRoot, startPlatform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, signedInContext, workshopPath } from '../support/room.ts';

/** Loads a page and sums the JavaScript it fetched from our server (raw and gzipped bytes). */
async function firstLoadJs(page: Page, url: string): Promise<{ files: number; raw: number; gzip: number }> {
  const bodies: Promise<Buffer | null>[] = [];
  const onResponse = (response: Response) => {
    const type = response.headers()['content-type'] ?? '';
    if (response.url().startsWith(new URL(url).origin) && /javascript/.test(type)) {
      bodies.push(response.body().catch(() => null));
    }
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
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
  const routes: [string, string][] = [
    ['/workshops', '/workshops'],
    ['/workshops/[id] (room)', room],
    ['/workshops/[id]/scenarios', `${room}/scenarios`],
    ['/workshops/[id]/exports', `${room}/exports`],
    ['/contribute', '/contribute'],
    ['/notifications', '/notifications'],
  ];
  const rows: { route: string; files: number; rawKb: number; gzipKb: number }[] = [];
  for (const [route, target] of routes) {
    // A fresh page each time, with the HTTP cache of the context cleared by a new context.
    const fresh = await context.browser()!.newContext({ storageState: await context.storageState() });
    const measured = await firstLoadJs(await fresh.newPage(), `${platform.baseUrl}${target}`);
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
