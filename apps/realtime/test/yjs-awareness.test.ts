import { roomName } from '@atelier/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { awarenessUser, connect, openWorld, synced, waitFor, type Person, type World } from './support.ts';

const log = pino({ level: 'silent' });

describe('Yjs awareness: only valid states speaking for the connected person are relayed', () => {
  let world: World;
  let server: RealtimeServer;
  const providers: WebsocketProvider[] = [];
  beforeAll(async () => {
    world = await openWorld();
    server = await startRealtimeServer({ db: world.db, log, port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server?.close();
    await world?.db.close();
  });

  const open = async (person: Person) => {
    const provider = connect({
      port: server.port,
      room: roomName(world.liveId, 'content'),
      doc: new Y.Doc(),
      token: world.tokens[person],
    });
    providers.push(provider);
    await synced(provider);
    return provider;
  };
  const seenBy = (provider: WebsocketProvider, clientId: number) =>
    provider.awareness.getStates().get(clientId);

  it('relays a valid state (user, editing, caret), and its removal when the person leaves', async () => {
    const watcher = await open('facilitator');
    const company = await open('company');
    company.awareness.setLocalState({
      user: { ...awarenessUser(world, 'company', 'Sophie'), role: 'participant' },
      editing: { section: 'needs', entryId: 'n1', field: 'headcount' },
      cursor: { anchor: { tname: 'synthesis', assoc: 0 }, head: { tname: 'synthesis', assoc: 0 } },
    });
    await waitFor(
      'the company’s state at the watcher',
      () => seenBy(watcher, company.doc.clientID) !== undefined,
    );
    expect(seenBy(watcher, company.doc.clientID)?.editing).toEqual({
      section: 'needs',
      entryId: 'n1',
      field: 'headcount',
    });
    const clientId = company.doc.clientID;
    company.destroy();
    await waitFor('the company gone from the watcher', () => seenBy(watcher, clientId) === undefined);
  });

  it('drops states that speak for someone else or do not parse, and keeps the connection', async () => {
    const refused = () =>
      Number(
        /atelier_yjs_updates_refused_total\{reason="awareness"\} (\d+)/.exec(server.metrics.render())?.[1] ??
          0,
      );
    const watcher = await open('facilitator');
    const school = await open('school');
    const before = refused();
    school.awareness.setLocalState({ user: awarenessUser(world, 'company', 'Pas moi') });
    school.awareness.setLocalState({ user: { ...awarenessUser(world, 'school', 'Karim'), color: 'red' } });
    school.awareness.setLocalState({
      user: awarenessUser(world, 'school', 'Karim'),
      secret: 'x'.repeat(5000),
    });
    // A valid state sent after them arrives: the earlier ones were dropped, not delayed.
    school.awareness.setLocalState({ user: awarenessUser(world, 'school', 'Karim'), editing: null });
    await waitFor('the valid state', () => seenBy(watcher, school.doc.clientID)?.user?.name === 'Karim');
    const room = server.yjs.rooms.get(roomName(world.liveId, 'content'))!;
    expect(room.awareness.getStates().get(school.doc.clientID)).toEqual({
      user: awarenessUser(world, 'school', 'Karim'),
      editing: null,
    });
    expect(refused() - before).toBe(3);
    expect(school.wsconnected).toBe(true);
  });

  it('does not let one connection remove or replace another one’s presence', async () => {
    const watcher = await open('facilitator');
    const company = await open('company');
    company.awareness.setLocalState({ user: awarenessUser(world, 'company', 'Sophie') });
    await waitFor('the company’s state', () => seenBy(watcher, company.doc.clientID) !== undefined);
    // A second connection of the same person claims the first one's client id.
    const intruder = await open('company');
    const forged = new Y.Doc();
    forged.clientID = company.doc.clientID;
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const awareness = new Awareness(forged);
    awareness.setLocalState({ user: awarenessUser(world, 'company', 'Usurpée') });
    const state = awareness.getStates().get(forged.clientID)!;
    awareness.states.set(forged.clientID, state);
    awareness.meta.set(forged.clientID, { clock: 1000, lastUpdated: Date.now() });
    const update = encodeAwarenessUpdate(awareness, [forged.clientID]);
    const { awarenessMessage } = await import('../src/yjs/messages.ts');
    intruder.ws!.send(awarenessMessage(update));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seenBy(watcher, company.doc.clientID)?.user?.name).toBe('Sophie');
    awareness.destroy();
  });
});
