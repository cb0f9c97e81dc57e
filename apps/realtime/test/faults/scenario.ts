// One run of the fault suite: two realtime instances on a private Redis, 20 stock
// WebsocketProvider clients editing the content document, and one fault at a random point:
// an instance killed with SIGKILL and restarted, the same while some authors leave for good,
// or Redis killed and restarted. Then: every client must hold exactly the database's state
// within 5 s, and every acknowledged edit (one another client received) must be stored.
import type { ChildProcess } from 'node:child_process';
import { yjsStore, type Db } from '@atelier/db';
import { openScratchDatabase, testBackends } from '@atelier/db/testing';
import { needs, roomName } from '@atelier/domain';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { freePort, killHard, spawnServer, startPrivateRedis, type PrivateRedis } from '../processes.ts';
import { connect, needBy, synced } from '../support.ts';
import { openFaultWorld, type FaultPerson } from './world.ts';

export type FaultKind = 'instance' | 'author-leaves' | 'redis';

export interface FaultReport {
  kind: FaultKind;
  seed: number;
  /** Edits made by all clients. */
  edits: number;
  /** Edits another client received during the run. */
  acknowledged: number;
  /** Edits in the database at the end. */
  stored: number;
  /** Acknowledged edits missing from the database (must be empty). */
  lostAcknowledged: string[];
  /** Edits of clients still connected at the end missing from the database (must be empty). */
  lostFromPresent: string[];
  /** When the fault happened, ms after editing started. */
  faultAtMs: number;
  /** From the restart (or the end of editing, whichever is later) until every client held the database's state; undefined: not within the limit. */
  convergedMs: number | undefined;
  /** What the clients and the database held when they had not converged. */
  divergence?: string;
  /** Close codes the server sent to clients (4xxx: refusals), by code. */
  refusals: Record<string, number>;
  /** Refused updates by reason and catch-ups, from each instance's /metrics (since its last start). */
  servers: { A: Record<string, number>; B: Record<string, number> };
  /** When the last client got its last change, ms after the restart or the end of editing (with convergence). */
  lastChangeMs?: number;
  /** When every client of the restarted instance was connected again, ms after the restart. */
  reconnectedMs?: number;
}

export const CONVERGENCE_LIMIT_MS = 5_000;
const CLIENTS = 20;
const EDITS = 50;
const PEOPLE: readonly FaultPerson[] = ['facilitator', 'company', 'school'];

/** A small deterministic generator (mulberry32): a run is replayed from its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function storedDoc(db: Db, room: string): Promise<Y.Doc> {
  const stored = await yjsStore.load(db.sql, { docName: room });
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
  for (const row of stored.updates) Y.applyUpdate(doc, row.update);
  return doc;
}

/** Whether these documents hold the same changes (state vectors: cheap, nothing decoded). */
function statesAgree(docs: Y.Doc[]): boolean {
  const first = docs[0] ? Buffer.from(Y.encodeStateVector(docs[0])) : undefined;
  return docs.every((doc) => first?.equals(Buffer.from(Y.encodeStateVector(doc))));
}

/**
 * Closes a client for good. The provider's destroy leaves its awareness running (an interval
 * holding the document): without the document's destroy, every run's 20 documents stayed in
 * the test process, whose heap reached 4 GB by the 30th run (CI: out of memory, and the major
 * collections before it paused the clients for seconds).
 */
function close(client: Client): void {
  client.provider.destroy();
  client.provider.doc.destroy();
}

/** The needs' ids, read without validating each need (the checker must not slow the clients down). */
const idsOf = (doc: Y.Doc) =>
  doc
    .getArray<Y.Map<unknown>>('needs')
    .map((need) => String(need.get('id')))
    .sort();

interface Client {
  index: number;
  person: FaultPerson;
  provider: WebsocketProvider;
  /** Left for good during the fault (the author-leaves run). */
  left: boolean;
}

/**
 * Runs one fault scenario and reports what it saw; the caller asserts. Every process and
 * connection it starts is stopped before it returns.
 */
export async function runFaultScenario(options: {
  kind: FaultKind;
  seed: number;
  /** Extra environment of both instances. */
  env?: Record<string, string>;
}): Promise<FaultReport> {
  const rand = random(options.seed);
  const url = process.env.TEST_DATABASE_URL;
  const db = url ? await openScratchDatabase(url) : await testBackends()[0]!.open();
  const children: ChildProcess[] = [];
  const clients: Client[] = [];
  let redis: PrivateRedis | undefined;
  try {
    const world = await openFaultWorld(db);
    redis = await startPrivateRedis();
    const ports = [await freePort(), await freePort()] as const;
    const env = { REDIS_URL: redis.url, REALTIME_FLUSH_MS: '20', ...options.env };
    const spawnAt = (port: number) => spawnServer({ port, databaseUrl: db.url, env });
    const servers = await Promise.all(ports.map(spawnAt));
    children.push(...servers);
    const room = roomName(world.liveId, 'content');

    // Who received which edit from someone else: those edits are acknowledged.
    const acknowledged = new Set<string>();
    const refusals: Record<string, number> = {};
    const lastChangeAt: number[] = [];
    const connectedAt: number[] = [];
    const authorOf = (id: string) => Number(/^c(\d+)-/.exec(id)?.[1] ?? -1);
    for (let index = 0; index < CLIENTS; index++) {
      const person = PEOPLE[index % PEOPLE.length]!;
      const provider = connect({
        port: ports[index % 2]!,
        room,
        doc: new Y.Doc(),
        token: world.tokens[person],
      });
      provider.doc.getArray<Y.Map<unknown>>('needs').observe((event) => {
        for (const item of event.changes.added) {
          for (const content of item.content.getContent()) {
            const id = content instanceof Y.Map ? String(content.get('id')) : '';
            if (authorOf(id) !== index) acknowledged.add(id);
          }
        }
      });
      provider.doc.on('update', () => (lastChangeAt[index] = performance.now()));
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'connected') connectedAt[index] = performance.now();
      });
      provider.on('connection-close', (event) => {
        const code = event?.code ?? 0;
        if (code >= 4000) refusals[code] = (refusals[code] ?? 0) + 1;
      });
      clients.push({ index, person, provider, left: false });
    }
    await Promise.all(clients.map((client) => synced(client.provider)));

    // The victim instance is A (port 0): clients 0, 2, 4…; three of them leave in the author-leaves run.
    const leavers =
      options.kind === 'author-leaves'
        ? new Set(clients.filter((c) => c.index % 2 === 0).slice(0, 3))
        : new Set();
    const faultAtMs = 1_000 + rand() * 2_000;
    const downtimeMs = 200 + rand() * 800;
    let made = 0;
    const editing = Promise.all(
      clients.map(async (client) => {
        for (let k = 0; k < EDITS && !client.left; k++) {
          needs.add(client.provider.doc, needBy(world, client.person, `c${client.index}-e${k}`));
          made++;
          await sleep(40 + rand() * 80);
        }
      }),
    );

    await sleep(faultAtMs);
    let restartedAt = 0;
    if (options.kind === 'redis') {
      await redis.kill();
      await sleep(downtimeMs);
      await redis.start();
      restartedAt = performance.now();
    } else {
      if (options.kind === 'author-leaves') {
        // Their last edits go out just before the crash; then they close their laptops.
        for (const client of leavers as Set<Client>) {
          needs.add(client.provider.doc, needBy(world, client.person, `c${client.index}-last`));
          made++;
        }
        await sleep(rand() * 30);
      }
      await killHard(servers[0]!);
      for (const client of leavers as Set<Client>) {
        client.left = true;
        close(client);
      }
      await sleep(downtimeMs);
      children.push(await spawnAt(ports[0]));
      restartedAt = performance.now();
    }
    await editing;
    const from = Math.max(restartedAt, performance.now());

    const present = clients.filter((client) => !client.left);
    let convergedMs: number | undefined;
    let divergence: string | undefined;
    for (;;) {
      // Clients that differ from each other cannot all hold the database's state: the database is
      // read and decoded only once they agree, so that the checker, in the clients' process, does
      // not take their time while they are still applying what they receive.
      if (
        !statesAgree(present.map((client) => client.provider.doc)) &&
        performance.now() - from <= CONVERGENCE_LIMIT_MS
      ) {
        await sleep(50);
        continue;
      }
      const stored = await storedDoc(db, room);
      // The database's state at this instant; the clients are compared right away (synchronously).
      const elapsed = performance.now() - from;
      const vector = Y.encodeStateVector(stored);
      const ids = idsOf(stored).join(',');
      stored.destroy();
      const same =
        present.every((client) =>
          Buffer.from(Y.encodeStateVector(client.provider.doc)).equals(Buffer.from(vector)),
        ) && present.every((client) => idsOf(client.provider.doc).join(',') === ids);
      if (same) {
        convergedMs = Math.max(0, elapsed);
        break;
      }
      if (elapsed > CONVERGENCE_LIMIT_MS) {
        const counts = present.map((client) => idsOf(client.provider.doc).length);
        const behind = present
          .filter((client) => idsOf(client.provider.doc).join(',') !== ids)
          .map(
            (client) =>
              `c${client.index} connected=${client.provider.wsconnected} synced=${client.provider.synced}`,
          );
        divergence = `database ${ids.split(',').length} needs; clients ${counts.join(' ')}; behind: ${behind.join('; ')}`;
        break;
      }
      await sleep(100);
    }

    const serverCounts = await Promise.all(ports.map((port) => countersOf(port)));
    const final = await storedDoc(db, room);
    const storedIds = new Set(idsOf(final));
    final.destroy();
    const presentAuthors = new Set(present.map((client) => client.index));
    const allIds = clients.flatMap((client) => idsOf(client.provider.doc));
    return {
      kind: options.kind,
      seed: options.seed,
      edits: made,
      acknowledged: acknowledged.size,
      stored: storedIds.size,
      lostAcknowledged: [...acknowledged].filter((id) => !storedIds.has(id)).sort(),
      lostFromPresent: [...new Set(allIds)]
        .filter((id) => presentAuthors.has(authorOf(id)) && !storedIds.has(id))
        .sort(),
      faultAtMs: Math.round(faultAtMs),
      convergedMs: convergedMs === undefined ? undefined : Math.round(convergedMs),
      divergence,
      refusals,
      servers: { A: serverCounts[0]!, B: serverCounts[1]! },
      lastChangeMs:
        convergedMs === undefined
          ? undefined
          : Math.round(Math.max(0, ...present.map((client) => (lastChangeAt[client.index] ?? 0) - from))),
      reconnectedMs:
        options.kind === 'redis'
          ? undefined
          : Math.round(
              Math.max(
                ...present
                  .filter((c) => c.index % 2 === 0)
                  .map((c) => (connectedAt[c.index] ?? 0) - restartedAt),
              ),
            ),
    };
  } finally {
    for (const client of clients) if (!client.left) close(client);
    for (const child of children) await killHard(child);
    await redis?.kill();
    await db.close();
  }
}

/** The refusal and catch-up counters of an instance's /metrics. */
async function countersOf(port: number): Promise<Record<string, number>> {
  const text = await fetch(`http://127.0.0.1:${port}/metrics`).then(
    (response) => response.text(),
    () => '',
  );
  const counters: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const refused = /^atelier_yjs_updates_refused_total\{reason="([^"]+)"\} (\d+)/.exec(line);
    if (refused) counters[refused[1]!] = Number(refused[2]);
    const catchUps = /^atelier_yjs_catch_ups_total (\d+)/.exec(line);
    if (catchUps && catchUps[1] !== '0') counters['catch-ups'] = Number(catchUps[1]);
  }
  return counters;
}
