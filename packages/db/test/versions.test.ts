import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users, versions, workshops, type Db, type Workshop } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

const now = new Date('2026-11-26T09:00:00Z');

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`document versions on ${backend.name}`, () => {
    let db: Db;
    let workshop: Workshop;
    let other: Workshop;
    let authorId: string;

    beforeAll(async () => {
      db = await backend.open();
      workshop = await workshops.create(db.sql, { title: 'Atelier', territory: 'Metz', status: 'live' });
      other = await workshops.create(db.sql, { title: 'Autre', territory: 'Metz', status: 'live' });
      authorId = (
        await users.create(db.sql, { email: 'f@example.org', displayName: 'Animatrice', passwordHash: 'x' })
      ).id;
    });
    afterAll(async () => {
      await db?.close();
    });

    it('stores both states byte for byte and gives them back by id', async () => {
      const contentState = new Uint8Array([1, 2, 0, 255, 7]);
      const facilitationState = new Uint8Array([0]);
      const { id } = await versions.create(db.sql, {
        workshopId: workshop.id,
        name: 'après la séance 1',
        contentState,
        facilitationState,
        createdBy: authorId,
        now,
      });
      const found = await versions.find(db.sql, { workshopId: workshop.id, id });
      expect(found?.name).toBe('après la séance 1');
      expect(found?.authorName).toBe('Animatrice');
      expect(found?.createdAt.toISOString()).toBe(now.toISOString());
      expect([...(found?.contentState ?? [])]).toEqual([...contentState]);
      expect([...(found?.facilitationState ?? [])]).toEqual([...facilitationState]);
    });

    it("does not find a version through another workshop's id", async () => {
      const { id } = await versions.create(db.sql, {
        workshopId: workshop.id,
        name: 'v',
        contentState: new Uint8Array([0, 0]),
        facilitationState: new Uint8Array([0, 0]),
        createdBy: authorId,
        now,
      });
      expect(await versions.find(db.sql, { workshopId: other.id, id })).toBeUndefined();
    });

    it('lists the newest first, without states, and refuses an empty name', async () => {
      await versions.create(db.sql, {
        workshopId: workshop.id,
        name: 'plus tard',
        contentState: new Uint8Array([0, 0]),
        facilitationState: new Uint8Array([0, 0]),
        createdBy: null,
        now: new Date(now.getTime() + 60_000),
      });
      const list = await versions.listForWorkshop(db.sql, { workshopId: workshop.id });
      expect(list[0]).toMatchObject({ name: 'plus tard', authorName: null });
      expect(list).toHaveLength(3);
      expect(list[0]).not.toHaveProperty('contentState');
      expect(await versions.listForWorkshop(db.sql, { workshopId: other.id })).toEqual([]);
      await expect(
        versions.create(db.sql, {
          workshopId: workshop.id,
          name: '',
          contentState: new Uint8Array([0, 0]),
          facilitationState: new Uint8Array([0, 0]),
          createdBy: null,
          now,
        }),
      ).rejects.toThrow();
    });
  });
}
