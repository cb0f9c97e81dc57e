import { networkInterfaces } from 'node:os';
import { roomName } from '@atelier/domain';
import pino from 'pino';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { openWorld, synced, type World } from './support.ts';

const log = pino({ level: 'silent' });
const WEB = 'http://localhost:3000';
const TOKEN = 'metrics-token-0123456789abcdef';

/** This machine's first non-loopback IPv4 address: a request from it is not from loopback. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

describe('/metrics is not public', () => {
  let world: World;
  let open: RealtimeServer;
  let guarded: RealtimeServer;
  beforeAll(async () => {
    world = await openWorld();
    open = await startRealtimeServer({ db: world.db, log, port: 0, host: '0.0.0.0' });
    guarded = await startRealtimeServer({ db: world.db, log, port: 0, host: '0.0.0.0', metricsToken: TOKEN });
  });
  afterAll(async () => {
    await open?.close();
    await guarded?.close();
    await world?.db.close();
  });

  it('answers loopback without a token', async () => {
    const response = await fetch(`http://127.0.0.1:${open.port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^atelier_yjs_connections 0$/m);
  });

  it.skipIf(!outside)('refuses another address without a token (403)', async () => {
    const response = await fetch(`http://${outside}:${open.port}/metrics`);
    expect(response.status).toBe(403);
  });

  it('wants the bearer token when one is set (401 without it or with a wrong one), from anywhere', async () => {
    const url = `http://127.0.0.1:${guarded.port}/metrics`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(
      401,
    );
    const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/atelier_yjs_rooms_loaded/);
    if (outside) {
      const remote = await fetch(`http://${outside}:${guarded.port}/metrics`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(remote.status).toBe(200);
    }
  });
});

describe('REALTIME_ALLOWED_ORIGINS', () => {
  let world: World;
  let server: RealtimeServer;
  beforeAll(async () => {
    world = await openWorld();
    server = await startRealtimeServer({
      db: world.db,
      log,
      port: 0,
      host: '127.0.0.1',
      allowedOrigins: [WEB],
    });
  });
  afterAll(async () => {
    await server?.close();
    await world?.db.close();
  });

  /** A `ws` WebSocket sending the session cookie and, when given, an Origin header (as a browser page does). */
  const pageSocket = (origin: string | undefined) =>
    class extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, {
          headers: { cookie: `atelier_session=${world.tokens.company}` },
          ...(origin ? { origin } : {}),
        });
      }
    };

  it('refuses a Yjs upgrade from another origin with HTTP 403', async () => {
    const Socket = pageSocket('http://evil.example');
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new Socket(`ws://127.0.0.1:${server.port}/yjs/${roomName(world.liveId, 'content')}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => reject(new Error('the upgrade was accepted')));
      ws.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  it('syncs a provider from the web origin, and one without an Origin header (a Node client)', async () => {
    for (const origin of [WEB, undefined]) {
      const provider = new WebsocketProvider(
        `ws://127.0.0.1:${server.port}/yjs`,
        roomName(world.liveId, 'content'),
        new Y.Doc(),
        {
          WebSocketPolyfill: pageSocket(origin) as unknown as typeof globalThis.WebSocket,
          disableBc: true,
        },
      );
      await synced(provider);
      provider.destroy();
    }
  });

  it('refuses Socket.IO from another origin, and accepts the web app with credentials over WebSocket', async () => {
    const socketFrom = (origin: string) =>
      io(`http://127.0.0.1:${server.port}/workshop`, {
        auth: { workshopId: world.liveId },
        extraHeaders: { cookie: `atelier_session=${world.tokens.company}`, origin },
        withCredentials: true,
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
    const evil = socketFrom('http://evil.example');
    await new Promise<void>((resolve, reject) => {
      evil.once('connect_error', () => resolve());
      evil.once('connect', () => reject(new Error('a foreign origin connected')));
    });
    evil.disconnect();
    const web = socketFrom(WEB);
    await new Promise<void>((resolve, reject) => {
      web.once('connect', () => resolve());
      web.once('connect_error', reject);
    });
    expect(web.connected).toBe(true);
    web.disconnect();
  });

  it('answers Socket.IO polling from the web origin with CORS and credentials, not from another', async () => {
    const url = `http://127.0.0.1:${server.port}/socket.io/?EIO=4&transport=polling`;
    const web = await fetch(url, { headers: { origin: WEB } });
    expect(web.status).toBe(200);
    expect(web.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(web.headers.get('access-control-allow-credentials')).toBe('true');
    const evil = await fetch(url, { headers: { origin: 'http://evil.example' } });
    expect(evil.status).not.toBe(200);
    expect(evil.headers.get('access-control-allow-origin')).not.toBe('http://evil.example');
  });
});
