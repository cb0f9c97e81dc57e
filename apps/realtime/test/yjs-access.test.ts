import { sessions } from '@atelier/db';
import { READ_ONLY_REASON, agenda, roomName } from '@atelier/domain';
import * as decoding from 'lib0/decoding';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import {
  awarenessUser,
  connect,
  cookieWebSocket,
  nextClose,
  openWorld,
  synced,
  waitFor,
  type World,
} from './support.ts';

const log = pino({ level: 'silent' });

/** Captures the reasons of y-protocols "permission denied" messages (the provider would console.warn them). */
function deniedReasons(provider: WebsocketProvider): string[] {
  const reasons: string[] = [];
  provider.messageHandlers[2] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) === 0) reasons.push(decoding.readVarString(decoder));
  };
  return reasons;
}

describe('Yjs endpoint: who may connect and who may write', () => {
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
      limits: { sessionRecheckMs: 200, maxMessageBytes: 64 * 1024, maxMessagesPerSecond: 50 },
    });
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server?.close();
    await world?.db.close();
  });

  const open = (room: string, token: string | undefined, doc = new Y.Doc()) => {
    const provider = connect({ port: server.port, room, doc, token });
    providers.push(provider);
    return provider;
  };

  it('closes unauthenticated, cross-workshop and unknown rooms with 4401, 4403 and 4404', async () => {
    const content = roomName(world.liveId, 'content');
    expect(await nextClose(open(content, undefined))).toBe(4401);
    expect(await nextClose(open(content, 'not-a-token'))).toBe(4401);
    expect(await nextClose(open(content, world.tokens.outsider))).toBe(4403);
    expect(await nextClose(open('00000000-0000-4000-8000-000000000000/content', world.tokens.company))).toBe(
      4404,
    );
    expect(await nextClose(open(`${world.liveId}/secrets`, world.tokens.company))).toBe(4404);
  });

  it('lets observers sync and appear in awareness, but drops their writes and tells them', async () => {
    const room = roomName(world.liveId, 'content');
    const writer = open(room, world.tokens.company);
    await synced(writer);
    writer.doc.getArray('ideas').push([
      new Y.Map(
        Object.entries({
          id: 'i1',
          text: 'Navette',
          createdBy: world.userIds.company,
          updatedAt: '2026-11-26T08:00:00.000Z',
        }),
      ),
    ]);
    const observer = open(room, world.tokens.observer);
    const reasons = deniedReasons(observer);
    await synced(observer);
    await waitFor('the observer to receive the idea', () => observer.doc.getArray('ideas').length === 1);
    observer.awareness.setLocalStateField('user', awarenessUser(world, 'observer', 'Anne'));
    await waitFor('the observer in the writer’s awareness', () =>
      [...writer.awareness.getStates().values()].some((state) => state.user?.name === 'Anne'),
    );
    observer.doc
      .getArray('ideas')
      .push([
        new Y.Map(
          Object.entries({ id: 'i2', text: 'Hack', createdBy: 'o', updatedAt: '2026-11-26T08:00:00.000Z' }),
        ),
      ]);
    await waitFor('the observer to be told', () => reasons.length > 0);
    expect(reasons[0]).toBe(READ_ONLY_REASON);
    // A later write by a participant arrives; the observer's never does.
    writer.doc.getArray('ideas').push([
      new Y.Map(
        Object.entries({
          id: 'i3',
          text: 'Classe',
          createdBy: world.userIds.company,
          updatedAt: '2026-11-26T08:00:00.000Z',
        }),
      ),
    ]);
    const fresh = open(room, world.tokens.school);
    await synced(fresh);
    await waitFor('the third idea', () => fresh.doc.getArray('ideas').length === 2);
    const ids = fresh.doc
      .getArray<Y.Map<unknown>>('ideas')
      .toArray()
      .map((idea) => idea.get('id'));
    expect(ids).toEqual(['i1', 'i3']);
    expect(observer.wsconnected).toBe(true);
  });

  it('keeps the facilitation document to facilitators and a closed workshop read-only', async () => {
    const participant = open(roomName(world.liveId, 'facilitation'), world.tokens.company);
    const denied = deniedReasons(participant);
    await synced(participant);
    participant.doc.getMap('settings').set('reactionsEnabled', false);
    await waitFor('the participant to be told', () => denied.length > 0);
    const closed = open(roomName(world.closedId, 'content'), world.tokens.facilitator);
    const closedDenied = deniedReasons(closed);
    await synced(closed);
    closed.doc.getArray('ideas').push([
      new Y.Map(
        Object.entries({
          id: 'x',
          text: 'Trop tard',
          createdBy: 'f',
          updatedAt: '2026-11-26T08:00:00.000Z',
        }),
      ),
    ]);
    await waitFor('the facilitator of a closed workshop to be told', () => closedDenied.length > 0);
    expect(server.yjs.rooms.get(roomName(world.closedId, 'content'))?.doc.getArray('ideas').length).toBe(0);
  });

  it('closes a revoked session with 4401 at the next periodic check', async () => {
    const token = await world.newToken('school');
    const provider = open(roomName(world.liveId, 'content'), token);
    await synced(provider);
    const closed = nextClose(provider);
    await sessions.invalidate(world.db.sql, { sessionId: sessions.sessionIdOf(token) });
    expect(await closed).toBe(4401);
  });

  it('closes a connection that sends a frame above the limit (4413) or floods (4429)', async () => {
    const url = `ws://127.0.0.1:${server.port}/yjs/${roomName(world.liveId, 'content')}`;
    const Socket = cookieWebSocket(world.tokens.company) as typeof WebSocket;
    const codeOf = (send: (ws: WebSocket) => void) =>
      new Promise<number>((resolve) => {
        const ws = new Socket(url);
        ws.on('message', () => send(ws));
        ws.on('close', (code) => resolve(code));
        ws.on('error', () => {});
      });
    expect(await codeOf((ws) => ws.send(new Uint8Array(100 * 1024)))).toBe(4413);
    let sent = false;
    expect(
      await codeOf((ws) => {
        if (sent) return;
        sent = true;
        for (let i = 0; i < 500; i++) ws.send(new Uint8Array([3]));
      }),
    ).toBe(4429);
  });

  it('refuses an update that would grow a document past its size limit (4413), and connection floods from one address (4429)', async () => {
    const tight = await startRealtimeServer({
      db: world.db,
      log,
      port: 0,
      host: '127.0.0.1',
      limits: { maxDocumentBytes: 4096, maxConnectionsPerIpPerMinute: 3 },
    });
    try {
      const room = roomName(world.liveId, 'facilitation');
      const writer = connect({ port: tight.port, room, doc: new Y.Doc(), token: world.tokens.facilitator });
      await synced(writer);
      const closed = nextClose(writer);
      // Valid, but what it would store (about 5 KB) is above the limit.
      agenda.add(writer.doc, {
        id: 'long',
        title: 'Long',
        kind: 'plenary',
        durationMinutes: 30,
        notes: 'x'.repeat(5000),
      });
      expect(await closed).toBe(4413);
      writer.destroy();
      await tight.yjs.rooms.get(room)?.flush();
      expect(tight.yjs.rooms.get(room)?.doc.getArray('agenda').length).toBe(0);
      const flood = [0, 1, 2].map(() =>
        connect({ port: tight.port, room, doc: new Y.Doc(), token: undefined }),
      );
      providers.push(...flood);
      const codes = await Promise.all(flood.map((provider) => nextClose(provider)));
      expect(codes).toContain(4429);
    } finally {
      await tight.close();
    }
  });
});
