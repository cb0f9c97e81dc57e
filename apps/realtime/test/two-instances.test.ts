import type { ChildProcess } from 'node:child_process';
import { notifications, yjsStore, type Db } from '@atelier/db';
import { openScratchDatabase, testBackends } from '@atelier/db/testing';
import { needs, roomName, type TimerState } from '@atelier/domain';
import { createClient } from 'redis';
import { io } from 'socket.io-client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { freePort, killHard, spawnServer } from './processes.ts';
import {
  awarenessUser,
  connect,
  needBy,
  openWorld,
  synced,
  waitFor,
  workshopSocket,
  type WorkshopSocket,
} from './support.ts';

const redisUrl = process.env.REDIS_URL_TEST;
if (!redisUrl)
  console.warn('two-instance tests skipped: set REDIS_URL_TEST (e.g. redis://127.0.0.1:6379) to run them');

describe.skipIf(!redisUrl)('two realtime instances over Redis', () => {
  const children: ChildProcess[] = [];
  const providers: WebsocketProvider[] = [];
  const sockets: WorkshopSocket[] = [];
  let db: Db | undefined;
  // A Redis that does not answer fails here at once, with its address, not as a timeout later.
  beforeAll(async () => {
    const client = createClient({
      url: redisUrl!,
      socket: { connectTimeout: 5_000, reconnectStrategy: false },
    });
    client.on('error', () => {});
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
    } catch (error) {
      throw new Error(`Redis at REDIS_URL_TEST=${redisUrl} does not answer: ${String(error)}`, {
        cause: error,
      });
    } finally {
      if (client.isOpen) await client.quit();
    }
  });
  // Each test starts its own pair of servers and leaves nothing connected to Redis for the next.
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    for (const provider of providers.splice(0)) provider.destroy();
    for (const child of children.splice(0)) await killHard(child);
    await db?.close();
    db = undefined;
  });

  it('converges clients of both instances (awareness and Socket.IO too), and loses nothing when one is killed', async () => {
    const url = process.env.TEST_DATABASE_URL;
    db = url ? await openScratchDatabase(url) : await testBackends()[0]!.open();
    const world = await openWorld(db);
    const [portA, portB] = [await freePort(), await freePort()];
    const env = { REDIS_URL: redisUrl!, REALTIME_FLUSH_MS: '20' };
    const a = await spawnServer({ port: portA, databaseUrl: db.url, env });
    const b = await spawnServer({ port: portB, databaseUrl: db.url, env });
    children.push(a, b);
    const room = roomName(world.liveId, 'content');
    const onA = Array.from({ length: 4 }, () =>
      connect({ port: portA, room, doc: new Y.Doc(), token: world.tokens.company }),
    );
    const onB = Array.from({ length: 4 }, () =>
      connect({ port: portB, room, doc: new Y.Doc(), token: world.tokens.school }),
    );
    providers.push(...onA, ...onB);
    await Promise.all(providers.map((provider) => synced(provider)));

    onA.forEach((provider, i) => needs.add(provider.doc, needBy(world, 'company', `first-a${i}`)));
    onB.forEach((provider, i) => needs.add(provider.doc, needBy(world, 'school', `first-b${i}`)));
    await waitFor('all 8 clients to hold the 8 needs', () =>
      providers.every((p) => needs.read(p.doc).length === 8),
    );

    onA[0]!.awareness.setLocalStateField('user', awarenessUser(world, 'company', 'Sophie sur A'));
    await waitFor('awareness from A on B', () =>
      [...onB[0]!.awareness.getStates().values()].some((state) => state.user?.name === 'Sophie sur A'),
    );

    const facilitator = workshopSocket({
      port: portA,
      workshopId: world.liveId,
      token: world.tokens.facilitator,
    });
    const listener = workshopSocket({ port: portB, workshopId: world.liveId, token: world.tokens.observer });
    sockets.push(facilitator, listener);
    await Promise.all(
      [facilitator, listener].map((s) => new Promise((resolve) => s.once('connect', () => resolve(null)))),
    );
    const timerOnB = new Promise<{ timer: TimerState }>((resolve) => listener.once('timer', resolve));
    await facilitator.emitWithAck('timer:start', { durationMs: 120_000 });
    expect((await timerOnB).timer.status).toBe('running');

    // Kill A while its clients keep editing; they move to B (as behind a load balancer) and resend.
    await killHard(a);
    onA.forEach((provider, i) => needs.add(provider.doc, needBy(world, 'company', `offline-${i}`)));
    for (const provider of onA) {
      provider.destroy();
      providers.push(connect({ port: portB, room, doc: provider.doc, token: world.tokens.company }));
    }
    const live = providers.filter((provider) => !onA.includes(provider));
    await waitFor(
      'every client to hold all 12 needs',
      () => live.every((p) => needs.read(p.doc).length === 12),
      20_000,
    );
    const reference = needs.read(live[0]!.doc);
    for (const provider of live) expect(needs.read(provider.doc)).toEqual(reference);
    await waitFor('the database to hold all 12', async () => {
      const stored = await yjsStore.load(db!.sql, { docName: room });
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
      for (const row of stored.updates) Y.applyUpdate(doc, row.update);
      return needs.read(doc).length === 12;
    });
  }, 90_000);
  it("updates a person's unread count on a page connected to the other instance", async () => {
    const url = process.env.TEST_DATABASE_URL;
    const scratch = url ? await openScratchDatabase(url) : await testBackends()[0]!.open();
    const world = await openWorld(scratch);
    const token = 'internal-token-shared-by-both-instances-0123456789';
    const [portA, portB] = [await freePort(), await freePort()];
    const env = { REDIS_URL: redisUrl!, REALTIME_INTERNAL_TOKEN: token };
    const a = await spawnServer({ port: portA, databaseUrl: scratch.url, env });
    const b = await spawnServer({ port: portB, databaseUrl: scratch.url, env });
    children.push(a, b);
    const page = io(`http://127.0.0.1:${portB}/me`, {
      extraHeaders: { cookie: `atelier_session=${world.tokens.company}` },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    const counts: number[] = [];
    page.on('notifications:unread', ({ count }: { count: number }) => counts.push(count));
    try {
      await waitFor('the first count', () => counts.length > 0);
      await notifications.notify(scratch.sql, {
        userIds: [world.userIds.company],
        workshopId: world.liveId,
        kind: 'contribution_accepted',
        details: {},
        now: new Date(),
      });
      // The web server tells instance A; the page is on B.
      const response = await fetch(`http://127.0.0.1:${portA}/internal/notify`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ userIds: [world.userIds.company] }),
      });
      expect(response.status).toBe(202);
      await waitFor('the new count on instance B', () => counts.at(-1) === counts[0]! + 1);
    } finally {
      page.disconnect();
      await scratch.close();
    }
  });
});
