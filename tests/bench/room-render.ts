// `pnpm bench` (room render): with 500 needs, 200 actions and 300 ideas in the live demo
// workshop's content document, how long the room in Chromium takes from a remote edit's
// arrival to the needs table showing it, then to the ideas board showing one (every section
// stays mounted, so each edit also costs the other sections' views of the document). A Node
// y-websocket client signed in as the facilitator fills the document, then edits one
// visible row 50 times and one visible card 50 times; the page measures with the
// Performance API from the start of the remote Yjs transaction (a mark set by the room
// when `window.atelierBench` exists) to the mutation of the table, laid out, and to the
// next animation frame. Results go to bench-results/room-render.json and a table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { ideas, needs, roadmap, type Idea, type Need, type RoadmapAction } from '@atelier/domain';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { launchBrowser } from '../support/browser.ts';
import { repoRoot, startPlatform } from '../support/platform.ts';
import { DEMO, DEMO_WORKSHOPS, openRoom, signedInContext, workshopPath } from '../support/room.ts';

const NEEDS = Number(process.env.BENCH_NEEDS ?? 500);
const ACTIONS = Number(process.env.BENCH_ACTIONS ?? 200);
const IDEAS = Number(process.env.BENCH_IDEAS ?? 300);
const EDITS = Number(process.env.BENCH_EDITS ?? 50);
const BUDGET_MS = 16;

class CookieSocket extends WebSocket {
  static cookie = '';
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols, { headers: { cookie: CookieSocket.cookie }, perMessageDeflate: false });
  }
}

function quantiles(values: number[]): { median: number; p95: number; max: number; samples: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    median: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted.at(-1) ?? NaN),
    samples: sorted.length,
  };
}

const ROME = ['H2913', 'H2901', 'I1310', 'N1103', 'N1101', 'J1506', 'M1805', 'F1703', 'H2502', 'I1304'];
const COMMUNES = ['57463', '57672', '57221', '57606', '57480', '54323', '57757', '57433'];

function fill(
  doc: Y.Doc,
  writer: string,
  organisationIds: string[],
): { needIds: string[]; ideaIds: string[] } {
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (let start = 0; start < NEEDS; start += 50) {
    doc.transact(() => {
      for (let i = start; i < Math.min(NEEDS, start + 50); i++) {
        const need: Need = {
          id: `bench-need-${i}`,
          organisationId: organisationIds[i % organisationIds.length]!,
          romeCode: ROME[i % ROME.length]!,
          title: `Besoin de banc d'essai n° ${i}`,
          skills: ['soudure', 'maintenance'],
          headcount: 1 + (i % 20),
          horizonMonths: [6, 12, 24, 36][i % 4]!,
          communeCode: COMMUNES[i % COMMUNES.length]!,
          contract: 'cdi',
          difficulty: 1 + (i % 4),
          crossBorder: i % 5 === 0,
          comment: '',
          createdBy: writer,
          updatedAt: now,
        };
        needs.add(doc, need);
        ids.push(need.id);
      }
    });
  }
  for (let start = 0; start < ACTIONS; start += 50) {
    doc.transact(() => {
      for (let i = start; i < Math.min(ACTIONS, start + 50); i++) {
        const action: RoadmapAction = {
          id: `bench-action-${i}`,
          title: `Action de banc d'essai n° ${i}`,
          description: '',
          ownerOrganisationId: organisationIds[i % organisationIds.length]!,
          partnerOrganisationIds: [],
          start: `J+${i % 30}`,
          due: `J+${30 + (i % 70)}`,
          status: 'proposed',
          needIds: [ids[(i * 7) % ids.length]!, ids[(i * 13) % ids.length]!],
          createdBy: writer,
          updatedAt: now,
        };
        roadmap.add(doc, action);
      }
    });
  }
  const ideaIds: string[] = [];
  for (let start = 0; start < IDEAS; start += 50) {
    doc.transact(() => {
      for (let i = start; i < Math.min(IDEAS, start + 50); i++) {
        const idea: Idea = {
          id: `bench-idea-${i}`,
          text: `Idée de banc d'essai n° ${i}`,
          category: ['constats', 'pistes', 'actions'][i % 3]!,
          createdBy: writer,
          updatedAt: now,
        };
        ideas.add(doc, idea);
        ideaIds.push(idea.id);
      }
    });
  }
  return { needIds: ids, ideaIds };
}

async function waitFor(test: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!test()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface Sample {
  /** Remote transaction start → table mutated and laid out (synchronous work). */
  domMs: number;
  /** Remote transaction start → next animation frame callback (includes waiting for vsync). */
  frameMs: number;
}

/**
 * Edits one entry remotely and measures, in the page, from the remote transaction's mark
 * to `selector`'s text showing `value` (laid out), then to the next animation frame.
 */
async function measureEdit(page: Page, selector: string, value: string, edit: () => void): Promise<Sample> {
  await page.evaluate(
    ({ selector, value }) => {
      performance.clearMarks('atelier:remote-update');
      const cell = document.querySelector(selector);
      if (!cell) throw new Error(`nothing at ${selector}`);
      const result = new Promise<{ domMs: number; frameMs: number }>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no change seen')), 10_000);
        const observer = new MutationObserver(() => {
          if (!cell.textContent?.includes(value)) return;
          observer.disconnect();
          void (cell as HTMLElement).offsetHeight; // lay out, as the browser must before painting
          const laidOut = performance.now();
          const start = performance.getEntriesByName('atelier:remote-update', 'mark')[0]?.startTime;
          requestAnimationFrame(() => {
            clearTimeout(timer);
            if (start === undefined) return reject(new Error('no remote-update mark'));
            resolve({ domMs: laidOut - start, frameMs: performance.now() - start });
          });
        });
        observer.observe(cell, { subtree: true, childList: true, characterData: true });
      });
      Object.assign(window, { atelierBenchResult: result });
    },
    { selector, value },
  );
  edit();
  return page.evaluate(
    () =>
      (window as unknown as { atelierBenchResult: Promise<{ domMs: number; frameMs: number }> })
        .atelierBenchResult,
  );
}

const platform = await startPlatform();
const browser = await launchBrowser();
let provider: WebsocketProvider | undefined;
try {
  const { context, page } = await signedInContext(browser, platform, DEMO.facilitator);
  const roomPath = await workshopPath(page, platform, DEMO_WORKSHOPS.live);
  const workshopId = roomPath.split('/').filter(Boolean)[1]!;
  const cookie = (await context.cookies()).find((c) => c.name === 'atelier_session');
  if (!cookie) throw new Error('no session cookie after signing in');
  CookieSocket.cookie = `${cookie.name}=${cookie.value}`;

  await page.addInitScript(() => Object.assign(window, { atelierBench: true }));
  await openRoom(page, platform, roomPath, 'needs');
  // The workshop's organisations, as the facilitator's form offers them.
  await page.getByRole('button', { name: 'Ajouter un besoin' }).click();
  const organisationIds = await page
    .locator('#need-new-organisationId option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();

  const doc = new Y.Doc();
  provider = new WebsocketProvider(
    `${platform.realtimeUrl.replace(/^http/, 'ws')}/yjs`,
    `${workshopId}/content`,
    doc,
    { WebSocketPolyfill: CookieSocket as unknown as typeof globalThis.WebSocket, disableBc: true },
  );
  const node = provider;
  await waitFor(() => node.synced, 'the Node client to sync');
  const writer = 'bench-facilitator';
  const { needIds, ideaIds } = fill(doc, writer, organisationIds.slice(0, 4));
  await waitFor(() => doc.getArray('needs').length >= NEEDS, 'the needs to be written');

  const table = page.locator('[data-testid="needs-table"]');
  await page.waitForFunction(
    (count) =>
      document.querySelectorAll('[data-testid="needs-table"] tbody tr[data-need-id]').length >= count,
    Math.min(50, NEEDS),
    { timeout: 60_000 },
  );
  // Every need has arrived once the newest is shown (the default order puts it first).
  await page.locator(`tr[data-need-id="${needIds.at(-1)}"]`).waitFor({ timeout: 60_000 });
  await table.locator('caption').waitFor();
  const caption = await table.locator('caption').innerText();

  const samples: Sample[] = [];
  for (let i = 0; i < EDITS; i++) {
    // The default order shows the newest needs first: edit one of the first ten rows.
    const id = needIds[needIds.length - 1 - (i % 10)]!;
    const value = String(1000 + i);
    samples.push(
      await measureEdit(page, `tr[data-need-id="${id}"] [data-field="headcount"]`, value, () =>
        needs.update(doc, id, { headcount: Number(value), updatedAt: new Date().toISOString() }),
      ),
    );
  }

  // The ideas board: a remote edit of one card's text.
  await page.locator('#tab-ideas').click();
  const ideaSamples: Sample[] = [];
  if (IDEAS > 0) {
    await page.locator(`[data-idea-id="${ideaIds[0]}"]`).waitFor({ timeout: 60_000 });
    for (let i = 0; i < EDITS; i++) {
      const id = ideaIds[i % 10]!;
      const value = `édition ${i}`;
      ideaSamples.push(
        await measureEdit(page, `[data-idea-id="${id}"] p.text`, value, () =>
          ideas.update(doc, id, { text: `Idée ${value}`, updatedAt: new Date().toISOString() }),
        ),
      );
    }
  }

  const dom = quantiles(samples.map((s) => s.domMs));
  const frame = quantiles(samples.map((s) => s.frameMs));
  const ideaDom = quantiles(ideaSamples.map((s) => s.domMs));
  const ideaFrame = quantiles(ideaSamples.map((s) => s.frameMs));
  const result = {
    date: new Date().toISOString(),
    needs: NEEDS,
    actions: ACTIONS,
    ideas: IDEAS,
    edits: EDITS,
    table: caption,
    budgetMs: BUDGET_MS,
    remoteEditToDomMs: dom,
    remoteEditToNextFrameMs: frame,
    ideaEditToBoardMs: ideaDom,
    ideaEditToNextFrameMs: ideaFrame,
    withinBudget: dom.p95 < BUDGET_MS,
    machine: { cpus: cpus().length, loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
  };
  const out = path.join(repoRoot, 'bench-results', 'room-render.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(
    `\nRoom render: ${NEEDS} needs, ${ACTIONS} actions, ${IDEAS} ideas; ${EDITS} remote edits of a visible row (${caption}), then of a card`,
  );
  console.table({
    'remote edit → table updated and laid out (ms)': dom,
    'remote edit → next animation frame (ms)': frame,
    'idea edit → board updated and laid out (ms)': ideaDom,
    'idea edit → next animation frame (ms)': ideaFrame,
  });
  console.log(
    `${result.withinBudget ? '✓' : '✗'} p95 ${dom.p95} ms against a ${BUDGET_MS} ms budget (load average ${result.machine.loadAverage}); written to ${path.relative(repoRoot, out)}`,
  );
  await context.close();
} finally {
  provider?.destroy();
  await browser.close();
  await platform.stop();
}
