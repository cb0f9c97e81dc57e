// Integration (issue 20, item 7): a contributed need that repeats one of the live workshop's is
// flagged at moderation, and merging it through a real realtime server process keeps both
// provenances: the existing need's own, and the contribution's, recorded on it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { calls, contributions, createDb, migrate, seedDemo, type Db } from '@atelier/db';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributedNeed } from '$lib/testing/needs.ts';
import { storedNeeds } from './content.ts';
import { duplicatesOf } from './duplicates.ts';
import { mergeIntoContent } from './merge.ts';
import { acceptContribution, type Merge } from './moderation.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const INTERNAL_TOKEN = 'internal-token-for-the-duplicates-test-0123456789';
// The web server's configuration, read at the first merge.
process.env.REALTIME_INTERNAL_TOKEN = INTERNAL_TOKEN;
const realtimeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../realtime');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!serverUrl)('duplicates at moderation (PostgreSQL, real realtime server)', () => {
  const name = `atelier_dup_${randomBytes(5).toString('hex')}`;
  let admin: postgres.Sql;
  let db: Db;
  let realtime: ChildProcess;
  let port = 0;
  let workshopId = '';
  let callId = '';
  let companyId = '';
  let facilitatorId = '';
  let steelId = '';

  const merge: Merge = (options) => mergeIntoContent({ ...options, timeoutMs: 5_000 });

  async function submitted(payloadNeeds: ReturnType<typeof contributedNeed>[]): Promise<string> {
    const now = new Date();
    const saved = await contributions.save(db.sql, {
      callId,
      workshopId,
      authorId: companyId,
      organisationId: steelId,
      kind: 'needs',
      payload: { needs: payloadNeeds },
      now,
    });
    expect(await contributions.submit(db.sql, { id: saved!.id, authorId: companyId, now })).toBe('submitted');
    return saved!.id;
  }

  /** The needs as stored: the realtime server answers a merge once it is. */
  function liveNeeds() {
    return storedNeeds(db.sql, { workshopId });
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
    process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${port}`;
    realtime = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: realtimeDir,
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        REALTIME_PORT: String(port),
        REALTIME_HOST: '127.0.0.1',
        REALTIME_INTERNAL_TOKEN: INTERNAL_TOKEN,
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const healthy = await fetch(`http://127.0.0.1:${port}/healthz`)
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

  it('flags a need that repeats the steel company’s welders in Florange, and merges it keeping both provenances', async () => {
    // The demo's live room has "Soudeurs TIG/MIG sur acier" (H2913, Florange) typed by the company.
    const id = await submitted([
      contributedNeed('Soudeurs TIG sur acier', { communeCode: '57221', headcount: 2 }),
      contributedNeed('Chaudronniers', { romeCode: 'H2902', communeCode: '57221' }),
    ]);
    const contribution = (await contributions.findById(db.sql, { id }))!;
    const existing = await storedNeeds(db.sql, { workshopId });
    const flagged = duplicatesOf({ contribution, existing });
    expect(flagged.map((d) => [d.index, d.existing.title, d.contributed.title])).toEqual([
      [0, 'Soudeurs TIG/MIG sur acier', 'Soudeurs TIG sur acier'],
    ]);
    const twin = existing.find((need) => need.id === flagged[0]!.existing.id)!;
    expect(twin.organisationId).toBe(steelId);

    // A merge into a need that is not its duplicate is refused, and nothing is moderated.
    const elsewhere = existing.find((need) => need.organisationId !== steelId)!;
    expect(
      await acceptContribution(db.sql, {
        workshopId,
        contributionId: id,
        moderatorId: facilitatorId,
        mergeInto: new Map([[0, elsewhere.id]]),
        merge,
        now: new Date(),
      }),
    ).toBe('invalid');

    expect(
      await acceptContribution(db.sql, {
        workshopId,
        contributionId: id,
        moderatorId: facilitatorId,
        mergeInto: new Map([[0, twin.id]]),
        merge,
        now: new Date(),
      }),
    ).toBe('accepted');
    const after = await liveNeeds();
    const merged = after.find((need) => need.id === twin.id)!;
    // The existing need keeps its own provenance (typed in the room by the company)…
    expect(merged.createdBy).toBe(twin.createdBy);
    expect(merged.contributionId).toBe(twin.contributionId);
    expect(merged.title).toBe('Soudeurs TIG/MIG sur acier');
    // …and records the contribution merged into it.
    expect(merged.mergedContributions).toEqual([
      expect.objectContaining({
        entryId: `${id}-1`,
        contributionId: id,
        contributorId: companyId,
        organisationId: steelId,
        title: 'Soudeurs TIG sur acier',
        headcount: 2,
        mergedBy: facilitatorId,
      }),
    ]);
    // No second line for the duplicate; the other need is added as usual.
    expect(after.some((need) => need.id === `${id}-1`)).toBe(false);
    expect(after.find((need) => need.id === `${id}-2`)?.title).toBe('Chaudronniers');
    expect((await contributions.findById(db.sql, { id }))?.status).toBe('accepted');
  });
});
