// `pnpm bench` (tests): the scenario lab in Chromium on the default territory — edit-to-updated-chart
// time over 20 edits of the TER Metz–Luxembourg peak headway (a transport edit: the mobility model,
// then the skills part on its new skims) and 10 edits of the job seekers' match rate (a skills edit:
// the skills part on the cached skims), median and p95; each as a ratio to the bare model time the
// worker reported for the same edits (same process, same load), so a busy machine shows as a slower
// baseline rather than a slower lab. Also the gzip size of the JavaScript the scenario view loads
// (page, worker, charts, and the map once opened). Results go to bench-results/scenario-lab.json and
// are printed. The machine is shared: the load average is recorded before and after.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../support/browser.ts';
import { repoRoot, startPlatform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, signedInContext, workshopPath } from '../support/room.ts';

const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const SKILLS_EDITS = Number(process.env.BENCH_SKILLS_EDITS ?? 10);
const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);

/** One edit in the page: the time from Enter to the chart redrawn with results matching the inputs. */
function editScript(input: string, value: string, chart: string): string {
  // A string, not a function: tsx would add helpers (__name) the page does not have.
  return `new Promise((resolve, reject) => {
    const input = document.querySelector(${JSON.stringify(input)});
    const chartSelector = ${JSON.stringify(`[data-chart="${chart}"] .plot > *`)};
    const oldHash = document.querySelector('[data-testid="lab-hash"]')?.textContent;
    const oldChart = document.querySelector(chartSelector);
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, ${JSON.stringify(value)});
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const t0 = performance.now();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const check = function () {
      const hash = document.querySelector('[data-testid="lab-hash"]')?.textContent;
      const chart = document.querySelector(chartSelector);
      const timing = document.querySelector('[data-testid="lab-timing"]');
      const done = hash && hash !== oldHash && !document.querySelector('[data-testid="lab-stale"]') && chart && chart !== oldChart && timing && timing.dataset.hash === hash;
      if (done)
        resolve({
          ms: performance.now() - t0,
          mobility: Number(timing.dataset.workerMobilityMs),
          skills: Number(timing.dataset.workerSkillsMs),
        });
      else if (performance.now() - t0 > 60000) reject(new Error('no updated chart within 60 s'));
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`;
}
type Sample = { ms: number; mobility: number; skills: number };
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

  const samples: Sample[] = [];
  for (let i = 0; i < EDITS; i++) {
    const value = String(6 + i * 0.5); // distinct values: no cache hit
    samples.push(
      (await page.evaluate(editScript('#p-headwayMinutes-value', value, 'chart-shares'))) as Sample,
    );
  }
  await page.locator('summary', { hasText: 'Attraction transfrontalière et marché du travail' }).click();
  const skillsSamples: Sample[] = [];
  for (let i = 0; i < SKILLS_EDITS; i++) {
    const value = (0.3 + i * 0.01).toFixed(2);
    skillsSamples.push(
      (await page.evaluate(editScript('#k-jobSeekerMatchRate-value', value, 'chart-gaps'))) as Sample,
    );
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
  const quantile = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  };
  const round = (value: number, digits = 0) => Math.round(value * 10 ** digits) / 10 ** digits;
  const summary = (list: Sample[], model: (s: Sample) => number) => ({
    median: round(
      quantile(
        list.map((s) => s.ms),
        0.5,
      ),
    ),
    p95: round(
      quantile(
        list.map((s) => s.ms),
        0.95,
      ),
    ),
    min: round(Math.min(...list.map((s) => s.ms))),
    max: round(Math.max(...list.map((s) => s.ms))),
    // The bare model time in the worker for the same edits: the baseline of this process.
    workerModelMedian: round(quantile(list.map(model), 0.5)),
    // Edit → chart over that run's own model time: 1 would be no overhead at all.
    ratioMedian: round(
      quantile(
        list.map((s) => s.ms / Math.max(1, model(s))),
        0.5,
      ),
      2,
    ),
    ratioP95: round(
      quantile(
        list.map((s) => s.ms / Math.max(1, model(s))),
        0.95,
      ),
      2,
    ),
  });
  const worker = pageScripts.filter((f) => f.includes('worker'));
  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      loadavgBefore: loadBefore,
      loadavgAfter: loadavg().map((l) => Math.round(l * 100) / 100),
    },
    edits: EDITS,
    transportEdit: {
      ...summary(samples, (s) => s.mobility + s.skills),
      mobilityModelMedian: round(
        quantile(
          samples.map((s) => s.mobility),
          0.5,
        ),
      ),
      skillsPartMedian: round(
        quantile(
          samples.map((s) => s.skills),
          0.5,
        ),
      ),
    },
    skillsEdits: SKILLS_EDITS,
    skillsEdit: summary(skillsSamples, (s) => s.skills),
    samplesMs: samples.map((s) => Math.round(s.ms)),
    skillsSamplesMs: skillsSamples.map((s) => Math.round(s.ms)),
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
    'transport edit → updated chart, median (ms)': result.transportEdit.median,
    'transport edit → updated chart, p95 (ms)': result.transportEdit.p95,
    'transport edit: mobility model + skills part in the worker, median (ms)':
      result.transportEdit.workerModelMedian,
    'transport edit: ratio edit→chart / worker model, median': result.transportEdit.ratioMedian,
    'transport edit: ratio edit→chart / worker model, p95': result.transportEdit.ratioP95,
    'skills edit → updated chart, median (ms)': result.skillsEdit.median,
    'skills edit → updated chart, p95 (ms)': result.skillsEdit.p95,
    'skills edit: skills part in the worker, median (ms)': result.skillsEdit.workerModelMedian,
    'view JS, gzip (kB)': Math.round(result.jsGzipBytes.view / 1024),
    'worker JS, gzip (kB)': Math.round(result.jsGzipBytes.worker / 1024),
    'map JS when opened, gzip (kB)': Math.round(result.jsGzipBytes.mapWhenOpened / 1024),
    'load average (1 min), before': result.machine.loadavgBefore[0],
    'load average (1 min), after': result.machine.loadavgAfter[0],
  });
} finally {
  await browser.close();
  await platform.stop();
}
