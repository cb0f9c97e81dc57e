// POST /internal/docs/apply: the web server's only way to change a workshop's documents. The
// realtime service applies the change on the live room like any edit: the token, the body's
// schema, the actor's seat and write rules, stored first, then sent to every connection of every
// instance.
import type { ChildProcess } from 'node:child_process';
import { versions, workshops, yjsStore, type Db } from '@atelier/db';
import { openScratchDatabase, testBackends } from '@atelier/db/testing';
import {
  INTERNAL_DOCS_APPLY_PATH,
  needs,
  roomName,
  type DocChangeRequest,
  type MergeEntries,
  type Need,
} from '@atelier/domain';
import pino from 'pino';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startRealtimeServer, type RealtimeServer } from '../src/server.ts';
import { freePort, killHard, spawnServer } from './processes.ts';
import { connect, needBy, openWorld, synced, waitFor, type World } from './support.ts';

const log = pino({ level: 'silent' });
const TOKEN = 'internal-token-for-the-documents-test-0123456789';

/** A need as an accepted contribution brings it: written in the facilitator's name. */
const contributed = (world: World, id: string): Need => ({
  ...needBy(world, 'company', id),
  contributionId: '5f6e7d8c-9b0a-4123-8456-789abcdef012',
  createdBy: world.userIds.facilitator,
});
const entriesOf = (list: Need[]): MergeEntries => ({ needs: list, comments: [], trainingOffers: [] });

function post(options: { port: number; body: unknown; authorization?: string }): Promise<Response> {
  return fetch(`http://127.0.0.1:${options.port}${INTERNAL_DOCS_APPLY_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: options.authorization ?? `Bearer ${TOKEN}`,
    },
    body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
}

async function storedNeeds(db: Db, workshopId: string): Promise<Need[]> {
  const doc = await yjsStore.readDocument(db.sql, { docName: roomName(workshopId, 'content') });
  const read = needs.read(doc);
  doc.destroy();
  return read;
}

describe('POST /internal/docs/apply', () => {
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
      internalToken: TOKEN,
      limits: { idleUnloadMs: 200 },
    });
  });
  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    await server?.close();
    await world?.db.close();
  });

  type MergeRequest = Extract<DocChangeRequest, { kind: 'merge' }>;
  const merge = (list: Need[], actor: keyof World['userIds'] = 'facilitator'): MergeRequest => ({
    kind: 'merge',
    workshopId: world.liveId,
    actorId: world.userIds[actor],
    entries: entriesOf(list),
  });
  const logLength = () => yjsStore.logLength(world.db.sql, { docName: roomName(world.liveId, 'content') });

  it('refuses a request without the token or with another one (401), and stores nothing', async () => {
    const before = await logLength();
    const body = merge([contributed(world, 'no-token')]);
    for (const authorization of ['', 'Bearer not-the-token-0123456789-0123456789', `Basic ${TOKEN}`]) {
      const response = await post({ port: server.port, body, authorization });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
    // Not even read: a body that does not parse gets 401 too.
    expect((await post({ port: server.port, body: '{', authorization: '' })).status).toBe(401);
    expect(await logLength()).toBe(before);
    expect((await storedNeeds(world.db, world.liveId)).some((need) => need.id === 'no-token')).toBe(false);
  });

  it('refuses a body that does not parse or an entry the document would refuse (400), and stores nothing', async () => {
    const before = await logLength();
    const bad = { ...contributed(world, 'bad-need'), romeCode: 'welding' };
    for (const body of [
      '{',
      { kind: 'merge' },
      { ...merge([]), workshopId: 'not-a-workshop' },
      merge([bad as Need]),
      { ...merge([contributed(world, 'extra-field')]), extra: true },
      {
        kind: 'initial',
        workshopId: world.liveId,
        actorId: world.userIds.admin,
        content: '%%',
        facilitation: '',
      },
    ]) {
      const response = await post({ port: server.port, body });
      expect(response.status).toBe(400);
    }
    expect(await logLength()).toBe(before);
    expect(server.yjs.rooms.has(roomName(world.liveId, 'content'))).toBe(false);
  });

  it('merges into the live room: a connected client gets the entries, the database holds them, again adds nothing', async () => {
    const doc = new Y.Doc();
    const provider = connect({
      port: server.port,
      room: roomName(world.liveId, 'content'),
      doc,
      token: world.tokens.observer,
    });
    providers.push(provider);
    await synced(provider);
    const body = merge([contributed(world, 'merged-1'), contributed(world, 'merged-2')]);
    const response = await post({ port: server.port, body });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'applied', added: 2 });
    // Answered once stored: the database already holds both.
    expect((await storedNeeds(world.db, world.liveId)).map((need) => need.id)).toEqual(
      expect.arrayContaining(['merged-1', 'merged-2']),
    );
    await waitFor('the connected client to get both needs', () =>
      ['merged-1', 'merged-2'].every((id) => needs.find(doc, id) !== undefined),
    );
    const again = await post({ port: server.port, body });
    expect(await again.json()).toEqual({ status: 'applied', added: 0 });
    expect(needs.read(doc).filter((need) => need.id.startsWith('merged-'))).toHaveLength(2);
  });

  it('merges without losing an edit made meanwhile by a client of the room', async () => {
    const doc = new Y.Doc();
    const provider = connect({
      port: server.port,
      room: roomName(world.liveId, 'content'),
      doc,
      token: world.tokens.company,
    });
    providers.push(provider);
    await synced(provider);
    needs.add(doc, needBy(world, 'company', 'typed-in-the-room'));
    const response = await post({ port: server.port, body: merge([contributed(world, 'merged-3')]) });
    expect(response.status).toBe(200);
    await waitFor('the database to hold both', async () => {
      const ids = (await storedNeeds(world.db, world.liveId)).map((need) => need.id);
      return ids.includes('typed-in-the-room') && ids.includes('merged-3');
    });
    await waitFor('the client to hold both', () => needs.find(doc, 'merged-3') !== undefined);
    expect(needs.find(doc, 'typed-in-the-room')).toBeDefined();
  });

  it('refuses a merge in the name of an observer or an outsider, or into a need that is gone; nothing stored', async () => {
    const before = await logLength();
    const observer = await post({
      port: server.port,
      body: merge([contributed(world, 'by-observer')], 'observer'),
    });
    expect(observer.status).toBe(403);
    expect(await observer.json()).toEqual({ status: 'forbidden' });
    const outsider = await post({
      port: server.port,
      body: merge([contributed(world, 'by-outsider')], 'outsider'),
    });
    expect(outsider.status).toBe(403);
    const gone: MergeRequest = {
      ...merge([contributed(world, 'beside-a-gone-one')]),
      entries: {
        ...entriesOf([contributed(world, 'beside-a-gone-one')]),
        needMerges: [
          {
            needId: 'deleted-meanwhile',
            merged: {
              entryId: 'x-1',
              contributionId: 'x',
              organisationId: world.seatOrganisationIds.company,
              title: 'Soudeurs',
              headcount: 1,
              mergedBy: world.userIds.facilitator,
              mergedAt: '2026-12-07T10:00:00.000Z',
            },
          },
        ],
      },
    };
    const response = await post({ port: server.port, body: gone });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ status: 'target_gone' });
    expect(await logLength()).toBe(before);
    const ids = (await storedNeeds(world.db, world.liveId)).map((need) => need.id);
    expect(ids).not.toContain('by-observer');
    expect(ids).not.toContain('beside-a-gone-one');
  });

  it('refuses a merge into a closed workshop (read-only for everyone)', async () => {
    const response = await post({
      port: server.port,
      body: { ...merge([contributed(world, 'too-late')]), workshopId: world.closedId },
    });
    expect(response.status).toBe(403);
  });

  it('restores a saved version on the live room: a connected client sees it, nothing else is lost', async () => {
    const docName = roomName(world.liveId, 'content');
    const saved = await yjsStore.readDocument(world.db.sql, { docName });
    const facilitation = await yjsStore.readDocument(world.db.sql, {
      docName: roomName(world.liveId, 'facilitation'),
    });
    const version = await versions.create(world.db.sql, {
      workshopId: world.liveId,
      name: 'avant la fusion',
      contentState: Y.encodeStateAsUpdate(saved),
      facilitationState: Y.encodeStateAsUpdate(facilitation),
      createdBy: world.userIds.facilitator,
      now: new Date(),
    });
    const before = needs.read(saved).map((need) => need.id);
    saved.destroy();
    facilitation.destroy();
    const merged = await post({ port: server.port, body: merge([contributed(world, 'after-the-version')]) });
    expect(merged.status).toBe(200);
    const doc = new Y.Doc();
    const provider = connect({ port: server.port, room: docName, doc, token: world.tokens.observer });
    providers.push(provider);
    await synced(provider);
    expect(needs.find(doc, 'after-the-version')).toBeDefined();

    const restore = { kind: 'restore', workshopId: world.liveId, versionId: version.id };
    const refused = await post({ port: server.port, body: { ...restore, actorId: world.userIds.company } });
    expect(refused.status).toBe(403);
    const unknown = await post({
      port: server.port,
      body: {
        ...restore,
        actorId: world.userIds.facilitator,
        versionId: '00000000-0000-4000-8000-000000000000',
      },
    });
    expect(unknown.status).toBe(404);
    const response = await post({
      port: server.port,
      body: { ...restore, actorId: world.userIds.facilitator },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'applied', added: 1 });
    const stored = (await storedNeeds(world.db, world.liveId)).map((need) => need.id);
    expect(stored.sort()).toEqual([...before].sort());
    await waitFor('the connected client to see the version', () => !needs.find(doc, 'after-the-version'));
    expect(
      needs
        .read(doc)
        .map((need) => need.id)
        .sort(),
    ).toEqual([...before].sort());
  });

  it('gives a new workshop its first state once; an unknown workshop is 404', async () => {
    const workshop = await workshops.create(world.db.sql, { title: 'Repris', territory: 'Metz' });
    const content = new Y.Doc();
    needs.add(content, { ...needBy(world, 'company', 'imported'), createdBy: world.userIds.admin });
    const body: DocChangeRequest = {
      kind: 'initial',
      workshopId: workshop.id,
      actorId: world.userIds.admin,
      content: Buffer.from(Y.encodeStateAsUpdate(content)).toString('base64'),
      facilitation: Buffer.from(Y.encodeStateAsUpdate(new Y.Doc())).toString('base64'),
    };
    const first = await post({ port: server.port, body });
    expect(first.status).toBe(200);
    expect((await storedNeeds(world.db, workshop.id)).map((need) => need.id)).toEqual(['imported']);
    const again = await post({ port: server.port, body });
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ status: 'not_empty' });
    expect(await storedNeeds(world.db, workshop.id)).toHaveLength(1);
    const unknown = await post({
      port: server.port,
      body: { ...body, workshopId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknown.status).toBe(404);
    // Someone without a seat and without the administrator's rights may not set it.
    const other = await workshops.create(world.db.sql, { title: 'Autre', territory: 'Metz' });
    const refused = await post({
      port: server.port,
      body: { ...body, workshopId: other.id, actorId: world.userIds.company },
    });
    expect(refused.status).toBe(403);
  });
});

const redisUrl = process.env.REDIS_URL_TEST;

describe.skipIf(!redisUrl)('POST /internal/docs/apply with two instances over Redis', () => {
  const children: ChildProcess[] = [];
  const providers: WebsocketProvider[] = [];
  let db: Db | undefined;
  beforeAll(async () => {
    const client = createClient({
      url: redisUrl!,
      socket: { connectTimeout: 5_000, reconnectStrategy: false },
    });
    client.on('error', () => {});
    await client.connect();
    await client.quit();
  });
  afterEach(async () => {
    for (const provider of providers.splice(0)) provider.destroy();
    for (const child of children.splice(0)) await killHard(child);
    await db?.close();
    db = undefined;
  });

  it('a change applied on one instance reaches a client of the other at once', async () => {
    const url = process.env.TEST_DATABASE_URL;
    db = url ? await openScratchDatabase(url) : await testBackends()[0]!.open();
    const world = await openWorld(db);
    const [portA, portB] = [await freePort(), await freePort()];
    const env = { REDIS_URL: redisUrl!, REALTIME_INTERNAL_TOKEN: TOKEN };
    children.push(await spawnServer({ port: portA, databaseUrl: db.url, env }));
    children.push(await spawnServer({ port: portB, databaseUrl: db.url, env }));
    const doc = new Y.Doc();
    const provider = connect({
      port: portB,
      room: roomName(world.liveId, 'content'),
      doc,
      token: world.tokens.school,
    });
    providers.push(provider);
    await synced(provider);
    // The room is not loaded on A: the request loads it there, as a connection would.
    const started = performance.now();
    const response = await post({
      port: portA,
      body: {
        kind: 'merge',
        workshopId: world.liveId,
        actorId: world.userIds.facilitator,
        entries: entriesOf([contributed(world, 'across-instances')]),
      },
    });
    expect(response.status).toBe(200);
    await waitFor(
      'the client on B to get the need merged on A',
      () => needs.find(doc, 'across-instances') !== undefined,
      5_000,
    );
    const elapsed = performance.now() - started;
    console.info(`merge on A seen by a client of B after ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(3_000);
  }, 60_000);
});
