import { roomName } from '@atelier/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { updateMessage } from '../src/yjs/messages.ts';
import { connect, cookieWebSocket, openWorld, synced, waitFor, type World } from './support.ts';

const log = pino({ level: 'silent' });
const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

/**
 * Found by fuzzing (seed 7 of a truncation search): a truncated update whose structs
 * apply before reading its delete set throws. Stock servers keep the half it applied.
 */
const BASE = hex(
  '010983afd4d60700070105696465617301280083afd4d607000269640177026930280083afd4d6070004746578740177076964c3a96520308783afd4d6070001280083afd4d607030269640177026931280083afd4d6070304746578740177076964c3a96520318783afd4d6070301280083afd4d607060269640177026932280083afd4d6070604746578740177076964c3a965203200',
);
const HALF_APPLYING = hex(
  '0103a9a484a10b008783afd4d60706012800a9a484a10b00026964017701782800a9a484a10b0004746578740177086e6f7576656c6c650183',
);

describe('Yjs regressions from the fuzz', () => {
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

  it('refuses whole an update that Yjs would apply half of before throwing', async () => {
    const stock = new Y.Doc();
    Y.applyUpdate(stock, BASE);
    const before = JSON.stringify(stock.getArray('ideas').toJSON());
    expect(() => Y.applyUpdate(stock, HALF_APPLYING)).toThrow();
    expect(JSON.stringify(stock.getArray('ideas').toJSON())).not.toBe(before);

    const room = roomName(world.liveId, 'content');
    const seeded = new Y.Doc();
    Y.applyUpdate(seeded, BASE);
    const writer = connect({ port: server.port, room, doc: seeded, token: world.tokens.facilitator });
    await synced(writer);
    await waitFor(
      'the base document on the server',
      () => server.yjs.rooms.get(room)?.doc.getArray('ideas').length === 3,
    );
    const Socket = cookieWebSocket(world.tokens.company) as typeof WebSocket;
    const code = await new Promise<number>((resolve) => {
      const ws = new Socket(`ws://127.0.0.1:${server.port}/yjs/${room}`);
      ws.once('message', () => ws.send(updateMessage(HALF_APPLYING)));
      ws.on('close', (closeCode) => resolve(closeCode));
      ws.on('error', () => {});
    });
    expect(code).toBe(4400);
    expect(JSON.stringify(server.yjs.rooms.get(room)?.doc.getArray('ideas').toJSON())).toBe(before);
    const reader = connect({ port: server.port, room, doc: new Y.Doc(), token: world.tokens.school });
    await synced(reader);
    expect(JSON.stringify(reader.doc.getArray('ideas').toJSON())).toBe(before);
    expect(JSON.stringify(writer.doc.getArray('ideas').toJSON())).toBe(before);
    writer.destroy();
    reader.destroy();
  });
});
