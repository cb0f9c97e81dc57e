import type { ClientToServerEvents, ServerToClientEvents, WorkshopLiveState } from '@atelier/domain';
import { ideas } from '@atelier/domain';
import type { Page } from 'playwright-core';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Platform } from './platform.ts';

export type WorkshopSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The facilitator opens guest access from the guests page; gives the join code it shows. */
export async function openGuestAccess(page: Page, platform: Platform, workshopId: string): Promise<string> {
  await page.goto(`${platform.baseUrl}/workshops/${workshopId}/guests`, { waitUntil: 'networkidle' });
  const open = page.getByRole('button', { name: "Ouvrir l'accès invité" });
  if ((await open.count()) > 0) await open.click();
  const code = page.getByTestId('join-code');
  await code.waitFor({ timeout: 20_000 });
  return ((await code.textContent()) ?? '').trim();
}

/**
 * Joins as a guest the way a browser posts the join form (name, "no organisation"), without a
 * browser: gives the session cookie, or the response when it was refused.
 */
export async function joinByHttp(options: {
  platform: Platform;
  code: string;
  displayName: string;
  organisationId?: string;
}): Promise<{ cookie: string; location: string; status: number }> {
  const response = await fetch(`${options.platform.baseUrl}/j/${options.code}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: options.platform.baseUrl,
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({
      displayName: options.displayName,
      organisationId: options.organisationId ?? 'none',
    }),
  });
  await response.arrayBuffer();
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, location: response.headers.get('location') ?? '', status: response.status };
}

/** A Socket.IO `/workshop` client with a session cookie, once connected (or refused). */
export async function workshopSocket(options: {
  platform: Platform;
  workshopId: string;
  cookie: string;
}): Promise<WorkshopSocket> {
  const socket: WorkshopSocket = io(`${options.platform.realtimeUrl}/workshop`, {
    auth: { workshopId: options.workshopId },
    extraHeaders: { cookie: options.cookie },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
  return socket;
}

/** The live state as this socket's person sees it. */
export async function liveState(socket: WorkshopSocket): Promise<WorkshopLiveState> {
  const ack = await socket.timeout(10_000).emitWithAck('state:get', {});
  if (!ack.ok) throw new Error(`state:get refused: ${ack.error.message}`);
  return ack.state;
}

/** A y-websocket client on one of a workshop's documents with a session cookie, once synced. */
export async function documentWithCookie(options: {
  platform: Platform;
  room: string;
  cookie: string;
}): Promise<{ doc: Y.Doc; provider: WebsocketProvider }> {
  const { cookie } = options;
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
    { WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket, disableBc: true },
  );
  await new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', () => resolve());
  });
  return { doc, provider };
}

/** The texts of the ideas of a content document. */
export function ideaTexts(doc: Y.Doc): string[] {
  return ideas.read(doc).map((idea) => idea.text);
}
