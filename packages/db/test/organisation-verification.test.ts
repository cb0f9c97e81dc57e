import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callNotices,
  calls,
  membershipRequests,
  notifications,
  organisations,
  outbox,
  users,
  workshops,
  type Db,
} from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

// Issue 20, item 4: suggestions of existing organisations (name folded, SIREN), requests to
// join that an administrator decides once, verification, and calls limited to verified ones.
const now = new Date('2026-12-01T08:00:00Z');

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(
    `organisations without duplicates, verified, on ${backend.name}`,
    () => {
      let db: Db;
      let steelId: string;
      let adminId: string;
      let newcomerId: string;

      beforeAll(async () => {
        db = await backend.open();
        const { sql } = db;
        steelId = (
          await organisations.create(sql, {
            kind: 'company',
            name: 'Aciéries de Florange',
            siren: '732829320',
            communeCode: '57221',
          })
        ).id;
        await organisations.create(sql, {
          kind: 'school',
          name: 'Lycée Saint-Exupéry',
          communeCode: '57221',
        });
        adminId = (
          await users.create(sql, { email: 'a@example.org', displayName: 'Anne', passwordHash: 'x' })
        ).id;
        newcomerId = (
          await users.create(sql, { email: 'n@example.org', displayName: 'Noé', passwordHash: 'x' })
        ).id;
        await organisations.addMember(sql, { organisationId: steelId, userId: adminId, role: 'admin' });
      });
      afterAll(async () => {
        await db?.close();
      });

      it('suggests an organisation by its name without accents or case, by its words, or by its SIREN', async () => {
        const names = async (name: string, siren: string | null = null) =>
          (await organisations.suggest(db.sql, { name, siren })).map((o) => [o.name, o.match]);
        expect(await names('ACIERIES DE FLORANGE')).toEqual([['Aciéries de Florange', 'name']]);
        expect(await names('acieries florange')).toEqual([['Aciéries de Florange', 'name']]);
        expect(await names('Aciéries de Florange SAS')).toEqual([['Aciéries de Florange', 'name']]);
        expect(await names('lycee saint exupery')).toEqual([['Lycée Saint-Exupéry', 'name']]);
        expect(await names('Nouvelle usine', '732829320')).toEqual([['Aciéries de Florange', 'siren']]);
        expect(await names('Boulangerie Martin')).toEqual([]);
      });

      it('keeps a new organisation unverified until verified, and records who verified it', async () => {
        expect((await organisations.findById(db.sql, { id: steelId }))?.verifiedAt).toBeNull();
        expect(
          await organisations.setVerified(db.sql, { id: steelId, verified: true, by: adminId, now }),
        ).toBe(true);
        const listed = await organisations.listForVerification(db.sql);
        const steel = listed.find((o) => o.id === steelId);
        expect(steel?.verifiedAt?.toISOString()).toBe(now.toISOString());
        expect(steel?.verifiedByName).toBe('Anne');
        expect(listed[0]?.verifiedAt).toBeNull(); // the unverified come first
      });

      it('makes a request to join pending once, decided once; approval makes a member', async () => {
        const first = await membershipRequests.request(db.sql, {
          organisationId: steelId,
          userId: newcomerId,
          message: 'Je suis au service RH.',
          now,
        });
        expect(first.outcome).toBe('requested');
        const again = await membershipRequests.request(db.sql, {
          organisationId: steelId,
          userId: newcomerId,
          message: '',
          now,
        });
        expect(again.outcome).toBe('already_pending');
        expect(
          await organisations.roleOf(db.sql, { organisationId: steelId, userId: newcomerId }),
        ).toBeUndefined();
        const pending = await membershipRequests.listPending(db.sql, { organisationId: steelId });
        expect(pending.map((r) => [r.displayName, r.message])).toEqual([['Noé', 'Je suis au service RH.']]);
        if (first.outcome !== 'requested') throw new Error('unreachable');
        const decide = () =>
          db.sql.begin((tx) =>
            membershipRequests.decide(tx, {
              id: first.request.id,
              organisationId: steelId,
              decision: 'approved',
              by: adminId,
              now,
            }),
          );
        const [one, two] = await Promise.all([decide(), decide()]);
        expect([one, two].filter(Boolean)).toHaveLength(1);
        expect(await organisations.roleOf(db.sql, { organisationId: steelId, userId: newcomerId })).toBe(
          'member',
        );
        expect(
          (
            await membershipRequests.request(db.sql, {
              organisationId: steelId,
              userId: newcomerId,
              message: '',
              now,
            })
          ).outcome,
        ).toBe('already_member');
      });

      it('notifies administrators of a request, with an e-mail to those who want one at once', async () => {
        await notifications.notify(db.sql, {
          userIds: [adminId],
          workshopId: null,
          kind: 'membership_requested',
          details: {
            organisationId: steelId,
            organisationName: 'Aciéries de Florange',
            requesterName: 'Noé',
          },
          now,
        });
        const [notification] = await notifications.listForUser(db.sql, { userId: adminId });
        expect(notification?.kind).toBe('membership_requested');
        const mails = await outbox.list(db.sql, { limit: 10 });
        expect(mails.map((mail) => [mail.kind, mail.toAddress])).toContainEqual([
          'membership_requested',
          'a@example.org',
        ]);
      });

      it('limits a call to verified organisations: an unverified company neither sees it nor is told of it', async () => {
        const { sql } = db;
        const workshopId = (
          await workshops.create(sql, { title: 'Atelier', territory: 'Metz', status: 'live' })
        ).id;
        const fakeId = (
          await organisations.create(sql, { kind: 'company', name: 'Société fantôme', communeCode: '57463' })
        ).id;
        const impostor = (
          await users.create(sql, { email: 'i@example.org', displayName: 'Ivo', passwordHash: 'x' })
        ).id;
        await organisations.addMember(sql, { organisationId: fakeId, userId: impostor, role: 'admin' });
        const call = await calls.create(sql, {
          workshopId,
          title: 'Besoins 2027',
          text: '',
          asks: ['needs'],
          audienceKinds: ['company'],
          audienceOrganisationIds: [],
          questions: [],
          verifiedOnly: true,
          opensAt: now,
          closesAt: new Date(now.getTime() + 10 * 86_400_000),
          createdBy: adminId,
          now,
        });
        expect((await calls.find(sql, { id: call.id }))?.verifiedOnly).toBe(true);
        const during = new Date(now.getTime() + 3_600_000);
        expect(await calls.listForContributor(sql, { userId: impostor, now: during })).toEqual([]);
        expect(
          (await calls.listForContributor(sql, { userId: adminId, now: during })).map((c) => c.id),
        ).toEqual([call.id]);
        const told = await sql.begin((tx) => callNotices.announceDue(tx, { now: during, callId: call.id }));
        expect(told.userIds).toContain(adminId);
        expect(told.userIds).not.toContain(impostor);
        await organisations.setVerified(sql, { id: fakeId, verified: true, by: adminId, now: during });
        expect(await calls.listForContributor(sql, { userId: impostor, now: during })).toHaveLength(1);
      });
    },
  );
}
