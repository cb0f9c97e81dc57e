import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  audit,
  createDb,
  organisations,
  users,
  workshopOrganisations,
  yjsStore,
  type Db,
  type Organisation,
} from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import {
  buildOpenData,
  needs,
  roadmap,
  roomName,
  sampleReportInput,
  type Actor,
  type OpenDataBundle,
} from '@atelier/domain';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
// The realtime service owns the documents: a new workshop's first state goes through it.
import { startRealtimeServer, type RealtimeServer } from '../../../../realtime/src/server.ts';
import { readBundle } from './open-data-import.ts';
import { createWorkshop, WorkshopImportError, workshopSchema } from './workshops.ts';

const INTERNAL_TOKEN = 'internal-token-for-the-open-data-import-test-0123';
// Read by the web server's configuration at the first request; one port for each backend's server in turn.
const realtimePort = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as AddressInfo;
    probe.close(() => resolve(port));
  });
});
process.env.REALTIME_INTERNAL_TOKEN = INTERNAL_TOKEN;
const realtimeDir = fileURLToPath(new URL('../../../../realtime', import.meta.url));
process.env.REALTIME_INTERNAL_URL = `http://127.0.0.1:${realtimePort}`;

const now = new Date('2026-11-26T09:00:00Z');
const input = workshopSchema.parse({
  title: 'Repris',
  description: '',
  startsAt: '',
  territory: 'Metz',
  agenda: '',
});

/** A bundle (as from another instance) with these organisations, one need for each. */
function bundleWith(organisations: OpenDataBundle['organisations']): OpenDataBundle {
  const sample = buildOpenData({ input: sampleReportInput(), licence: 'etalab-2.0' });
  const need = sample.needs[0]!;
  const action = sample.roadmap[0]!;
  return {
    ...sample,
    organisations,
    needs: organisations.map((o, index) => ({ ...need, id: `need-${index}`, organisationId: o.id })),
    roadmap: [
      {
        ...action,
        ownerOrganisationId: organisations[0]!.id,
        partnerOrganisationIds: organisations.slice(1).map((o) => o.id),
        needIds: [],
      },
    ],
    ideas: [],
    comments: [],
    trainingOffers: [],
  };
}

/** Creates a workshop from a bundle, through the upload's reader, as the form does. */
async function createFrom(db: Db, actor: Actor, bundle: OpenDataBundle): Promise<string> {
  const read = await readBundle(new Blob([JSON.stringify(bundle)]));
  if (!read.ok) throw new Error(read.detail);
  return createWorkshop(db.sql, { actor, input, now, bundle: read });
}

function storedContent(db: Db, workshopId: string): Promise<Y.Doc> {
  return yjsStore.readDocument(db.sql, { docName: roomName(workshopId, 'content') });
}

async function importAudit(db: Db, workshopId: string): Promise<Record<string, unknown> | undefined> {
  const entries = await audit.list(db.sql, { limit: 50 });
  return entries.find((e) => e.action === 'workshop.imported' && e.subjectId === workshopId)?.details;
}

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`a workshop started from open data, on ${backend.name}`, () => {
    let db: Db;
    let realtime: RealtimeServer | undefined;
    let realtimeProcess: ChildProcess | undefined;
    let realtimeDb: Db | undefined;
    async function stopRealtime(): Promise<void> {
      await realtime?.close();
      realtime = undefined;
      await realtimeDb?.close();
      realtimeDb = undefined;
      const child = realtimeProcess;
      realtimeProcess = undefined;
      if (child && child.exitCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
      }
    }
    let member: Actor;
    let metz: Organisation;
    let steel: Organisation;
    let school: Organisation;
    beforeAll(async () => {
      db = await backend.open();
      if (backend.name === 'postgres') {
        // Its own process on PostgreSQL, as in production.
        realtimeProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          cwd: realtimeDir,
          env: {
            ...process.env,
            DATABASE_URL: db.url,
            REALTIME_PORT: String(realtimePort),
            REALTIME_HOST: '127.0.0.1',
            LOG_LEVEL: 'warn',
          },
          stdio: 'ignore',
        });
        const deadline = Date.now() + 30_000;
        while (
          !(await fetch(`http://127.0.0.1:${realtimePort}/readyz`).then(
            (r) => r.ok,
            () => false,
          ))
        ) {
          if (Date.now() > deadline) throw new Error('the realtime server did not start');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      } else {
        // PGlite in memory lives in this process: the realtime server reaches it through its
        // socket with one connection (PGlite is one session: parallel queries on several
        // connections of one pool trip over each other's unnamed portal).
        realtimeDb = await createDb({ url: db.url, max: 1 });
        realtime = await startRealtimeServer({
          db: realtimeDb,
          log: pino({ level: 'silent' }),
          port: realtimePort,
          host: '127.0.0.1',
          internalToken: INTERNAL_TOKEN,
        });
      }
      metz = await organisations.create(db.sql, {
        kind: 'metropole',
        name: 'Metz Métropole',
        communeCode: '57463',
      });
      steel = await organisations.create(db.sql, {
        kind: 'company',
        name: 'Aciéries de la Fensch',
        communeCode: '57221',
      });
      school = await organisations.create(db.sql, {
        kind: 'school',
        name: 'Lycée du Val de Fensch',
        communeCode: '57221',
      });
      const person = await users.create(db.sql, {
        email: 'anim@example.org',
        displayName: 'A',
        passwordHash: 'x',
      });
      await organisations.addMember(db.sql, { organisationId: metz.id, userId: person.id, role: 'member' });
      member = {
        userId: person.id,
        isAdmin: false,
        organisations: [{ id: metz.id, kind: 'metropole', role: 'member' }],
      };
    }, 60_000);
    afterAll(async () => {
      await stopRealtime();
      await db?.close();
    }, 60_000);

    it('finds organisations by id or by name, creates the others, and the documents name them by local id', async () => {
      const bundle = bundleWith([
        { id: steel.id, name: 'Aciéries (named otherwise there)', kind: 'company' },
        { id: randomUUID(), name: '  LYCÉE du val de Fensch ', kind: 'school' },
        { id: 'org-elsewhere', name: 'Transports Frontaliers', kind: 'company' },
      ]);
      const id = await createFrom(db, member, bundle);

      const created = (await organisations.list(db.sql)).find((o) => o.name === 'Transports Frontaliers');
      expect(created).toMatchObject({ kind: 'company', communeCode: bundle.needs[2]!.communeCode });
      // Its importer is its first admin, as after the creation form, so that someone can add its people.
      expect(await organisations.listMembers(db.sql, { organisationId: created!.id })).toMatchObject([
        { userId: member.userId, role: 'admin' },
      ]);
      const local = [steel.id, school.id, created!.id];
      const content = await storedContent(db, id);
      expect(
        needs
          .read(content)
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((n) => n.organisationId),
      ).toEqual(local);
      expect(roadmap.read(content)[0]).toMatchObject({
        ownerOrganisationId: steel.id,
        partnerOrganisationIds: [school.id, created!.id],
      });
      expect(await workshopOrganisations.listIds(db.sql, { workshopId: id })).toEqual([...local].sort());
      expect(await importAudit(db, id)).toMatchObject({
        needs: 3,
        organisationsMatchedById: 1,
        organisationsMatchedByName: 1,
        organisationsCreated: 1,
        organisationsMappedToCreatorMetropole: 0,
      });
    });

    it("takes an unknown métropole as the creator's own when they may not create one", async () => {
      const bundle = bundleWith([
        { id: randomUUID(), name: 'Eurométropole de Strasbourg', kind: 'metropole' },
      ]);
      const id = await createFrom(db, member, bundle);

      expect(needs.read(await storedContent(db, id))[0]?.organisationId).toBe(metz.id);
      expect((await organisations.list(db.sql)).map((o) => o.name)).not.toContain(
        'Eurométropole de Strasbourg',
      );
      expect(await workshopOrganisations.listIds(db.sql, { workshopId: id })).toEqual([metz.id]);
      expect(await importAudit(db, id)).toMatchObject({
        organisationsCreated: 0,
        organisationsMappedToCreatorMetropole: 1,
      });
    });

    it('lets a platform administrator create the unknown métropole', async () => {
      const account = await users.create(db.sql, {
        email: 'admin@example.org',
        displayName: 'Admin',
        passwordHash: 'x',
        isAdmin: true,
      });
      const admin: Actor = { userId: account.id, isAdmin: true, organisations: [] };
      const bundle = bundleWith([{ id: randomUUID(), name: 'Grand Nancy', kind: 'metropole' }]);
      const id = await createFrom(db, admin, bundle);

      const created = (await organisations.list(db.sql)).find((o) => o.name === 'Grand Nancy');
      expect(created?.kind).toBe('metropole');
      expect(needs.read(await storedContent(db, id))[0]?.organisationId).toBe(created?.id);
    });

    it('creates no workshop when the realtime service does not take its documents', async () => {
      // An actor claiming rights the database does not give: the realtime service reads the
      // person's standing itself and refuses the first state.
      const claimed: Actor = { ...member, isAdmin: true, organisations: [] };
      const count = async () =>
        (await db.sql<{ count: number }[]>`select count(*)::int as count from workshops`)[0]!.count;
      const before = await count();
      await expect(
        createFrom(db, claimed, bundleWith([{ id: steel.id, name: 'Aciéries', kind: 'company' }])),
      ).rejects.toBeInstanceOf(WorkshopImportError);
      expect(await count()).toBe(before);
    });
  });
}

describe('reading an uploaded bundle', () => {
  const sample = () => buildOpenData({ input: sampleReportInput(), licence: 'etalab-2.0' });

  it('refuses a bundle holding a NUL character, which PostgreSQL would refuse', async () => {
    const bundle = sample();
    const text = JSON.stringify({ ...bundle, workshop: { ...bundle.workshop, title: 'Avant\u0000après' } });
    expect(text).toContain('\\u0000');
    const read = await readBundle(new Blob([text]));
    expect(read).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('removes other control characters from its texts', async () => {
    const bundle = sample();
    const text = JSON.stringify({ ...bundle, workshop: { ...bundle.workshop, title: 'Soudure\u0007 TIG' } });
    const read = await readBundle(new Blob([text]));
    expect(read.ok && read.bundle.workshop.title).toBe('Soudure TIG');
  });
});
