// `pnpm bench` (tests): the scenario lab in Chromium on the default territory — edit-to-updated-chart
// time over 20 edits of the TER Metz–Luxembourg peak headway (median and p95), and the gzip size of the
// JavaScript the scenario view loads (page, worker, and the map once opened). Results go to
// bench-results/scenario-lab.json and are printed. The machine is shared: the load average is recorded.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../support/browser.ts';
import { repoRoot, startPlatform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, signedInContext, workshopPath } from '../support/room.ts';

const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const clientDir = path.join(repoRoot, 'apps/web/build/client');

const platform = await startPlatform();
const browser = await launchBrowser();
try {
  const { page } = await signedInContext(browser, platform, DEMO.facilitator);
  const scripts = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.js')) scripts.add(url.pathname);
  });
  const workshop = await workshopPath(page, platform, DEMO_WORKSHOPS.live);
  scripts.clear();
  await page.goto(`${platform.baseUrl}${workshop}/scenarios`);
  await page.locator('[data-testid="connection"].connection-connected').waitFor({ timeout: 30_000 });
  const suffix = Date.now().toString(36);
  await page.getByLabel('Titre du nouveau scénario').fill(`Référence ${suffix}`);
  await page.getByRole('button', { name: 'Créer la référence', exact: true }).click();
  await page.getByLabel('Titre du nouveau scénario').fill(`Bench ${suffix}`);
  await page.getByLabel('À partir de', { exact: true }).selectOption({ label: `Référence ${suffix}` });
  await page.getByRole('button', { name: 'Créer la variante', exact: true }).click();
  await page.getByLabel('Ligne', { exact: true }).selectOption({ label: 'TER Metz–Thionville–Luxembourg' });
  await page.locator('[data-testid="lab-stale"]').waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator('[data-chart="chart-shares"] .plot > *').waitFor({ timeout: 60_000 });
  const pageScripts = [...scripts];

  const samples: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const value = String(6 + i * 0.5); // distinct values: no cache hit
    // A string, not a function: tsx would add helpers (__name) the page does not have.
    const ms = (await page.evaluate(`new Promise((resolve, reject) => {
      const input = document.querySelector('#p-headwayMinutes-value');
      const oldHash = document.querySelector('[data-testid="lab-hash"]')?.textContent;
      const oldChart = document.querySelector('[data-chart="chart-shares"] .plot > *');
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(value)});
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      const check = function () {
        const hash = document.querySelector('[data-testid="lab-hash"]')?.textContent;
        const chart = document.querySelector('[data-chart="chart-shares"] .plot > *');
        const done = hash && hash !== oldHash && !document.querySelector('[data-testid="lab-stale"]') && chart && chart !== oldChart;
        if (done) resolve(performance.now() - t0);
        else if (performance.now() - t0 > 60000) reject(new Error('no updated chart within 60 s'));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })`)) as number;
    samples.push(ms);
  }
  const timing = (await page.locator('[data-testid="lab-timing"]').textContent())?.trim();

  // The map is loaded only when opened.
  scripts.clear();
  await page.getByRole('button', { name: 'Afficher la carte' }).click();
  await page.waitForTimeout(3000);
  const mapScripts = [...scripts];

  const gz = (files: string[]) =>
    files.reduce((sum, file) => {
      try {
        return sum + gzipSync(readFileSync(path.join(clientDir, file))).length;
      } catch {
        return sum;
      }
    }, 0);
  const sorted = [...samples].sort((a, b) => a - b);
  const pick = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!);
  const worker = pageScripts.filter((f) => f.includes('worker'));
  const result = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, loadavg: loadavg().map((l) => Math.round(l * 100) / 100) },
    edits: EDITS,
    editToChartMs: {
      median: pick(0.5),
      p95: pick(0.95),
      min: Math.round(sorted[0]!),
      max: Math.round(sorted.at(-1)!),
    },
    samplesMs: samples.map(Math.round),
    lastTimingShown: timing,
    jsGzipBytes: {
      view: gz(pageScripts),
      viewFiles: pageScripts.length,
      worker: gz(worker),
      mapWhenOpened: gz(mapScripts),
      mapFiles: mapScripts.length,
    },
  };
  const out = path.join(repoRoot, 'bench-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'scenario-lab.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log('Scenario lab (Chromium, default territory)');
  console.table({
    'edit → updated chart, median (ms)': result.editToChartMs.median,
    'edit → updated chart, p95 (ms)': result.editToChartMs.p95,
    'view JS, gzip (kB)': Math.round(result.jsGzipBytes.view / 1024),
    'worker JS, gzip (kB)': Math.round(result.jsGzipBytes.worker / 1024),
    'map JS when opened, gzip (kB)': Math.round(result.jsGzipBytes.mapWhenOpened / 1024),
    'load average (1 min)': result.machine.loadavg[0],
  });
} finally {
  await browser.close();
  await platform.stop();
}
