import type { ChildProcess } from 'node:child_process';
import { yjsStore, type Db } from '@atelier/db';
import { openScratchDatabase, testBackends } from '@atelier/db/testing';
import { needs, roomName, type TimerState } from '@atelier/domain';
import { afterAll, describe, expect, it } from 'vitest';
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
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const provider of providers) provider.destroy();
    for (const child of children) await killHard(child);
    await db?.close();
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
});
