import type { ChildProcess } from 'node:child_process';
import { yjsStore, type Db } from '@atelier/db';
import { openScratchDatabase, testBackends } from '@atelier/db/testing';
import { needs, roomName } from '@atelier/domain';
import { afterAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { freePort, killHard, spawnServer } from './processes.ts';
import {
  connect,
  needBy,
  openWorld,
  synced,
  waitFor,
  workshopSocket,
  type WorkshopSocket,
} from './support.ts';

async function storedNeeds(db: Db, room: string): Promise<number> {
  const stored = await yjsStore.load(db.sql, { docName: room });
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
  for (const row of stored.updates) Y.applyUpdate(doc, row.update);
  return needs.read(doc).length;
}

describe('kill test: kill -9 while 20 clients edit', () => {
  const children: ChildProcess[] = [];
  const providers: WebsocketProvider[] = [];
  const sockets: WorkshopSocket[] = [];
  let db: Db | undefined;
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    for (const socket of sockets) socket.disconnect();
    for (const child of children) await killHard(child);
    await db?.close();
  });

  it('loses nothing: every edit is in every client and in the database, documents identical', async () => {
    // A real PostgreSQL server when there is one (as in CI); else the embedded database, served to the child.
    const url = process.env.TEST_DATABASE_URL;
    db = url ? await openScratchDatabase(url) : await testBackends()[0]!.open();
    const world = await openWorld(db);
    const port = await freePort();
    const env = { REALTIME_FLUSH_MS: '20' };
    children.push(await spawnServer({ port, databaseUrl: db.url, env }));
    const room = roomName(world.liveId, 'content');
    const people = ['facilitator', 'company', 'school'] as const;
    for (let i = 0; i < 20; i++) {
      providers.push(connect({ port, room, doc: new Y.Doc(), token: world.tokens[people[i % 3]!] }));
    }
    await Promise.all(providers.map((provider) => synced(provider)));

    // Facilitation state lives in the database: a poll and a ballot survive the kill.
    const open = async (person: 'facilitator' | 'company') => {
      const socket = workshopSocket({ port, workshopId: world.liveId, token: world.tokens[person] });
      sockets.push(socket);
      await new Promise((resolve) => socket.once('connect', () => resolve(null)));
      return socket;
    };
    const facilitator = await open('facilitator');
    const created = await facilitator.emitWithAck('poll:create', {
      question: 'Priorité ?',
      options: ['A', 'B'],
      kind: 'poll',
    });
    const pollId = created.ok ? created.pollId : '';
    expect(
      await (await open('company')).emitWithAck('poll:vote', { pollId, allocation: { '1': 1 } }),
    ).toEqual({ ok: true });

    const EDITS = 10;
    const editing = Promise.all(
      providers.map(async (provider, i) => {
        for (let k = 0; k < EDITS; k++) {
          needs.add(provider.doc, needBy(world, people[i % 3]!, `c${i}-e${k}`));
          await new Promise((resolve) => setTimeout(resolve, 15 + ((i * 7 + k * 13) % 20)));
        }
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 80));
    await killHard(children[0]!);
    await editing;
    children.push(await spawnServer({ port, databaseUrl: db.url, env }));

    const total = providers.length * EDITS;
    await waitFor(
      'every client to hold every edit',
      () => providers.every((provider) => needs.read(provider.doc).length === total),
      30_000,
    );
    const reference = Y.encodeStateAsUpdate(providers[0]!.doc);
    for (const provider of providers) {
      expect(Y.encodeStateVector(provider.doc)).toEqual(Y.encodeStateVector(providers[0]!.doc));
      expect(needs.read(provider.doc)).toEqual(needs.read(providers[0]!.doc));
    }
    expect(reference.length).toBeGreaterThan(0);
    await waitFor(
      'the database to hold every edit',
      async () => (await storedNeeds(db!, room)) === total,
      10_000,
    );
  }, 90_000);
});
