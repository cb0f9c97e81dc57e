import { needs, roomName, parseRoomName } from '@atelier/domain';
import * as encoding from 'lib0/encoding';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { authenticate } from '../src/auth/authenticate.ts';
import { DEFAULT_LIMITS } from '../src/config.ts';
import { WriteBudget } from '../src/auth/rate-limit.ts';
import { Metrics } from '../src/metrics.ts';
import { YjsConnection } from '../src/yjs/connection.ts';
import { awarenessMessage, syncStep1, updateMessage } from '../src/yjs/messages.ts';
import { Persister } from '../src/yjs/persistence.ts';
import { DocRoom } from '../src/yjs/room.ts';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import {
  awarenessUser,
  connect,
  cookieWebSocket,
  needBy,
  openWorld,
  synced,
  waitFor,
  workshopSocket,
  type World,
} from './support.ts';

const log = pino({ level: 'silent' });
const SEED = 20_261_126;

/** mulberry32: a small seeded generator, so a failing message can be replayed from its index. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Real messages to mutate: sync step 1, updates (including edits unknown to the server), awareness. */
function corpus(base: Y.Doc, world: World): Uint8Array[] {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(base));
  const updates: Uint8Array[] = [];
  other.on('update', (update: Uint8Array) => updates.push(update));
  needs.add(other, needBy(world, 'company', 'fuzz-1'));
  needs.update(other, 'n0', { headcount: 9 });
  needs.remove(other, 'n1');
  other.getXmlFragment('synthesis').insert(0, [new Y.XmlText('Synthèse')]);
  const awareness = new awarenessProtocol.Awareness(other);
  awareness.setLocalState({ user: awarenessUser(world, 'company', 'Fuzz') });
  const step2 = encoding.createEncoder();
  encoding.writeVarUint(step2, 0);
  encoding.writeVarUint(step2, 1);
  encoding.writeVarUint8Array(step2, Y.encodeStateAsUpdate(other));
  return [
    syncStep1(other),
    encoding.toUint8Array(step2),
    ...updates.map(updateMessage),
    awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [other.clientID])),
    new Uint8Array([3]),
  ];
}

function mutate(message: Uint8Array, random: () => number): Uint8Array {
  const bytes = new Uint8Array(message);
  switch (Math.floor(random() * 5)) {
    case 0:
      return bytes.slice(0, Math.floor(random() * bytes.length));
    case 1: {
      const flips = 1 + Math.floor(random() * 3);
      for (let i = 0; i < flips; i++)
        bytes[Math.floor(random() * bytes.length)]! ^= 1 << Math.floor(random() * 8);
      return bytes;
    }
    case 2: {
      const at = Math.floor(random() * bytes.length);
      const noise = Uint8Array.from({ length: 1 + Math.floor(random() * 16) }, () =>
        Math.floor(random() * 256),
      );
      return new Uint8Array([...bytes.slice(0, at), ...noise, ...bytes.slice(at)]);
    }
    case 3:
      return Uint8Array.from({ length: 1 + Math.floor(random() * 64) }, () => Math.floor(random() * 256));
    default: {
      bytes[Math.floor(random() * bytes.length)] = 0xff;
      return bytes.slice(0, Math.max(1, bytes.length - Math.floor(random() * 4)));
    }
  }
}

/**
 * Whether a mutated message would change the document if the server took it (a
 * still-valid edit). Those are legitimate writes, not hostile input: the fuzz only
 * sends messages that must leave the document as it is.
 */
function wouldChange(doc: Y.Doc, message: Uint8Array): boolean {
  if (message[0] !== 0 || (message[1] !== 1 && message[1] !== 2)) return false;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateAsUpdate(copy);
  try {
    Y.applyUpdate(copy, message.subarray(2 + varUintLength(message, 2)));
  } catch {
    return false;
  }
  return !equal(before, Y.encodeStateAsUpdate(copy));
}

function varUintLength(bytes: Uint8Array, at: number): number {
  let length = 0;
  while (at + length < bytes.length && (bytes[at + length]! & 0x80) !== 0) length++;
  return length + 1;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

describe('fuzz: hostile Yjs and Socket.IO messages', () => {
  let world: World;
  let server: RealtimeServer;
  let writer: WebsocketProvider;
  beforeAll(async () => {
    world = await openWorld();
    server = await startRealtimeServer({
      db: world.db,
      log,
      port: 0,
      host: '127.0.0.1',
      limits: { maxConnectionsPerIpPerMinute: 100_000, maxMessagesPerSecond: 100_000 },
    });
    writer = connect({
      port: server.port,
      room: roomName(world.liveId, 'content'),
      doc: new Y.Doc(),
      token: world.tokens.company,
    });
    await synced(writer);
    for (let i = 0; i < 5; i++) needs.add(writer.doc, needBy(world, 'company', `n${i}`));
    await waitFor(
      'the server to hold the needs',
      () =>
        needs.read(server.yjs.rooms.get(roomName(world.liveId, 'content'))?.doc ?? new Y.Doc()).length === 5,
    );
  });
  afterAll(async () => {
    writer?.destroy();
    await server?.close();
    await world?.db.close();
  });

  it('leaves the document unchanged under 10,000 mutated y-websocket messages', async () => {
    const parsed = parseRoomName(roomName(world.liveId, 'content'))!;
    const room = new DocRoom(parsed, {
      db: world.db,
      log,
      limits: DEFAULT_LIMITS,
      metrics: new Metrics(),
      fanout: undefined,
      persister: new Persister({ db: world.db, log, metrics: new Metrics(), flushMs: 20 }),
      onUnloaded: () => {},
    });
    await room.load();
    const auth = await authenticate({
      db: world.db,
      token: world.tokens.company,
      workshopId: world.liveId,
      now: new Date(),
    });
    if (!auth.ok) throw new Error('the company cannot write');
    const before = Y.encodeStateAsUpdate(room.doc);
    const messages = corpus(room.doc, world);
    const random = generator(SEED);
    let sent = 0;
    let closes = 0;
    const fakeSocket = () =>
      ({
        readyState: 1,
        OPEN: 1,
        CONNECTING: 0,
        send: () => {},
        close: () => closes++,
      }) as unknown as WebSocket;
    // The write budgets are tested elsewhere: here every message must reach the decoder.
    const limits = { ...DEFAULT_LIMITS, maxWritesPerMinute: 1e9, maxWriteBytesPerMinute: 1e12 };
    const personBudget = new WriteBudget({ bytesPerMinute: 1e12, updatesPerMinute: 1e9 });
    let connection = new YjsConnection(fakeSocket(), room, auth.identity, {
      log,
      limits,
      metrics: new Metrics(),
      personBudget,
    });
    room.addPeer(connection);
    for (let i = 0; sent < 10_000 && i < 40_000; i++) {
      const message = mutate(messages[Math.floor(random() * messages.length)]!, random);
      if (wouldChange(room.doc, message)) continue;
      const closesBefore = closes;
      connection.handle(message);
      sent++;
      if (closes > closesBefore) {
        connection = new YjsConnection(fakeSocket(), room, auth.identity, {
          log,
          limits,
          metrics: new Metrics(),
          personBudget,
        });
        room.addPeer(connection);
      }
      if (!equal(Y.encodeStateAsUpdate(room.doc), before)) {
        throw new Error(
          `message ${i} of seed ${SEED} changed the document: ${Buffer.from(message).toString('hex')}`,
        );
      }
    }
    expect(sent).toBe(10_000);
    expect(closes).toBeGreaterThan(100);
    // Accepted updates reach the document once stored: nothing may be on its way either.
    await room.flush();
    expect(equal(Y.encodeStateAsUpdate(room.doc), before)).toBe(true);
    await room.unload();
  }, 120_000);

  it('stays up over real sockets: mutated frames close only the sender, other clients keep editing', async () => {
    const url = `ws://127.0.0.1:${server.port}/yjs/${roomName(world.liveId, 'content')}`;
    const Socket = cookieWebSocket(world.tokens.company) as typeof WebSocket;
    const serverDoc = server.yjs.rooms.get(roomName(world.liveId, 'content'))!.doc;
    const before = needs.read(serverDoc).length;
    const messages = corpus(serverDoc, world);
    const random = generator(SEED + 1);
    let sent = 0;
    for (let connectionIndex = 0; connectionIndex < 40 && sent < 400; connectionIndex++) {
      await new Promise<void>((resolve) => {
        const ws = new Socket(url);
        ws.on('error', () => {});
        ws.on('close', () => resolve());
        ws.once('message', () => {
          for (let k = 0; k < 10; k++) {
            const message = mutate(messages[Math.floor(random() * messages.length)]!, random);
            if (wouldChange(serverDoc, message)) continue;
            ws.send(message);
            sent++;
          }
          setTimeout(() => ws.close(), 20);
        });
      });
    }
    expect(sent).toBeGreaterThan(300);
    expect(needs.read(serverDoc).length).toBe(before);
    needs.add(writer.doc, needBy(world, 'company', 'after-fuzz'));
    await waitFor(
      'an edit after the fuzz to reach the server',
      () => needs.find(serverDoc, 'after-fuzz') !== undefined,
    );
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });

  it('answers 2,000 random Socket.IO payloads with acknowledgements and keeps the connection', async () => {
    const socket = workshopSocket({
      port: server.port,
      workshopId: world.liveId,
      token: world.tokens.facilitator,
    });
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    const events = [
      'state:get',
      'agenda:step',
      'timer:start',
      'timer:pause',
      'hand:lower',
      'floor:give',
      'poll:create',
      'poll:vote',
      'poll:close',
      'reaction',
      'nonsense',
    ];
    const random = generator(SEED + 2);
    const value = (depth: number): unknown => {
      const pick = Math.floor(random() * 8);
      if (depth > 2 || pick < 2)
        return [null, true, -1, 1e308, 'x'.repeat(Math.floor(random() * 300)), '💣'][
          Math.floor(random() * 6)
        ];
      if (pick < 4) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
      return Object.fromEntries(
        [
          'pollId',
          'stepId',
          'durationMs',
          'question',
          'options',
          'kind',
          'allocation',
          'reaction',
          'userId',
          '__proto__',
        ]
          .filter(() => random() < 0.4)
          .map((key) => [key, value(depth + 1)]),
      );
    };
    let acknowledged = 0;
    for (let i = 0; i < 2_000; i++) {
      const event = events[Math.floor(random() * events.length)]!;
      if (event === 'nonsense') {
        (socket as unknown as { emit(event: string, payload: unknown): void }).emit(event, value(0));
        continue;
      }
      const ack = await (
        socket as unknown as {
          timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<{ ok: boolean }> };
        }
      )
        .timeout(2_000)
        .emitWithAck(event, value(0));
      expect(typeof ack.ok).toBe('boolean');
      acknowledged++;
    }
    expect(acknowledged).toBeGreaterThan(1_500);
    expect(socket.connected).toBe(true);
    socket.disconnect();
  }, 120_000);
});
