import { needs, roomName } from '@atelier/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import {
  connect,
  cookieWebSocket,
  needBy,
  nextClose,
  openWorld,
  synced,
  waitFor,
  type World,
} from './support.ts';

const log = pino({ level: 'silent' });

/** The padding frame of issue 18: sync (0), update (2), a length, then zeros: an empty update with trailing bytes. */
function paddingFrame(length: number): Uint8Array {
  const prefix = [0, 2];
  let n = length;
  while (n > 0x7f) {
    prefix.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  prefix.push(n);
  const frame = new Uint8Array(prefix.length + length);
  frame.set(prefix);
  return frame;
}

const FRAME = 512 * 1024;
const DOCUMENT_LIMIT = 2 * 1024 * 1024;

describe('a participant padding updates cannot freeze a room', () => {
  let world: World;
  let server: RealtimeServer;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    world = await openWorld();
    // A small document limit: the attack below sends four times as much.
    server = await startRealtimeServer({
      db: world.db,
      log,
      port: 0,
      host: '127.0.0.1',
      limits: { maxDocumentBytes: DOCUMENT_LIMIT },
    });
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server?.close();
    await world?.db.close();
  });

  it('cuts the attacker off (4429) on every connection, stock provider included, while the facilitator keeps editing', async () => {
    const room = roomName(world.liveId, 'content');
    const open = (token: string) => {
      const provider = connect({ port: server.port, room, doc: new Y.Doc(), token });
      providers.push(provider);
      return provider;
    };
    const facilitator = open(world.tokens.facilitator);
    const reader = open(world.tokens.school);
    const attacker = open(world.tokens.company);
    await Promise.all([facilitator, reader, attacker].map((provider) => synced(provider)));
    let facilitatorClosed = false;
    facilitator.on('connection-close', () => (facilitatorClosed = true));

    // The facilitator edits all along.
    let edits = 0;
    const editing = setInterval(
      () => needs.add(facilitator.doc, needBy(world, 'facilitator', `f${edits++}`)),
      25,
    );

    // The attack: 16 raw connections and the stock provider send padding frames until they are closed.
    let sent = 0;
    const Socket = cookieWebSocket(world.tokens.company) as typeof WebSocket;
    const raw = Array.from(
      { length: 16 },
      () =>
        new Promise<number>((resolve) => {
          const ws = new Socket(`ws://127.0.0.1:${server.port}/yjs/${room}`);
          ws.on('error', () => {});
          ws.on('close', (code) => resolve(code));
          ws.once('message', () => {
            const flood = () => {
              if (ws.readyState !== ws.OPEN) return;
              ws.send(paddingFrame(FRAME));
              sent += FRAME;
              setTimeout(flood, 5);
            };
            flood();
          });
        }),
    );
    const stockClosed = nextClose(attacker);
    const stockFlood = setInterval(() => {
      if (attacker.ws?.readyState === 1) {
        attacker.ws.send(paddingFrame(FRAME));
        sent += FRAME;
      }
    }, 5);
    const codes = await Promise.all(raw);
    const stockCode = await stockClosed;
    clearInterval(stockFlood);
    expect(codes).toEqual(Array(16).fill(4429));
    expect(stockCode).toBe(4429);
    // Four times the document limit went by: counted by bytes received, the room would be frozen.
    expect(sent).toBeGreaterThan(DOCUMENT_LIMIT * 4);

    // The facilitator's edits, during the attack and after it, reach the other participant.
    await new Promise((resolve) => setTimeout(resolve, 300));
    clearInterval(editing);
    needs.add(facilitator.doc, needBy(world, 'facilitator', 'after-the-attack'));
    await waitFor('every facilitator edit at the reader', () => needs.read(reader.doc).length === edits + 1);
    expect(facilitatorClosed).toBe(false);
    // The padding stored nothing and costs the document nothing.
    const serverRoom = server.yjs.rooms.get(room)!;
    await serverRoom.flush();
    expect(Y.encodeStateAsUpdate(serverRoom.doc).length).toBeLessThan(64 * 1024);
    // The stock provider does not reconnect after 4429, and a new raw connection of the
    // attacker is cut at once: the person's budget (8 MiB a minute) is spent, whatever the
    // new connection's own budget (4 MiB) would allow.
    expect(attacker.wsconnected).toBe(false);
    let framesAgain = 0;
    const again = await new Promise<number>((resolve) => {
      const ws = new Socket(`ws://127.0.0.1:${server.port}/yjs/${room}`);
      ws.on('error', () => {});
      ws.on('close', (code) => resolve(code));
      ws.once('message', () => {
        const flood = () => {
          if (ws.readyState !== ws.OPEN) return;
          ws.send(paddingFrame(FRAME), () => framesAgain++);
          setTimeout(flood, 20);
        };
        flood();
      });
    });
    expect(again).toBe(4429);
    expect(framesAgain).toBeLessThan(4);
    expect(server.metrics.render()).toMatch(
      /atelier_yjs_updates_refused_total\{reason="write-budget"\} (1[7-9]|[2-9]\d)/,
    );
  });

  it('still refuses an update whose effect would take the document past its limit (4413)', async () => {
    const room = roomName(world.liveId, 'content');
    const writer = connect({ port: server.port, room, doc: new Y.Doc(), token: world.tokens.facilitator });
    providers.push(writer);
    await synced(writer);
    const closed = nextClose(writer);
    // Valid needs whose comments add up to more than the limit, in updates below the frame limit.
    for (let batch = 0; batch < 3; batch++) {
      writer.doc.transact(() => {
        for (let i = 0; i < 180; i++) {
          needs.add(writer.doc, {
            ...needBy(world, 'facilitator', `big-${batch}-${i}`),
            comment: 'x'.repeat(5000),
          });
        }
      });
    }
    expect(await closed).toBe(4413);
    const serverRoom = server.yjs.rooms.get(room)!;
    await serverRoom.flush();
    expect(Y.encodeStateAsUpdate(serverRoom.doc).length).toBeLessThanOrEqual(DOCUMENT_LIMIT);
    expect(needs.read(serverRoom.doc).filter((need) => need.id.startsWith('big-')).length).toBe(360);
  });
});
