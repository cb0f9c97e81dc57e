import {
  HELD_BACK_REASON,
  comments,
  needs,
  roadmap,
  roomName,
  writeSettings,
  type RoadmapAction,
  type WorkshopSettings,
} from '@atelier/domain';
import * as decoding from 'lib0/decoding';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type WebSocket from 'ws';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { updateMessage } from '../src/yjs/messages.ts';
import {
  connect,
  cookieWebSocket,
  needBy,
  nextClose,
  openWorld,
  synced,
  waitFor,
  type Person,
  type World,
} from './support.ts';

const log = pino({ level: 'silent' });

describe('Yjs write rules per seat on the content document', () => {
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
  const open = async (person: Person, room = content(), doc = new Y.Doc()) => {
    const provider = connect({ port: server.port, room, doc, token: world.tokens[person] });
    providers.push(provider);
    await synced(provider);
    return provider;
  };
  const action = (person: Person, id: string, patch: Partial<RoadmapAction> = {}): RoadmapAction => ({
    id,
    title: `Action ${id}`,
    description: '',
    ownerOrganisationId: world.seatOrganisationIds[person],
    partnerOrganisationIds: [],
    start: 'J+10',
    due: 'J+60',
    status: 'proposed',
    needIds: [],
    createdBy: world.userIds[person],
    updatedAt: '2026-11-26T08:00:00.000Z',
    ...patch,
  });
  /** Sets facilitation settings as a facilitator would, and waits for the server to hold them. */
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

  it("closes a participant who changes or deletes another organisation's need (4400); others keep working", async () => {
    const company = await open('company');
    needs.add(company.doc, needBy(world, 'company', 'steel-1'));
    await waitFor('the need on the server', () => needs.find(serverDoc(), 'steel-1') !== undefined);

    const school = await open('school');
    const closed = nextClose(school);
    needs.update(school.doc, 'steel-1', { headcount: 40 });
    expect(await closed).toBe(4400);
    expect(needs.find(serverDoc(), 'steel-1')?.headcount).toBe(2);

    const again = await open('school');
    const deleted = nextClose(again);
    needs.remove(again.doc, 'steel-1');
    expect(await deleted).toBe(4400);
    expect(needs.find(serverDoc(), 'steel-1')).toBeDefined();

    needs.update(company.doc, 'steel-1', { headcount: 3 });
    await waitFor(
      'the owner’s change on the server',
      () => needs.find(serverDoc(), 'steel-1')?.headcount === 3,
    );
    expect(company.wsconnected).toBe(true);
  });

  it('refuses a need written in someone else’s name or for another organisation', async () => {
    const school = await open('school');
    const closed = nextClose(school);
    needs.add(school.doc, { ...needBy(world, 'school', 'forged'), createdBy: world.userIds.company });
    expect(await closed).toBe(4400);
    const other = await open('school');
    const moved = nextClose(other);
    needs.add(other.doc, {
      ...needBy(world, 'school', 'elsewhere'),
      organisationId: world.seatOrganisationIds.company,
    });
    expect(await moved).toBe(4400);
    expect(needs.find(serverDoc(), 'forged')).toBeUndefined();
    expect(needs.find(serverDoc(), 'elsewhere')).toBeUndefined();
  });

  it('lets another organisation comment and ask for a commitment, but only the owner commits', async () => {
    const company = await open('company');
    roadmap.add(company.doc, action('company', 'steel-action'));
    await waitFor('the action on the server', () => roadmap.find(serverDoc(), 'steel-action') !== undefined);

    const school = await open('school');
    comments.add(school.doc, {
      id: 'comment-1',
      targetType: 'action',
      targetId: 'steel-action',
      text: 'Nous avons 4 places en alternance',
      organisationId: world.seatOrganisationIds.school,
      createdBy: world.userIds.school,
      updatedAt: '2026-11-26T08:05:00.000Z',
    });
    roadmap.update(school.doc, 'steel-action', { commitRequestedBy: world.userIds.school });
    await waitFor(
      'the comment and the request on the server',
      () =>
        comments.find(serverDoc(), 'comment-1') !== undefined &&
        roadmap.find(serverDoc(), 'steel-action')?.commitRequestedBy === world.userIds.school,
    );

    const closed = nextClose(school);
    roadmap.update(school.doc, 'steel-action', { status: 'committed', committedBy: world.userIds.school });
    expect(await closed).toBe(4400);
    expect(roadmap.find(serverDoc(), 'steel-action')?.status).toBe('proposed');

    roadmap.update(company.doc, 'steel-action', { status: 'committed', committedBy: world.userIds.company });
    await waitFor(
      'the owner’s commitment on the server',
      () => roadmap.find(serverDoc(), 'steel-action')?.status === 'committed',
    );
  });

  it('refuses an action starting after its due date, mixing J+N and ISO dates with day 0', async () => {
    await settle({ dayZero: '2026-11-26' });
    const company = await open('company');
    roadmap.add(company.doc, action('company', 'dated', { start: 'J+10', due: '2026-12-31' }));
    await waitFor('the dated action on the server', () => roadmap.find(serverDoc(), 'dated') !== undefined);
    const closed = nextClose(company);
    roadmap.update(company.doc, 'dated', { start: 'J+40' });
    expect(await closed).toBe(4400);
    expect(roadmap.find(serverDoc(), 'dated')?.start).toBe('J+10');
  });

  it('keeps a locked section to facilitators, from the facilitation settings as they change', async () => {
    await settle({ lockedSections: ['roadmap', 'synthesis'] });
    const company = await open('company');
    const closed = nextClose(company);
    roadmap.add(company.doc, action('company', 'while-locked'));
    expect(await closed).toBe(4400);
    const writer = await open('company');
    const synthesisClosed = nextClose(writer);
    writer.doc.getXmlFragment('synthesis').insert(0, [new Y.XmlText('Conclusion')]);
    expect(await synthesisClosed).toBe(4400);

    const facilitator = await open('facilitator');
    roadmap.add(facilitator.doc, action('facilitator', 'by-facilitator'));
    await waitFor(
      'the facilitator’s action',
      () => roadmap.find(serverDoc(), 'by-facilitator') !== undefined,
    );

    await settle({ lockedSections: [] });
    const unlocked = await open('company');
    roadmap.add(unlocked.doc, action('company', 'after-unlock'));
    await waitFor(
      'the action after unlocking',
      () => roadmap.find(serverDoc(), 'after-unlock') !== undefined,
    );
    expect(roadmap.find(serverDoc(), 'while-locked')).toBeUndefined();
    expect(serverDoc().getXmlFragment('synthesis').length).toBe(0);
  });

  it('holds back a catch-up carrying another participant’s edit the server lacks, then takes it once its author resends it', async () => {
    // What a crash leaves: the school received the company's need, the server lost it.
    const companyDoc = new Y.Doc();
    needs.add(companyDoc, needBy(world, 'company', 'lost-steel'));
    const schoolDoc = new Y.Doc();
    Y.applyUpdate(schoolDoc, Y.encodeStateAsUpdate(companyDoc));
    needs.add(schoolDoc, needBy(world, 'school', 'school-own'));

    const school = connect({
      port: server.port,
      room: content(),
      doc: schoolDoc,
      token: world.tokens.school,
      connect: false,
    });
    providers.push(school);
    const told: string[] = [];
    school.messageHandlers[2] = (_encoder, decoder) => {
      if (decoding.readVarUint(decoder) === 0) told.push(decoding.readVarString(decoder));
    };
    school.connect();
    let closedWith: number | undefined;
    void nextClose(school).then((code) => (closedWith = code));
    await synced(school);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(needs.find(serverDoc(), 'school-own')).toBeUndefined();
    expect(school.wsconnected).toBe(true);
    expect(told).toEqual([HELD_BACK_REASON]);

    const company = connect({
      port: server.port,
      room: content(),
      doc: companyDoc,
      token: world.tokens.company,
    });
    providers.push(company);
    await waitFor('the company’s own need', () => needs.find(serverDoc(), 'lost-steel') !== undefined);
    await waitFor(
      'the school’s need, asked again',
      () => needs.find(serverDoc(), 'school-own') !== undefined,
    );
    expect(closedWith).toBeUndefined();
    expect(server.metrics.render()).toMatch(
      /atelier_yjs_updates_refused_total\{reason="held-back-forbidden"\} [1-9]/,
    );
  });

  it('holds back an update that depends on changes the server lacks, instead of keeping it pending', async () => {
    const base = new Y.Doc();
    needs.add(base, needBy(world, 'company', 'unsent'));
    const next = new Y.Doc();
    Y.applyUpdate(next, Y.encodeStateAsUpdate(base));
    const before = Y.encodeStateVector(next);
    needs.update(next, 'unsent', { headcount: 7 });
    const dependent = Y.encodeStateAsUpdate(next, before);

    const Socket = cookieWebSocket(world.tokens.company) as typeof WebSocket;
    const ws = new Socket(`ws://127.0.0.1:${server.port}/yjs/${content()}`);
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const told = new Promise<string>((resolve) =>
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === 2 && decoding.readVarUint(decoder) === 0)
          resolve(decoding.readVarString(decoder));
      }),
    );
    ws.once('message', () => ws.send(updateMessage(dependent)));
    expect(await told).toBe(HELD_BACK_REASON);
    expect(needs.find(serverDoc(), 'unsent')).toBeUndefined();
    const room = server.yjs.rooms.get(content())!;
    expect(room.doc.store.pendingStructs).toBeNull();
    ws.close();
    expect(await closed).toBe(1005);
  });
});
