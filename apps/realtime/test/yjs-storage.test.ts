import { yjsStore } from '@atelier/db';
import { needs, roomName } from '@atelier/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { connect, nextClose, openWorld, synced, type World } from './support.ts';

const log = pino({ level: 'silent' });

describe('Yjs storage failures', () => {
  let world: World;
  let server: RealtimeServer;
  beforeAll(async () => {
    world = await openWorld();
    server = await startRealtimeServer({ db: world.db, log, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await server?.close();
    await world?.db.close();
  });

  it('never serves an empty document when the stored one cannot be loaded (4503), and stores nothing over it', async () => {
    const room = roomName(world.liveId, 'content');
    await yjsStore.append(world.db.sql, { docName: room, updates: [Uint8Array.of(255, 255, 255)] });
    const doc = new Y.Doc();
    needs.add(doc, {
      id: 'n1',
      organisationId: world.seatOrganisationIds.company,
      romeCode: 'H2913',
      title: 'Soudeur',
      skills: [],
      headcount: 1,
      horizonMonths: 1,
      communeCode: '57463',
      contract: 'cdi',
      difficulty: 1,
      crossBorder: false,
      comment: '',
      createdBy: world.userIds.company,
      updatedAt: '2026-11-26T08:00:00.000Z',
    });
    const provider = connect({ port: server.port, room, doc, token: world.tokens.company });
    expect(await nextClose(provider)).toBe(4503);
    provider.destroy();
    expect(server.yjs.rooms.has(room)).toBe(false);
    expect(server.metrics.render()).toMatch(/atelier_yjs_connections_closed_total\{code="4503"\} 1/);
    const stored = await yjsStore.load(world.db.sql, { docName: room });
    expect(stored.updates.map((row) => [...row.update])).toEqual([[255, 255, 255]]);
  });

  it('serves a document again once its storage is repaired', async () => {
    const room = roomName(world.liveId, 'content');
    await world.db.sql`delete from yjs_updates where doc_name = ${room}`;
    const provider = connect({ port: server.port, room, doc: new Y.Doc(), token: world.tokens.company });
    await synced(provider);
    provider.destroy();
    const metrics = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
    // The content room and the facilitation room it reads the settings of.
    expect(metrics).toMatch(/^atelier_yjs_rooms_loaded 2$/m);
  });
});
