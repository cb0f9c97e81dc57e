// Integration: two facilitators accepting the same contribution at the same moment merge it
// once — the moderation against PostgreSQL, the merge through a real realtime server process,
// asked through its internal endpoint at REALTIME_INTERNAL_URL: here another host than the
// default (127.0.0.2) and a port other than REALTIME_PORT.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calls, contributions, createDb, migrate, seedDemo, yjsStore, type Db } from '@atelier/db';
import { comments, contributionEntries, needs, roomName, trainingOffers } from '@atelier/domain';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { mergeIntoContent } from './merge.ts';
import { acceptContribution, type Merge } from './moderation.ts';
import { contributedNeed } from '$lib/testing/needs.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const INTERNAL_TOKEN = 'internal-token-for-the-accept-race-test-0123456789';
// The web server's configuration, read at the first merge: the realtime server is found only there.
const REALTIME_HOST = '127.0.0.2';
process.env.REALTIME_INTERNAL_TOKEN = INTERNAL_TOKEN;
const realtimeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../realtime');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, REALTIME_HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const need = (title: string) => contributedNeed(title, { skills: ['TIG'] });

describe.skipIf(!serverUrl)('accepting a contribution (PostgreSQL, real realtime server)', () => {
  const name = `atelier_race_${randomBytes(5).toString('hex')}`;
  let admin: postgres.Sql;
  let db: Db;
  let realtime: ChildProcess;
  let port = 0;
  let workshopId = '';
  let callId = '';
  let companyId = '';
  let steelId = '';
  let facilitatorId = '';
  let observerId = '';

  /** The web server's merge, in the name of someone else than the moderator when `actorId` says so. */
  const mergeAs =
    (actorId?: string): Merge =>
    (options) =>
      mergeIntoContent({ ...options, actorId: actorId ?? options.actorId, timeoutMs: 5_000 });

  async function submitted(titles: string[]): Promise<string> {
    const now = new Date();
    const saved = await contributions.save(db.sql, {
      callId,
      workshopId,
      authorId: companyId,
      organisationId: steelId,
      kind: 'needs',
      payload: { needs: titles.map(need) },
      now,
    });
    expect(await contributions.submit(db.sql, { id: saved!.id, authorId: companyId, now })).toBe('submitted');
    return saved!.id;
  }

  async function documentNeeds(): Promise<ReturnType<typeof needs.read>> {
    const doc = await documentOf();
    const read = needs.read(doc);
    doc.destroy();
    return read;
  }

  /** The content document as stored: the realtime server answers a merge once it is. */
  function documentOf(): Promise<Y.Doc> {
    return yjsStore.readDocument(db.sql, { docName: roomName(workshopId, 'content') });
  }

  beforeAll(async () => {
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    db = await createDb({ url: url.toString(), max: 6 });
    await migrate({ sql: db.sql });
    const now = new Date();
    await seedDemo({ sql: db.sql, now });
    const id = async (query: Promise<{ id: string }[]>) => (await query)[0]!.id;
    workshopId = await id(db.sql`select id from workshops where status = 'live'`);
    facilitatorId = await id(db.sql`select id from users where email = 'facilitator@atelier.example'`);
    companyId = await id(db.sql`select id from users where email = 'company@atelier.example'`);
    observerId = await id(db.sql`select id from users where email = 'observer@atelier.example'`);
    steelId = await id(
      db.sql`select organisation_id as id from workshop_members where workshop_id = ${workshopId} and user_id = ${companyId}`,
    );
    callId = (
      await calls.create(db.sql, {
        workshopId,
        title: 'Besoins',
        text: '',
        asks: ['needs'],
        audienceKinds: ['company'],
        audienceOrganisationIds: [],
        questions: [],
        opensAt: new Date(now.getTime() - 60_000),
        closesAt: new Date(now.getTime() + 3_600_000),
        createdBy: facilitatorId,
        now,
      })
    ).id;
    port = await freePort();
    process.env.REALTIME_INTERNAL_URL = `http://${REALTIME_HOST}:${port}`;
    realtime = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: realtimeDir,
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        REALTIME_PORT: String(port),
        REALTIME_HOST,
        REALTIME_INTERNAL_TOKEN: INTERNAL_TOKEN,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const healthy = await fetch(`http://${REALTIME_HOST}:${port}/healthz`)
        .then((response) => response.ok)
        .catch(() => false);
      if (healthy) break;
      if (Date.now() > deadline) throw new Error('the realtime server did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 60_000);

  afterAll(async () => {
    if (realtime && realtime.exitCode === null) {
      await new Promise((resolve) => {
        realtime.once('exit', resolve);
        realtime.kill('SIGTERM');
      });
    }
    await db?.close();
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  it('merges once when two facilitators accept at the same moment; the other is told it is already moderated', async () => {
    const id = await submitted(['Soudeurs A', 'Soudeurs B', 'Soudeurs C']);
    const outcomes = await Promise.all(
      [1, 2].map(() =>
        acceptContribution(db.sql, {
          workshopId,
          contributionId: id,
          moderatorId: facilitatorId,
          merge: mergeAs(),
          now: new Date(),
        }),
      ),
    );
    expect(outcomes.sort()).toEqual(['accepted', 'already_moderated']);
    const merged = (await documentNeeds()).filter((entry) => entry.contributionId === id);
    expect(merged.map((entry) => entry.title).sort()).toEqual(['Soudeurs A', 'Soudeurs B', 'Soudeurs C']);
    expect(
      merged.every((entry) => entry.contributorId === companyId && entry.organisationId === steelId),
    ).toBe(true);
    const [row] = await db.sql<{ status: string }[]>`select status from contributions where id = ${id}`;
    expect(row?.status).toBe('accepted');
    const [audit] = await db.sql<{ count: number }[]>`
      select count(*)::int as count from audit_log where action = 'contribution.accepted' and details->>'contributionId' = ${id}`;
    expect(audit?.count).toBe(1);
  }, 30_000);

  it('adds nothing when the same entries are merged again (a retried merge)', async () => {
    const id = await submitted(['Chaudronniers']);
    const moderated = await contributions.moderate(db.sql, {
      id,
      workshopId,
      moderatorId: facilitatorId,
      now: new Date(),
      decision: 'accepted',
    });
    const entries = contributionEntries({
      contribution: { ...moderated!, authorId: companyId },
      acceptedBy: facilitatorId,
      now: new Date(),
    });
    const first = await mergeAs()({ workshopId, actorId: facilitatorId, entries });
    const again = await mergeAs()({ workshopId, actorId: facilitatorId, entries });
    expect([first.added, again.added]).toEqual([1, 0]);
    expect((await documentNeeds()).filter((entry) => entry.contributionId === id)).toHaveLength(1);
  }, 30_000);

  it('merges a training offer and a comment on an action with their provenance', async () => {
    const now = new Date();
    const ids: string[] = [];
    for (const [kind, payload] of [
      [
        'training_offer',
        {
          offer: {
            title: 'BTS Conception et réalisation de systèmes automatiques',
            romeCodes: ['H2913'],
            seatsPerYear: 24,
            durationMonths: 24,
            communeCode: '57672',
            description: '',
          },
        },
      ],
      ['comment', { actionId: 'action-1', text: 'Nous pouvons accueillir 4 apprentis.' }],
    ] as const) {
      const saved = await contributions.save(db.sql, {
        callId,
        workshopId,
        authorId: companyId,
        organisationId: steelId,
        kind,
        payload,
        now,
      });
      await db.sql`update contributions set status = 'submitted', submitted_at = ${now} where id = ${saved!.id}`;
      ids.push(saved!.id);
      const outcome = await acceptContribution(db.sql, {
        workshopId,
        contributionId: saved!.id,
        moderatorId: facilitatorId,
        merge: mergeAs(),
        now,
      });
      expect(outcome).toBe('accepted');
    }
    const doc = await documentOf();
    const [offerId, commentId] = ids;
    expect(trainingOffers.find(doc, `${offerId}-1`)).toMatchObject({
      contributionId: offerId,
      contributorId: companyId,
      organisationId: steelId,
      createdBy: facilitatorId,
      seatsPerYear: 24,
    });
    expect(comments.find(doc, `${commentId}-1`)).toMatchObject({
      targetType: 'action',
      targetId: 'action-1',
      contributionId: commentId,
      organisationId: steelId,
    });
    doc.destroy();
  }, 30_000);

  it('puts the contribution back in the queue when the realtime server refuses the merge', async () => {
    const id = await submitted(['Monteurs']);
    // An observer's seat is read-only: the realtime server refuses a write in their name.
    const outcome = await acceptContribution(db.sql, {
      workshopId,
      contributionId: id,
      moderatorId: facilitatorId,
      merge: mergeAs(observerId),
      now: new Date(),
    });
    expect(outcome).toBe('merge_failed');
    const [row] = await db.sql<{ status: string }[]>`select status from contributions where id = ${id}`;
    expect(row?.status).toBe('submitted');
    expect((await documentNeeds()).filter((entry) => entry.contributionId === id)).toHaveLength(0);
  }, 30_000);
});
