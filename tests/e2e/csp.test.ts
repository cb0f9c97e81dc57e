import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '@atelier/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailability, launchBrowser } from '../support/browser.ts';
import { demoIds, openPlatformDb, type DemoIds } from '../support/demo-ids.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { DEMO, signedInContext } from '../support/room.ts';
import { discoverRoutes, fillPath, type WebRoute } from '../support/routes.ts';

const browser = browserAvailability();

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  source?: string;
}

/**
 * Collects what the Content-Security-Policy refused on the pages of a context: the
 * `securitypolicyviolation` events of each document, and the console's "Refused to…" lines
 * (which also name what a worker was refused).
 */
async function watchViolations(
  context: BrowserContext,
  violations: Violation[],
  workers = new Set<string>(),
): Promise<void> {
  await context.exposeBinding('__reportCspViolation', ({ page }, violation: Omit<Violation, 'page'>) =>
    violations.push({ page: new URL(page.url()).pathname, ...violation }),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation(v: object): void }).__reportCspViolation({
        directive: event.violatedDirective,
        blocked: event.blockedURI,
        source: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  const watch = (page: Page) => {
    page.on('console', (message) => {
      const text = message.text();
      if (/Content Security Policy|Refused to/i.test(text)) {
        violations.push({ page: new URL(page.url()).pathname, directive: 'console', blocked: text });
      }
    });
    page.on('worker', (worker) => {
      workers.add(new URL(worker.url()).pathname);
      worker.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text()))
          violations.push({ page: worker.url(), directive: 'worker console', blocked: message.text() });
      });
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

/** Issue 17: every page runs with the CSP on, and the browser reports no violation. */
describe.skipIf(!browser.available)('the Content-Security-Policy in Chromium', () => {
  let platform: Platform;
  let chromium: Browser;
  let db: Db;
  let ids: DemoIds;
  let dataDir: string;
  const routes = discoverRoutes().filter((route) => route.page);
  const violations: Violation[] = [];
  const workers = new Set<string>();
  let mapState = '';
  const visited: { path: string; status: number; csp: string }[] = [];

  /** Opens a page and waits until its scripts have settled; records its status and policy. */
  async function visit(page: Page, route: WebRoute, ready?: (page: Page) => Promise<void>) {
    const target = fillPath(route, ids.paramsFor(route));
    const response = await page.goto(`${platform.baseUrl}${target}`, { waitUntil: 'networkidle' });
    await ready?.(page);
    visited.push({
      path: target,
      status: response?.status() ?? 0,
      csp: (await response?.headerValue('content-security-policy')) ?? '',
    });
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'atelier-csp-'));
    platform = await startPlatform({ dataDir });
    db = await openPlatformDb(dataDir);
    ids = await demoIds(db);
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await db?.close();
    await chromium?.close();
    expect(await platform?.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends the policy the issue asks for', async () => {
    const response = await fetch(`${platform.baseUrl}/login`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The realtime server, at its own port, over HTTP and WebSocket.
    const realtime = new URL(platform.realtimeUrl);
    expect(policy).toContain(`http://localhost:${realtime.port}`);
    expect(policy).toContain(`ws://localhost:${realtime.port}`);
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
  });

  it('shows every public page without a violation', async () => {
    const context = await chromium.newContext({ locale: 'fr-FR' });
    await watchViolations(context, violations);
    const page = await context.newPage();
    for (const route of routes.filter((r) => !r.groups.includes('(app)'))) await visit(page, route);
    await context.close();
    expect(violations).toEqual([]);
  });

  it('shows every page of a signed-in facilitator without a violation: the room, the lab with its worker and map, the exports', async () => {
    const { context, page } = await signedInContext(chromium, platform, DEMO.facilitator);
    await watchViolations(context, violations, workers);
    const special: Record<string, (page: Page) => Promise<void>> = {
      // The room: connected to the realtime server (HTTP polling, then WebSocket) and synced.
      '/(app)/workshops/[id]': async (p) => {
        await p.locator('[data-testid="connection"].connection-connected').waitFor({ timeout: 30_000 });
      },
      // The lab: the models run in their web worker; the map in MapLibre's.
      '/(app)/workshops/[id]/scenarios': async (p) => {
        await p.locator('[data-testid="connection"].connection-connected').waitFor({ timeout: 30_000 });
        const showMap = p.getByRole('button', { name: 'Afficher la carte' });
        if ((await showMap.count()) === 0) {
          // A demo without scenarios: a reference one, so that the models and the map run.
          await p.getByLabel('Titre du nouveau scénario').fill('Référence CSP');
          await p.getByRole('button', { name: 'Créer la référence', exact: true }).click();
        }
        await p.locator('[data-testid="lab-pt-share"]').waitFor({ timeout: 60_000 });
        await p.locator('[data-testid="lab-stale"]').waitFor({ state: 'detached', timeout: 60_000 });
        await showMap.click();
        await p
          .getByTestId('scenario-map')
          .and(p.locator('[data-state="ready"], [data-state="unavailable"]'))
          .waitFor({ timeout: 60_000 });
        mapState = (await p.getByTestId('scenario-map').getAttribute('data-state')) ?? '';
      },
      '/(app)/workshops/[id]/map': async (p) => {
        await p
          .getByTestId('scenario-map')
          .and(p.locator('[data-state="ready"], [data-state="unavailable"]'))
          .waitFor({ timeout: 60_000 });
      },
      // The exports: the form posts to this origin and the file comes back as a download.
      '/(app)/workshops/[id]/exports': async (p) => {
        await p.locator('#export-format').selectOption('csv');
        const [download] = await Promise.all([
          p.waitForEvent('download', { timeout: 60_000 }),
          p.getByRole('button', { name: 'Exporter et télécharger' }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
      },
    };
    const signedIn = routes.filter((r) => r.groups.includes('(app)'));
    for (const route of signedIn) await visit(page, route, special[route.id]);
    await context.close();
    expect(violations).toEqual([]);
    // Each page came with the policy (the 404s are the pages of ids the demo does not hold).
    for (const entry of visited) expect(entry.csp, entry.path).toContain("default-src 'self'");
    expect(visited.filter((entry) => entry.status === 200).length).toBeGreaterThan(signedIn.length / 2);
    // Both workers ran under the policy: the scenario models', and MapLibre's once it drew.
    const names = [...workers].join(' ');
    expect(names).toMatch(/model\.worker/);
    if (mapState === 'ready') expect(names).toMatch(/maplibre-gl-worker/);
    console.info(`CSP: ${visited.length} signed-in pages, map ${mapState}, workers: ${names}`);
  });
});
