import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audit,
  invitations,
  organisations,
  users,
  workshops,
  type Db,
  type Organisation,
  type Workshop,
} from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

const now = new Date('2026-11-26T09:00:00Z');
const inAWeek = new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000);

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`invitations on ${backend.name}`, () => {
    let db: Db;
    let workshop: Workshop;
    let school: Organisation;
    let facilitatorId: string;
    let n = 0;
    const person = async () =>
      users.create(db.sql, { email: `p${++n}@example.org`, displayName: `P${n}`, passwordHash: 'x' });
    const invite = async (options: Partial<Parameters<typeof invitations.create>[1]> = {}) => {
      const token = invitations.generateToken();
      await invitations.create(db.sql, {
        token,
        workshopId: workshop.id,
        role: 'participant',
        organisationId: school.id,
        organisationKind: null,
        expiresAt: inAWeek,
        maxUses: 5,
        createdBy: facilitatorId,
        now,
        ...options,
      });
      return token;
    };

    beforeAll(async () => {
      db = await backend.open();
      workshop = await workshops.create(db.sql, { title: 'Atelier', territory: 'Metz', status: 'scheduled' });
      school = await organisations.create(db.sql, {
        kind: 'school',
        name: 'Lycée (fictif)',
        communeCode: '57463',
      });
      facilitatorId = (await person()).id;
    });
    afterAll(async () => {
      await db?.close();
    });

    it('stores only the hash of the token', async () => {
      const token = await invite();
      const rows = await db.sql<{ tokenHash: string }[]>`select token_hash from invitations`;
      expect(rows.some((r) => r.tokenHash === invitations.tokenHashOf(token))).toBe(true);
      expect(JSON.stringify(rows)).not.toContain(token);
    });

    it('seats the person with the role, as a member of the named organisation, and counts the use', async () => {
      const token = await invite();
      const someone = await person();
      const result = await invitations.accept(db.sql, { token, userId: someone.id, now });
      expect(result).toEqual({ ok: true, workshopId: workshop.id, alreadyMember: false });
      expect(await workshops.seatOf(db.sql, { workshopId: workshop.id, userId: someone.id })).toEqual({
        role: 'participant',
        organisationId: school.id,
      });
      expect(await organisations.roleOf(db.sql, { organisationId: school.id, userId: someone.id })).toBe(
        'member',
      );
      expect((await invitations.findByToken(db.sql, { token }))?.uses).toBe(1);
      const entries = await audit.listForSubject(db.sql, {
        subjectType: 'workshop',
        subjectId: workshop.id,
        limit: 5,
      });
      expect(entries[0]).toMatchObject({ action: 'workshop.member_joined', actorId: someone.id });
    });

    it('does not take a use from someone already in the workshop', async () => {
      const token = await invite({ maxUses: 1 });
      const someone = await person();
      await invitations.accept(db.sql, { token, userId: someone.id, now });
      const again = await invitations.accept(db.sql, { token, userId: someone.id, now });
      expect(again).toEqual({ ok: true, workshopId: workshop.id, alreadyMember: true });
    });

    it('refuses a used-up, expired or revoked invitation and changes nothing', async () => {
      const once = await invite({ maxUses: 1 });
      await invitations.accept(db.sql, { token: once, userId: (await person()).id, now });
      const late = await person();
      expect(await invitations.accept(db.sql, { token: once, userId: late.id, now })).toEqual({
        ok: false,
        reason: 'used_up',
      });
      const expired = await invite({ expiresAt: now });
      expect(await invitations.accept(db.sql, { token: expired, userId: late.id, now })).toEqual({
        ok: false,
        reason: 'expired',
      });
      const revoked = await invite();
      const found = await invitations.findByToken(db.sql, { token: revoked });
      expect(await invitations.revoke(db.sql, { id: found!.id, workshopId: workshop.id, now })).toBe(true);
      expect(await invitations.accept(db.sql, { token: revoked, userId: late.id, now })).toEqual({
        ok: false,
        reason: 'revoked',
      });
      expect(await workshops.seatOf(db.sql, { workshopId: workshop.id, userId: late.id })).toBeUndefined();
    });

    it('cannot revoke an invitation through another workshop', async () => {
      const token = await invite();
      const other = await workshops.create(db.sql, { title: 'Autre', territory: 'Metz' });
      const found = await invitations.findByToken(db.sql, { token });
      expect(await invitations.revoke(db.sql, { id: found!.id, workshopId: other.id, now })).toBe(false);
    });

    it('asks for one of the person’s organisations of the invited kind', async () => {
      const token = await invite({ organisationId: null, organisationKind: 'company' });
      const someone = await person();
      expect(await invitations.accept(db.sql, { token, userId: someone.id, now })).toEqual({
        ok: false,
        reason: 'organisation_required',
      });
      // A school is not a company.
      await organisations.addMember(db.sql, {
        organisationId: school.id,
        userId: someone.id,
        role: 'member',
      });
      expect(
        await invitations.accept(db.sql, { token, userId: someone.id, organisationId: school.id, now }),
      ).toEqual({
        ok: false,
        reason: 'organisation_required',
      });
      const company = await organisations.create(db.sql, {
        kind: 'company',
        name: 'Forge (fictive)',
        communeCode: '57463',
      });
      await organisations.addMember(db.sql, {
        organisationId: company.id,
        userId: someone.id,
        role: 'admin',
      });
      const result = await invitations.accept(db.sql, {
        token,
        userId: someone.id,
        organisationId: company.id,
        now,
      });
      expect(result.ok).toBe(true);
    });

    it('lets nobody join a closed workshop', async () => {
      const token = await invite();
      await workshops.changeStatus(db.sql, { id: workshop.id, from: 'scheduled', to: 'live', now });
      await workshops.changeStatus(db.sql, { id: workshop.id, from: 'live', to: 'closed', now });
      expect(await invitations.accept(db.sql, { token, userId: (await person()).id, now })).toEqual({
        ok: false,
        reason: 'workshop_closed',
      });
    });

    it('finds nothing for a malformed or unknown token', async () => {
      expect(await invitations.findByToken(db.sql, { token: "x' or 1=1 --" })).toBeUndefined();
      expect(await invitations.findByToken(db.sql, { token: invitations.generateToken() })).toBeUndefined();
    });
  });
}
