import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportHistory, users, versions, workshops, type Db, type Workshop } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

const now = new Date('2026-11-26T09:00:00Z');
const later = new Date('2026-11-26T10:00:00Z');

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`export history on ${backend.name}`, () => {
    let db: Db;
    let workshop: Workshop;
    let other: Workshop;
    let authorId: string;
    const base = () => ({
      workshopId: workshop.id,
      format: 'pdf' as const,
      locale: 'fr' as const,
      anonymised: true,
      versionId: null,
      versionName: null,
      options: {},
      fileName: 'compte-rendu.pdf',
      contentType: 'application/pdf',
      file: new Uint8Array([37, 80, 68, 70, 0, 255]),
      public: false,
      createdBy: authorId,
      now,
    });

    beforeAll(async () => {
      db = await backend.open();
      workshop = await workshops.create(db.sql, { title: 'Atelier', territory: 'Metz', status: 'closed' });
      other = await workshops.create(db.sql, { title: 'Autre', territory: 'Metz', status: 'live' });
      authorId = (
        await users.create(db.sql, { email: 'f@example.org', displayName: 'Animatrice', passwordHash: 'x' })
      ).id;
    });
    afterAll(async () => {
      await db?.close();
    });

    it('keeps the file byte for byte with who, when, what and which version', async () => {
      const version = await versions.create(db.sql, {
        workshopId: workshop.id,
        name: 'après la séance 1',
        contentState: new Uint8Array([0, 0]),
        facilitationState: new Uint8Array([0, 0]),
        createdBy: authorId,
        now,
      });
      const { id } = await exportHistory.record(db.sql, {
        ...base(),
        format: 'csv',
        versionId: version.id,
        versionName: 'après la séance 1',
        options: { separator: ';', table: 'needs' },
        fileName: 'besoins.csv',
        contentType: 'text/csv; charset=utf-8',
        now: later,
      });
      const [listed] = await exportHistory.listForWorkshop(db.sql, { workshopId: workshop.id });
      expect(listed).toMatchObject({
        id,
        format: 'csv',
        locale: 'fr',
        anonymised: true,
        versionId: version.id,
        versionName: 'après la séance 1',
        options: { separator: ';', table: 'needs' },
        size: 6,
        public: false,
        authorName: 'Animatrice',
      });
      expect(listed?.createdAt.toISOString()).toBe(later.toISOString());
      const file = await exportHistory.findFile(db.sql, { workshopId: workshop.id, id });
      expect([...(file?.file ?? [])]).toEqual([37, 80, 68, 70, 0, 255]);
      expect(file?.fileName).toBe('besoins.csv');
    });

    it("does not give a file through another workshop's id", async () => {
      const { id } = await exportHistory.record(db.sql, base());
      expect(await exportHistory.findFile(db.sql, { workshopId: other.id, id })).toBeUndefined();
      expect(await exportHistory.setPublic(db.sql, { workshopId: other.id, id, public: true })).toBe(false);
    });

    it('lists only published exports for participants, once published', async () => {
      const { id } = await exportHistory.record(db.sql, { ...base(), fileName: 'public.pdf' });
      const publicNames = async () =>
        (await exportHistory.listForWorkshop(db.sql, { workshopId: workshop.id, publicOnly: true })).map(
          (e) => e.fileName,
        );
      expect(await publicNames()).toEqual([]);
      expect(await exportHistory.setPublic(db.sql, { workshopId: workshop.id, id, public: true })).toBe(true);
      expect(await publicNames()).toEqual(['public.pdf']);
      expect((await exportHistory.findFile(db.sql, { workshopId: workshop.id, id }))?.public).toBe(true);
    });

    it('keeps the history when the author or the version is deleted', async () => {
      const author = await users.create(db.sql, {
        email: 'gone@example.org',
        displayName: 'Partie',
        passwordHash: 'x',
      });
      const version = await versions.create(db.sql, {
        workshopId: workshop.id,
        name: 'v2',
        contentState: new Uint8Array([0, 0]),
        facilitationState: new Uint8Array([0, 0]),
        createdBy: author.id,
        now,
      });
      const { id } = await exportHistory.record(db.sql, {
        ...base(),
        versionId: version.id,
        versionName: 'v2',
        createdBy: author.id,
      });
      await db.sql`delete from document_versions where id = ${version.id}`;
      await db.sql`delete from users where id = ${author.id}`;
      const listed = (await exportHistory.listForWorkshop(db.sql, { workshopId: workshop.id })).find(
        (e) => e.id === id,
      );
      expect(listed).toMatchObject({ versionId: null, versionName: 'v2', createdBy: null, authorName: null });
    });
  });
}
