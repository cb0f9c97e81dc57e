// Integration (issue 24): a facilitator restores a saved version through the realtime service,
// which owns the documents — against PostgreSQL and a real realtime server process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { audit, createDb, migrate, seedDemo, type Db } from '@atelier/db';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedNeeds } from '$lib/server/contributions/content.ts';
import { mergeIntoContent } from '$lib/server/contributions/merge.ts';
import { contributedNeed } from '$lib/testing/needs.ts';
import { restoreVersion, saveVersion } from './versions.server.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const INTERNAL_TOKEN = 'internal-token-for-the-restore-test-0123456789ab';
// The web server's configuration, read at the first request.
process.env.REALTIME_INTERNAL_TOKEN = INTERNAL_TOKEN;
const realtimeDir = fileURLToPath(new URL('../../../../../realtime', import.meta.url));

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

describe.skipIf(!serverUrl)('restoring a saved version (PostgreSQL, real realtime server)', () => {
  const name = `atelier_restore_${randomBytes(5).toString('hex')}`;
  let admin: postgres.Sql;
  let db: Db;
  let realtime: ChildProcess;
  let workshopId = '';
  let facilitatorId = '';
  let observerId = '';
  let steelId = '';

  beforeAll(async () => {
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    db = await createDb({ url: url.toString(), max: 4 });
    await migrate({ sql: db.sql });
    await seedDemo({ sql: db.sql, now: new Date() });
    const id = async (query: Promise<{ id: string }[]>) => (await query)[0]!.id;
    workshopId = await id(db.sql`select id from workshops where status = 'live'`);
    facilitatorId = await id(db.sql`select id from users where email = 'facilitator@atelier.example'`);
    observerId = await id(db.sql`select id from users where email = 'observer@atelier.example'`);
    const companyId = await id(db.sql`select id from users where email = 'company@atelier.example'`);
    steelId = await id(
      db.sql`select organisation_id as id from workshop_members where workshop_id = ${workshopId} and user_id = ${companyId}`,
    );
    const port = await freePort();
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
    while (
      !(await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
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

  it('takes the live workshop back to the version, in the facilitator’s name only', async () => {
    const before = (await storedNeeds(db.sql, { workshopId })).map((need) => need.id).sort();
    const version = await saveVersion(db.sql, {
      workshopId,
      name: 'avant les contributions',
      actorId: facilitatorId,
      now: new Date(),
    });
    const later = {
      ...contributedNeed('Soudeurs arrivés après la version'),
      id: 'need-after-the-version',
      organisationId: steelId,
      createdBy: facilitatorId,
      updatedAt: new Date().toISOString(),
    };
    await mergeIntoContent({
      workshopId,
      actorId: facilitatorId,
      entries: { needs: [later], comments: [], trainingOffers: [] },
    });
    expect((await storedNeeds(db.sql, { workshopId })).some((need) => need.id === later.id)).toBe(true);

    const restore = (actorId: string, versionId = version.id) =>
      restoreVersion(db.sql, { workshopId, versionId, actorId, now: new Date() });
    expect(await restore(observerId)).toBe('failed');
    expect(await restore(facilitatorId, '00000000-0000-4000-8000-000000000000')).toBe('not_found');
    expect(await restore(facilitatorId)).toBe('restored');
    expect((await storedNeeds(db.sql, { workshopId })).map((need) => need.id).sort()).toEqual(before);
    const entries = await audit.list(db.sql, { limit: 20 });
    expect(entries.filter((entry) => entry.action === 'workshop.version.restore')).toHaveLength(1);
  }, 30_000);
});
