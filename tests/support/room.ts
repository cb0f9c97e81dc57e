import type { Browser, BrowserContext, Page } from 'playwright-core';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Platform } from './platform.ts';

export const DEMO_PASSWORD = 'atelier-demo';

/** The demo accounts' e-mails by who they are in the demo workshops. */
export const DEMO = {
  admin: 'admin@atelier.example',
  facilitator: 'facilitator@atelier.example',
  company: 'company@atelier.example',
  school: 'school@atelier.example',
  observer: 'observer@atelier.example',
} as const;

/** Titles of the two demo workshops (the first is live, the second closed). */
export const DEMO_WORKSHOPS = {
  live: 'Compétences industrielles du Nord lorrain — feuille de route 100 jours',
  closed: 'Mobilités Metz–Thionville–Luxembourg : diagnostic',
} as const;

/**
 * A new browser context (its own cookies) signed in as one demo account, in French
 * unless another locale is given. Viewport defaults to a laptop.
 */
export async function signedInContext(
  browser: Browser,
  platform: Platform,
  email: string,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'fr-FR',
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  // On a busy machine the sign-in page can still be settling (hydration) under the click,
  // and the submission is lost: wait for the page to be idle, and try again up to three times.
  for (let attempt = 1; ; attempt++) {
    await page.goto(`${platform.baseUrl}/login`, { waitUntil: 'networkidle' });
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    try {
      await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  return { context, page };
}

/** The path of a demo workshop's room, found through the workshops list. */
export async function workshopPath(page: Page, platform: Platform, title: string): Promise<string> {
  await page.goto(`${platform.baseUrl}/workshops`);
  const href = await page.getByRole('link', { name: title }).first().getAttribute('href');
  if (!href) throw new Error(`no link to the workshop "${title}"`);
  return href;
}

/** Opens a workshop's room on a section and waits until it is connected and synced. */
export async function openRoom(
  page: Page,
  platform: Platform,
  path: string,
  section = 'agenda',
): Promise<void> {
  await page.goto(`${platform.baseUrl}${path}#${section}`);
  await page.locator('[data-testid="connection"].connection-connected').waitFor({ timeout: 20_000 });
}

/**
 * A Node y-websocket client on one of a workshop's documents (`<workshopId>/content` or
 * `/facilitation`), signed in with a browser context's session cookie, once synced.
 */
export async function documentClient(options: {
  context: BrowserContext;
  platform: Platform;
  room: string;
}): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const cookies = await options.context.cookies(options.platform.baseUrl);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const Socket = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(
    `${options.platform.realtimeUrl.replace(/^http/, 'ws')}/yjs`,
    options.room,
    doc,
    {
      WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    },
  );
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return { doc, provider };
}
