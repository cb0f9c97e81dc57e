import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  calls,
  contributions,
  notifications,
  organisations,
  users,
  workshops,
  type Db,
} from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

const opensAt = new Date('2026-12-01T08:00:00Z');
const closesAt = new Date('2026-12-15T18:00:00Z');
const during = new Date('2026-12-05T10:00:00Z');
const need = {
  romeCode: 'H2913',
  title: 'Soudeurs',
  skills: [],
  headcount: 2,
  horizonMonths: 6,
  communeCode: '57672',
  contract: 'cdi',
  difficulty: 2,
  crossBorder: false,
  comment: '',
};

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`calls and contributions on ${backend.name}`, () => {
    let db: Db;
    let workshopId: string;
    let callId: string;
    let companyId: string;
    let schoolId: string;
    let contributorId: string;
    let facilitatorIds: string[];

    beforeAll(async () => {
      db = await backend.open();
      const sql = db.sql;
      workshopId = (await workshops.create(sql, { title: 'Atelier', territory: 'Metz', status: 'live' })).id;
      companyId = (await organisations.create(sql, { kind: 'company', name: 'Usine', communeCode: '57672' }))
        .id;
      schoolId = (await organisations.create(sql, { kind: 'school', name: 'Lycée', communeCode: '57463' }))
        .id;
      const person = (email: string) => users.create(sql, { email, displayName: email, passwordHash: 'x' });
      contributorId = (await person('c@example.org')).id;
      facilitatorIds = [(await person('f1@example.org')).id, (await person('f2@example.org')).id];
      await organisations.addMember(sql, {
        organisationId: companyId,
        userId: contributorId,
        role: 'member',
      });
      callId = (
        await calls.create(sql, {
          workshopId,
          title: 'Besoins 2027',
          text: '',
          asks: ['needs'],
          audienceKinds: ['company'],
          audienceOrganisationIds: [],
          questions: [],
          opensAt,
          closesAt,
          createdBy: facilitatorIds[0]!,
          now: opensAt,
        })
      ).id;
    });
    afterAll(async () => {
      await db?.close();
    });

    const draft = async () =>
      (await contributions.save(db.sql, {
        callId,
        workshopId,
        authorId: contributorId,
        organisationId: companyId,
        kind: 'needs',
        payload: { needs: [need] },
        now: during,
      }))!.id;

    it('shows a call to members of the organisations it asks, not to others', async () => {
      const listed = await calls.listForContributor(db.sql, { userId: contributorId, now: during });
      expect(listed.map((call) => call.id)).toEqual([callId]);
      expect(listed[0]!.organisationIds).toEqual([companyId]);
      expect(await calls.listForContributor(db.sql, { userId: facilitatorIds[0]!, now: during })).toEqual([]);
      expect(schoolId).toBeTruthy();
    });

    it('refuses a submission a second after closing and keeps the draft', async () => {
      const id = await draft();
      const late = new Date(closesAt.getTime() + 1000);
      expect(await contributions.submit(db.sql, { id, authorId: contributorId, now: late })).toBe(
        'call_closed',
      );
      expect((await contributions.findById(db.sql, { id }))?.status).toBe('draft');
      expect(await contributions.submit(db.sql, { id, authorId: facilitatorIds[0]!, now: during })).toBe(
        'not_found',
      );
      expect(await contributions.submit(db.sql, { id, authorId: contributorId, now: during })).toBe(
        'submitted',
      );
      expect(await contributions.submit(db.sql, { id, authorId: contributorId, now: during })).toBe(
        'not_editable',
      );
    });

    it('moderates a contribution once when two facilitators accept it at the same moment', async () => {
      const id = await draft();
      await contributions.submit(db.sql, { id, authorId: contributorId, now: during });
      const results = await Promise.all(
        facilitatorIds.map((moderatorId) =>
          contributions.moderate(db.sql, { id, workshopId, moderatorId, now: during, decision: 'accepted' }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await contributions.findById(db.sql, { id });
      expect(stored?.status).toBe('accepted');
      // Moderated: the author can neither edit nor withdraw it any more.
      expect(await contributions.withdraw(db.sql, { id, authorId: contributorId, now: during })).toBe(false);
      expect(
        await contributions.save(db.sql, {
          id,
          callId,
          workshopId,
          authorId: contributorId,
          organisationId: companyId,
          kind: 'needs',
          payload: { needs: [] },
          now: during,
        }),
      ).toBeUndefined();
    });

    it('keeps the rejection reason and lists the queue oldest first', async () => {
      const first = await draft();
      const second = await draft();
      // Later than the contribution the earlier test left submitted, which comes first.
      const at = (ms: number) => new Date(during.getTime() + ms);
      await contributions.submit(db.sql, { id: first, authorId: contributorId, now: at(1) });
      await contributions.submit(db.sql, { id: second, authorId: contributorId, now: at(2) });
      const queue = await contributions.listByStatus(db.sql, { workshopId, status: 'submitted' });
      expect(queue.map((c) => c.id).slice(-2)).toEqual([first, second]);
      expect(queue.at(-1)!.organisationName).toBe('Usine');
      expect(queue.at(-1)!.callTitle).toBe('Besoins 2027');
      const rejected = await contributions.moderate(db.sql, {
        id: second,
        workshopId,
        moderatorId: facilitatorIds[1]!,
        now: during,
        decision: 'rejected',
        reason: 'Doublon de la contribution précédente',
      });
      expect(rejected?.rejectionReason).toBe('Doublon de la contribution précédente');
      const counts = await calls.listForWorkshop(db.sql, { workshopId });
      expect(counts[0]).toMatchObject({ submitted: 2, accepted: 1, rejected: 1 });
    });

    it('notifies people and counts what they have not read', async () => {
      await notifications.notify(db.sql, {
        userIds: facilitatorIds,
        workshopId,
        kind: 'contribution_submitted',
        details: { organisationName: 'Usine' },
        now: during,
      });
      expect(await notifications.unreadCount(db.sql, { userId: facilitatorIds[0]! })).toBe(1);
      const [item] = await notifications.listForUser(db.sql, { userId: facilitatorIds[0]! });
      expect(item?.details).toEqual({ organisationName: 'Usine' });
      expect(await notifications.markRead(db.sql, { userId: facilitatorIds[0]!, now: during })).toBe(1);
      expect(await notifications.unreadCount(db.sql, { userId: facilitatorIds[0]! })).toBe(0);
      expect(await notifications.unreadCount(db.sql, { userId: facilitatorIds[1]! })).toBe(1);
    });
  });
}
