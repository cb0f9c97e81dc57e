import type { ChildProcess } from 'node:child_process';
import { sessions, workshops, type Db } from '@atelier/db';
import { openScratchDatabase, testBackends } from '@atelier/db/testing';
import { needs, roomName } from '@atelier/domain';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { freePort, killHard, spawnServer } from './processes.ts';
import { connect, cookieWebSocket, needBy, openWorld, synced, waitFor, workshopSocket } from './support.ts';
import type { World } from './support.ts';

const redisUrl = process.env.REDIS_URL_TEST;
const INTERNAL_TOKEN = 'internal-token-for-the-revocation-test-0123456789';
// The web server's own module, called as the web app calls it after a logout or a seat change.
process.env.REALTIME_INTERNAL_TOKEN = INTERNAL_TOKEN;
const { revokeRealtime } = await import('../../web/src/lib/server/revoke.ts');

/** One session's connections to one instance: the Yjs document, /workshop and /me. */
interface Connections {
  provider: WebsocketProvider;
  workshop: Socket;
  me: Socket;
  /** When each connection was closed by the server (performance.now()). */
  closedAt: { yjs?: number; workshop?: number; me?: number };
  yjsCode?: number;
}

describe.skipIf(!redisUrl)('revocation reaches every instance within 1 s', () => {
  const children: ChildProcess[] = [];
  const opened: Connections[] = [];
  let db: Db;
  let world: World;
  let ports: [number, number];

  beforeAll(async () => {
    const url = process.env.TEST_DATABASE_URL;
    db = url ? await openScratchDatabase(url) : await testBackends()[0]!.open();
    world = await openWorld(db);
    ports = [await freePort(), await freePort()];
    // A long periodic re-check: only the revocation can close anything within the test.
    const env = {
      REDIS_URL: redisUrl!,
      REALTIME_INTERNAL_TOKEN: INTERNAL_TOKEN,
      REALTIME_SESSION_RECHECK_MS: '600000',
    };
    for (const port of ports) children.push(await spawnServer({ port, databaseUrl: db.url, env }));
    // The web app talks to instance A only; B hears it through Redis.
    process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${ports[0]}`;
  });
  afterAll(async () => {
    for (const connections of opened) {
      connections.provider.destroy();
      connections.workshop.disconnect();
      connections.me.disconnect();
    }
    for (const child of children) await killHard(child);
    await db?.close();
  });

  async function open(port: number, token: string): Promise<Connections> {
    const provider = connect({ port, room: roomName(world.liveId, 'content'), doc: new Y.Doc(), token });
    const workshop = workshopSocket({ port, workshopId: world.liveId, token });
    const me = io(`http://127.0.0.1:${port}/me`, {
      extraHeaders: { cookie: `atelier_session=${token}` },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const connections: Connections = { provider, workshop, me, closedAt: {} };
    opened.push(connections);
    provider.on('connection-close', (event) => {
      connections.closedAt.yjs ??= performance.now();
      connections.yjsCode ??= event?.code;
    });
    workshop.on('disconnect', () => (connections.closedAt.workshop ??= performance.now()));
    me.on('disconnect', () => (connections.closedAt.me ??= performance.now()));
    await Promise.all([
      synced(provider),
      ...[workshop, me].map((s) => new Promise((resolve) => s.once('connect', () => resolve(null)))),
    ]);
    return connections;
  }

  const allClosed = (list: Connections[]) =>
    list.every((c) => c.closedAt.yjs && c.closedAt.workshop && c.closedAt.me);
  const noneClosed = (list: Connections[]) =>
    list.every((c) => !c.closedAt.yjs && !c.closedAt.workshop && !c.closedAt.me);

  /** A raw client writing a need with a session: whether the server took it (it answers with the document). */
  async function tryWrite(port: number, token: string, id: string): Promise<number> {
    const Socket = cookieWebSocket(token) as typeof WebSocket;
    const ws = new Socket(`ws://127.0.0.1:${port}/yjs/${roomName(world.liveId, 'content')}`);
    const doc = new Y.Doc();
    needs.add(doc, needBy(world, 'company', id));
    const update = Y.encodeStateAsUpdate(doc);
    return new Promise<number>((resolve) => {
      ws.once('message', () => ws.send(Uint8Array.from([0, 2, ...varUint(update.length), ...update])));
      ws.on('close', (code) => resolve(code));
      ws.on('error', () => {});
      setTimeout(() => ws.close(), 500);
    });
  }

  it('logout: closes that session on both instances (Yjs, /workshop, /me) and refuses its writes; another session stays', async () => {
    const token = await world.newToken('company');
    const other = await world.newToken('company');
    const revoked = [await open(ports[0], token), await open(ports[1], token)];
    const kept = [await open(ports[0], other), await open(ports[1], other)];

    // The logout action: the session row goes, then the realtime server is told.
    const sessionId = sessions.sessionIdOf(token);
    await sessions.invalidate(db.sql, { sessionId });
    const started = performance.now();
    await revokeRealtime({ sessionIds: [sessionId] });
    await waitFor('every connection of the session to close', () => allClosed(revoked), 1_000);
    const slowest = Math.max(...revoked.flatMap((c) => Object.values(c.closedAt))) - started;
    expect(slowest).toBeLessThan(1_000);
    expect(revoked.map((c) => c.yjsCode)).toEqual([4401, 4401]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(noneClosed(kept)).toBe(true);

    // Writes after the logout are refused on both instances; the other session still writes.
    expect(await tryWrite(ports[0], token, 'after-logout-a')).toBe(4401);
    expect(await tryWrite(ports[1], token, 'after-logout-b')).toBe(4401);
    needs.add(kept[0]!.provider.doc, needBy(world, 'company', 'still-here'));
    await waitFor('the kept session’s edit on the other instance', () =>
      needs.read(kept[1]!.provider.doc).some((need) => need.id === 'still-here'),
    );
    expect(needs.read(kept[1]!.provider.doc).map((need) => need.id)).not.toContain('after-logout-a');
  });

  it('password change and account-wide sign-out: every other session of the person closes, the new one stays', async () => {
    const old = await world.newToken('school');
    const revoked = [await open(ports[0], old), await open(ports[1], old)];
    // changePassword: every session ends, a new one is opened in the same transaction.
    await sessions.invalidateAllForUser(db.sql, { userId: world.userIds.school });
    const fresh = await world.newToken('school');
    const kept = [await open(ports[1], fresh)];
    const started = performance.now();
    await revokeRealtime({ userIds: [world.userIds.school] });
    await waitFor('every old connection to close', () => allClosed(revoked), 1_000);
    expect(Math.max(...revoked.flatMap((c) => Object.values(c.closedAt))) - started).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(noneClosed(kept)).toBe(true);
  });

  it('removal from a workshop: that seat’s Yjs and /workshop connections close on both instances, /me stays', async () => {
    const token = await world.newToken('observer');
    const seat = [await open(ports[0], token), await open(ports[1], token)];
    await workshops.removeMember(db.sql, { workshopId: world.liveId, userId: world.userIds.observer });
    const started = performance.now();
    await revokeRealtime({ workshops: [{ workshopId: world.liveId, userId: world.userIds.observer }] });
    await waitFor('the seat’s connections to close', () =>
      seat.every((c) => c.closedAt.yjs && c.closedAt.workshop),
    );
    expect(Math.max(...seat.flatMap((c) => [c.closedAt.yjs!, c.closedAt.workshop!])) - started).toBeLessThan(
      1_000,
    );
    expect(seat.every((c) => c.yjsCode === 4403 || c.yjsCode === 4404)).toBe(true);
    expect(seat.every((c) => c.closedAt.me === undefined)).toBe(true);
  });

  it('refuses a revocation without the token or with a bad body', async () => {
    const url = `http://127.0.0.1:${ports[1]}/internal/revoke`;
    const post = (body: unknown, token = INTERNAL_TOKEN) =>
      fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((response) => response.status);
    expect(await post({ userIds: [world.userIds.company] }, 'wrong-token-wrong-token-wrong-token')).toBe(401);
    expect(await post({})).toBe(400);
    expect(await post({ sessionIds: ['not-a-hash'] })).toBe(400);
    expect(await post({ userIds: [world.userIds.company], extra: 1 })).toBe(400);
  });
});

function varUint(n: number): number[] {
  const bytes: number[] = [];
  while (n > 0x7f) {
    bytes.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  bytes.push(n);
  return bytes;
}
