import { yjsStore } from '@atelier/db';
import { needs, roomName } from '@atelier/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { connect, needBy, openWorld, synced, waitFor, type World } from './support.ts';

const log = pino({ level: 'silent' });

describe('Yjs sync with the stock WebsocketProvider', () => {
  let world: World;
  let server: RealtimeServer;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    world = await openWorld();
    server = await startRealtimeServer({
      db: world.db,
      log,
      port: 0,
      host: '127.0.0.1',
      limits: { flushMs: 10, idleUnloadMs: 200, compactAfter: 20 },
    });
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server?.close();
    await world?.db.close();
  });

  const open = (room: string, token: string, doc = new Y.Doc()) => {
    const provider = connect({ port: server.port, room, doc, token });
    providers.push(provider);
    return provider;
  };

  it('makes 20 concurrent editors converge, with random delays', async () => {
    const room = roomName(world.liveId, 'content');
    const people = ['facilitator', 'company', 'school'] as const;
    const editors = Array.from({ length: 20 }, (_, i) => open(room, world.tokens[people[i % 3]!]));
    await Promise.all(editors.map((provider) => synced(provider)));
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    await Promise.all(
      editors.map(async (provider, i) => {
        for (let k = 0; k < 5; k++) {
          await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 30)));
          needs.add(provider.doc, needBy(world, people[i % 3]!, `e${i}-${k}`));
          provider.doc.getXmlFragment('synthesis').insert(0, [new Y.XmlText(`${i}.${k} `)]);
        }
      }),
    );
    await waitFor('every editor to hold the 100 needs', () =>
      editors.every((provider) => needs.read(provider.doc).length === 100),
    );
    const reference = Y.encodeStateVector(editors[0]!.doc);
    for (const provider of editors) {
      expect(Y.encodeStateVector(provider.doc)).toEqual(reference);
      expect(provider.doc.getXmlFragment('synthesis').toJSON()).toEqual(
        editors[0]!.doc.getXmlFragment('synthesis').toJSON(),
      );
    }
    // Stored within the flush delay: the database alone rebuilds the same document.
    await waitFor('the updates to be stored', async () => {
      const stored = await yjsStore.load(world.db.sql, { docName: room });
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
      for (const row of stored.updates) Y.applyUpdate(doc, row.update);
      return needs.read(doc).length === 100;
    });
    for (const provider of editors) provider.destroy();
  });

  it('merges edits made offline when the client reconnects', async () => {
    const room = roomName(world.liveId, 'content');
    const a = open(room, world.tokens.company);
    const b = open(room, world.tokens.school);
    await Promise.all([synced(a), synced(b)]);
    a.disconnect();
    needs.add(a.doc, needBy(world, 'company', 'offline-a'));
    needs.add(b.doc, needBy(world, 'school', 'online-b'));
    a.connect();
    await waitFor('both edits in both documents', () =>
      [a, b].every((provider) => {
        const ids = needs.read(provider.doc).map((entry) => entry.id);
        return ids.includes('offline-a') && ids.includes('online-b');
      }),
    );
    a.destroy();
    b.destroy();
    // The content room holds the facilitation room (its settings) while it is loaded.
    a.destroy();
    b.destroy();
  });

  it('stores, unloads an idle document and loads it again from snapshot and log', async () => {
    const room = roomName(world.liveId, 'facilitation');
    const writer = open(room, world.tokens.facilitator);
    await synced(writer);
    for (let i = 0; i < 30; i++)
      writer.doc.getArray('agenda').push([
        new Y.Map(
          Object.entries({
            id: `s${i}`,
            title: `Étape ${i}`,
            kind: 'plenary',
            durationMinutes: 10,
            notes: '',
          }),
        ),
      ]);
    await waitFor('the room to be loaded', () => server.yjs.rooms.has(room));
    writer.destroy();
    await waitFor('the idle room to be unloaded', () => !server.yjs.rooms.has(room));
    const [snapshot]: [{ n: number }?] = await world.db
      .sql`select count(*)::int as n from yjs_snapshots where doc_name = ${room}`;
    expect(snapshot?.n).toBe(1);
    const reader = open(room, world.tokens.observer);
    await synced(reader);
    await waitFor('the agenda to come back', () => reader.doc.getArray('agenda').length === 30);
  });
});
