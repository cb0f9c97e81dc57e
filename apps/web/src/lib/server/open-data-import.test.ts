import { randomUUID } from 'node:crypto';
import {
  audit,
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBundle } from './open-data-import.ts';
import { createWorkshop, workshopSchema } from './workshops.ts';

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

async function storedContent(db: Db, workshopId: string): Promise<Y.Doc> {
  const stored = await yjsStore.load(db.sql, { docName: roomName(workshopId, 'content') });
  const doc = new Y.Doc();
  for (const { update } of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

async function importAudit(db: Db, workshopId: string): Promise<Record<string, unknown> | undefined> {
  const entries = await audit.list(db.sql, { limit: 50 });
  return entries.find((e) => e.action === 'workshop.imported' && e.subjectId === workshopId)?.details;
}

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`a workshop started from open data, on ${backend.name}`, () => {
    let db: Db;
    let member: Actor;
    let metz: Organisation;
    let steel: Organisation;
    let school: Organisation;
    beforeAll(async () => {
      db = await backend.open();
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
      const admin: Actor = { ...member, isAdmin: true, organisations: [] };
      const bundle = bundleWith([{ id: randomUUID(), name: 'Grand Nancy', kind: 'metropole' }]);
      const id = await createFrom(db, admin, bundle);

      const created = (await organisations.list(db.sql)).find((o) => o.name === 'Grand Nancy');
      expect(created?.kind).toBe('metropole');
      expect(needs.read(await storedContent(db, id))[0]?.organisationId).toBe(created?.id);
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
