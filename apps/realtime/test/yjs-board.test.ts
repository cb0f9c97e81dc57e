import { ideas, roomName, writeSettings, type Idea, type WorkshopSettings } from '@atelier/domain';
import { ANONYMOUS_AUTHOR, boardLayout, ideaGroups, type IdeaGroup } from '@atelier/domain/board';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { connect, nextClose, openWorld, synced, waitFor, type Person, type World } from './support.ts';

const log = pino({ level: 'silent' });
const at = '2026-11-26T09:00:00.000Z';

/** Issue 19, item 4: the ideas board's moves and groups through the real server. */
describe('the ideas board through the realtime server', () => {
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

  const content = () => roomName(world.liveId, 'content');
  const serverDoc = () => server.yjs.rooms.get(content())!.doc;
  const open = async (person: Person, room = content()) => {
    const provider = connect({ port: server.port, room, doc: new Y.Doc(), token: world.tokens[person] });
    providers.push(provider);
    await synced(provider);
    return provider;
  };
  const card = (person: Person, id: string, more: Partial<Idea> = {}): Idea => ({
    id,
    text: `Carte ${id}`,
    category: 'pistes',
    createdBy: world.userIds[person]!,
    updatedAt: at,
    ...more,
  });
  const settle = async (patch: Partial<WorkshopSettings>) => {
    const facilitator = await open('facilitator', roomName(world.liveId, 'facilitation'));
    writeSettings(facilitator.doc, patch);
    const facilitation = server.yjs.rooms.get(roomName(world.liveId, 'facilitation'))!;
    await waitFor('the settings on the server', () =>
      Object.entries(patch).every(
        ([key, value]) =>
          JSON.stringify(facilitation.doc.getMap('settings').get(key)) === JSON.stringify(value),
      ),
    );
    facilitator.destroy();
  };
  /** Sets one card's place the way the board does: position and group in one transaction. */
  const place = (doc: Y.Doc, id: string, position: { x: number; y: number }, groupId?: string) =>
    doc.transact(() => {
      const map = doc
        .getArray<Y.Map<unknown>>('ideas')
        .toArray()
        .find((entry) => entry.get('id') === id)!;
      map.set('position', position);
      if (groupId === undefined) map.delete('groupId');
      else map.set('groupId', groupId);
      map.set('updatedAt', at);
    });
  const placeOf = (doc: Y.Doc, id: string) => {
    const found = ideas.find(doc, id);
    return { position: found?.position, groupId: found?.groupId };
  };

  it('merges two people moving cards at the same time: every move of a different card stays, one place wins whole for the same card', async () => {
    const facilitator = await open('facilitator');
    const group: IdeaGroup = {
      id: 'board-g1',
      title: 'Mobilité',
      color: 'blue',
      position: { x: 600, y: 0 },
      createdBy: world.userIds.facilitator!,
      updatedAt: at,
    };
    facilitator.doc.transact(() => {
      ideaGroups.add(facilitator.doc, group);
      for (const id of ['m1', 'm2', 'm3', 'm4']) ideas.add(facilitator.doc, card('facilitator', id));
    });
    await waitFor('the cards on the server', () => ideas.find(serverDoc(), 'm4') !== undefined);

    const company = await open('company');
    const school = await open('school');
    // Both go offline, move cards (some the same), then come back: neither saw the other's moves.
    company.disconnect();
    school.disconnect();
    place(company.doc, 'm1', { x: 10, y: 20 });
    place(company.doc, 'm3', { x: 16, y: 44 }, 'board-g1');
    place(company.doc, 'm4', { x: 111, y: 222 });
    place(school.doc, 'm2', { x: 30, y: 40 });
    place(school.doc, 'm4', { x: 333, y: 444 });
    // Meanwhile the facilitator moves the group the company drops a card into.
    ideaGroups.update(facilitator.doc, 'board-g1', { position: { x: 900, y: 100 }, updatedAt: at });
    company.connect();
    school.connect();
    await Promise.all([synced(company), synced(school)]);

    const docs = [serverDoc(), company.doc, school.doc, facilitator.doc];
    await waitFor('the same board everywhere', () => {
      const states = docs.map((doc) => JSON.stringify([ideas.read(doc), ideaGroups.read(doc)]));
      return states.every((state) => state === states[0]);
    });
    for (const doc of docs) {
      expect(placeOf(doc, 'm1')).toEqual({ position: { x: 10, y: 20 }, groupId: undefined });
      expect(placeOf(doc, 'm2')).toEqual({ position: { x: 30, y: 40 }, groupId: undefined });
      expect(placeOf(doc, 'm3')).toEqual({ position: { x: 16, y: 44 }, groupId: 'board-g1' });
      // The same card moved by both: one of the two places, never one's x with the other's y.
      expect([
        { x: 111, y: 222 },
        { x: 333, y: 444 },
      ]).toContainEqual(placeOf(doc, 'm4').position);
      expect(ideaGroups.find(doc, 'board-g1')?.position).toEqual({ x: 900, y: 100 });
    }
    // The card dropped into the group follows the group's move.
    const drawn = boardLayout({ ideas: ideas.read(serverDoc()), groups: ideaGroups.read(serverDoc()) });
    expect(drawn.cards.find((c) => c.idea.id === 'm3')).toMatchObject({ x: 916, y: 144 });
    expect(company.wsconnected && school.wsconnected).toBe(true);
  });

  it('lets a participant move another person’s card, and refuses them its text and the groups (4400)', async () => {
    const company = await open('company');
    ideas.add(company.doc, card('company', 'owned'));
    await waitFor('the card on the server', () => ideas.find(serverDoc(), 'owned') !== undefined);

    const school = await open('school');
    place(school.doc, 'owned', { x: 5, y: 6 });
    await waitFor('the move on the server', () => ideas.find(serverDoc(), 'owned')?.position?.x === 5);
    expect(school.wsconnected).toBe(true);

    const closed = nextClose(school);
    ideas.update(school.doc, 'owned', { text: 'Réécrite' });
    expect(await closed).toBe(4400);
    expect(ideas.find(serverDoc(), 'owned')?.text).toBe('Carte owned');

    const grouping = await open('school');
    const refused = nextClose(grouping);
    ideaGroups.add(grouping.doc, {
      id: 'school-group',
      title: 'À nous',
      color: 'pink',
      position: { x: 0, y: 0 },
      createdBy: world.userIds.school!,
      updatedAt: at,
    });
    expect(await refused).toBe(4400);
    expect(ideaGroups.find(serverDoc(), 'school-group')).toBeUndefined();
  });

  it('takes anonymous cards only while anonymity is on, and never their author’s organisation', async () => {
    const company = await open('company');
    const closed = nextClose(company);
    ideas.add(company.doc, card('company', 'anon-early', { createdBy: ANONYMOUS_AUTHOR }));
    expect(await closed).toBe(4400);

    await settle({ anonymousIdeas: true });
    const again = await open('company');
    ideas.add(again.doc, card('company', 'anon-ok', { createdBy: ANONYMOUS_AUTHOR }));
    await waitFor('the anonymous card', () => ideas.find(serverDoc(), 'anon-ok') !== undefined);
    expect(ideas.find(serverDoc(), 'anon-ok')?.createdBy).toBe(ANONYMOUS_AUTHOR);

    const named = nextClose(again);
    ideas.add(
      again.doc,
      card('company', 'anon-org', {
        createdBy: ANONYMOUS_AUTHOR,
        organisationId: world.seatOrganisationIds.company,
      }),
    );
    expect(await named).toBe(4400);
    expect(ideas.find(serverDoc(), 'anon-early')).toBeUndefined();
    expect(ideas.find(serverDoc(), 'anon-org')).toBeUndefined();
    await settle({ anonymousIdeas: false });
  });

  it('keeps refusing an observer’s move (read-only)', async () => {
    const observer = await open('observer');
    place(observer.doc, 'm1', { x: 999, y: 999 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ideas.find(serverDoc(), 'm1')?.position).toEqual({ x: 10, y: 20 });
  });
});
