import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations, workshopOrganisations, workshops, type Db } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`organisations named by a workshop on ${backend.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('records each organisation once per workshop, and forgets them with the workshop', async () => {
      const workshop = await workshops.create(db.sql, { title: 'Atelier', territory: 'Metz' });
      const other = await workshops.create(db.sql, { title: 'Autre', territory: 'Metz' });
      const [a, b] = await Promise.all(
        ['A', 'B'].map((name) =>
          organisations.create(db.sql, { kind: 'company', name, communeCode: '57463' }),
        ),
      );
      await workshopOrganisations.add(db.sql, { workshopId: workshop.id, organisationIds: [a!.id, b!.id] });
      await workshopOrganisations.add(db.sql, { workshopId: workshop.id, organisationIds: [a!.id] });
      await workshopOrganisations.add(db.sql, { workshopId: other.id, organisationIds: [] });
      expect(await workshopOrganisations.listIds(db.sql, { workshopId: workshop.id })).toEqual(
        [a!.id, b!.id].sort(),
      );
      expect(await workshopOrganisations.listIds(db.sql, { workshopId: other.id })).toEqual([]);
      await db.sql`delete from workshops where id = ${workshop.id}`;
      const [left] = await db.sql`select count(*)::int as n from workshop_organisations`;
      expect(left?.n).toBe(0);
    });
  });
}
