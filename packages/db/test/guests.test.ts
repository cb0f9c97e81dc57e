import { generateJoinCode } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  guests,
  invitations,
  organisations,
  seats,
  sessions,
  users,
  workshops,
  type Db,
  type Organisation,
  type Workshop,
} from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

const now = new Date('2026-11-26T08:00:00Z');
const endOfDay = new Date('2026-11-26T23:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const newCode = () => generateJoinCode((bytes) => crypto.getRandomValues(bytes));

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`guests on ${backend.name}`, () => {
    let db: Db;
    let workshop: Workshop;
    let other: Workshop;
    let steel: Organisation;
    let outsider: Organisation;
    let facilitatorId: string;

    const openAccess = (workshopId: string, allowNeeds = false, code?: string) =>
      guests.open(db.sql, {
        workshopId,
        openedBy: facilitatorId,
        allowNeeds,
        now,
        expiresAt: endOfDay,
        newCode: code ? () => code : newCode,
      });
    const join = (code: string, displayName: string, organisationId: string | null = null, at = later(1)) =>
      guests.join(db.sql, {
        code,
        displayName,
        organisationId,
        locale: 'fr',
        token: sessions.generateToken(),
        now: at,
        ip: '192.0.2.7',
      });

    beforeAll(async () => {
      db = await backend.open();
      workshop = await workshops.create(db.sql, { title: 'Atelier', territory: 'Metz', status: 'live' });
      other = await workshops.create(db.sql, { title: 'Autre', territory: 'Metz', status: 'live' });
      steel = await organisations.create(db.sql, {
        kind: 'company',
        name: 'Aciérie (fictive)',
        communeCode: '57463',
      });
      outsider = await organisations.create(db.sql, {
        kind: 'company',
        name: 'Ailleurs',
        communeCode: '57463',
      });
      const facilitator = await users.create(db.sql, {
        email: 'fac@example.org',
        displayName: 'Fac',
        passwordHash: 'x',
      });
      facilitatorId = facilitator.id;
      await organisations.addMember(db.sql, {
        organisationId: steel.id,
        userId: facilitatorId,
        role: 'member',
      });
      await workshops.addMember(db.sql, {
        workshopId: workshop.id,
        userId: facilitatorId,
        organisationId: steel.id,
        role: 'facilitator',
      });
    });
    afterAll(async () => {
      await db?.close();
    });

    it('opens one access per workshop, with a code of six unambiguous symbols, kept until it closes', async () => {
      const access = await openAccess(workshop.id);
      expect(access.code).toMatch(/^[A-HJKMNP-Z2-9]{6}$/);
      expect(access.expiresAt).toEqual(endOfDay);
      expect((await openAccess(workshop.id)).code).toBe(access.code);
      expect(await guests.findByCode(db.sql, { code: access.code, now: later(5) })).toMatchObject({
        workshopId: workshop.id,
        workshopTitle: 'Atelier',
      });
    });

    it('lets a guest in without e-mail or password: a user of kind guest, a seat, a session until the day ends', async () => {
      const { code } = (await guests.current(db.sql, { workshopId: workshop.id, now }))!;
      const token = sessions.generateToken();
      const joined = await guests.join(db.sql, {
        code,
        displayName: 'Camille',
        organisationId: null,
        locale: 'fr',
        token,
        now: later(1),
      });
      expect(joined.ok).toBe(true);
      if (!joined.ok) return;
      const [row] = await db.sql<{ kind: string; email: string | null; passwordHash: string | null }[]>`
        select kind, email, password_hash from users where id = ${joined.userId}`;
      expect(row).toEqual({ kind: 'guest', email: null, passwordHash: null });
      // The session does not slide past the end of the workshop day.
      const session = await sessions.validate(db.sql, { token, now: later(60 * 10) });
      expect(session?.user).toMatchObject({ kind: 'guest', email: null, displayName: 'Camille' });
      expect(session?.session.expiresAt).toEqual(endOfDay);
      expect(session?.renewed).toBe(false);
      expect(await sessions.validate(db.sql, { token, now: endOfDay })).toBeUndefined();
      // The seat: participant with guest rights, no organisation.
      const access = await seats.accessTo(db.sql, { workshopId: workshop.id, userId: joined.userId });
      expect(access?.seat).toEqual({ role: 'participant', organisationId: '', guest: { needs: false } });
      expect(access?.organisations).toEqual([]);
      expect(await workshops.seatOf(db.sql, { workshopId: workshop.id, userId: joined.userId })).toEqual(
        access?.seat,
      );
      // No seat anywhere else, and no way to sign in with a password.
      expect(
        (await seats.accessTo(db.sql, { workshopId: other.id, userId: joined.userId }))?.seat,
      ).toBeUndefined();
      expect(await users.findByIdWithHash(db.sql, { id: joined.userId })).toBeUndefined();
    });

    it('refuses an unknown code, and an organisation that is not the workshop’s', async () => {
      const { code } = (await guests.current(db.sql, { workshopId: workshop.id, now }))!;
      expect(await join('ZZZZZZ', 'Quelqu’un')).toEqual({ ok: false, reason: 'unknown_code' });
      expect(await join(code, 'Quelqu’un', outsider.id)).toEqual({
        ok: false,
        reason: 'unknown_organisation',
      });
      expect(await guests.organisationsOf(db.sql, { workshopId: workshop.id })).toEqual([
        { id: steel.id, name: 'Aciérie (fictive)' },
      ]);
    });

    it('gives needs to a guest of an organisation only while the facilitator allows it', async () => {
      const { code } = (await guests.current(db.sql, { workshopId: workshop.id, now }))!;
      const joined = await join(code, 'Dominique', steel.id);
      if (!joined.ok) throw new Error('join refused');
      const seat = () => seats.accessTo(db.sql, { workshopId: workshop.id, userId: joined.userId });
      expect((await seat())?.seat).toEqual({
        role: 'participant',
        organisationId: steel.id,
        guest: { needs: false },
      });
      expect(await guests.setAllowNeeds(db.sql, { workshopId: workshop.id, allowNeeds: true, now })).toBe(
        true,
      );
      expect((await seat())?.seat?.guest).toEqual({ needs: true });
      await guests.setAllowNeeds(db.sql, { workshopId: workshop.id, allowNeeds: false, now });
      expect((await seat())?.seat?.guest).toEqual({ needs: false });
    });

    it('removes a guest: the seat ends, the sessions go, the name stays for their ideas', async () => {
      const { code } = (await guests.current(db.sql, { workshopId: workshop.id, now }))!;
      const token = sessions.generateToken();
      const joined = await guests.join(db.sql, {
        code,
        displayName: 'Sacha',
        organisationId: null,
        locale: 'en',
        token,
        now: later(2),
      });
      if (!joined.ok) throw new Error('join refused');
      const removed = await guests.remove(db.sql, {
        workshopId: workshop.id,
        userId: joined.userId,
        removedBy: facilitatorId,
        now: later(3),
      });
      expect(removed).toBe(true);
      expect(await sessions.validate(db.sql, { token, now: later(4) })).toBeUndefined();
      expect(
        (await seats.accessTo(db.sql, { workshopId: workshop.id, userId: joined.userId }))?.seat,
      ).toBeUndefined();
      const listed = await guests.list(db.sql, { workshopId: workshop.id });
      expect(listed.find((g) => g.userId === joined.userId)).toMatchObject({
        displayName: 'Sacha',
        leftAt: later(3),
      });
      // Removing twice changes nothing.
      expect(
        await guests.remove(db.sql, {
          workshopId: workshop.id,
          userId: joined.userId,
          removedBy: facilitatorId,
          now,
        }),
      ).toBe(false);
    });

    it('closes access: the code stops working, every guest leaves and their sessions end', async () => {
      const access = await openAccess(other.id);
      const token = sessions.generateToken();
      const joined = await guests.join(db.sql, {
        code: access.code,
        displayName: 'Alix',
        organisationId: null,
        locale: 'fr',
        token,
        now: later(1),
      });
      if (!joined.ok) throw new Error('join refused');
      const closed = await guests.close(db.sql, {
        workshopId: other.id,
        closedBy: facilitatorId,
        now: later(2),
      });
      expect(closed.userIds).toEqual([joined.userId]);
      expect(await guests.findByCode(db.sql, { code: access.code, now: later(3) })).toBeUndefined();
      expect(await join(access.code, 'Trop tard')).toEqual({ ok: false, reason: 'unknown_code' });
      expect(await sessions.validate(db.sql, { token, now: later(3) })).toBeUndefined();
      // Reopening draws a new code.
      const reopened = await guests.open(db.sql, {
        workshopId: other.id,
        openedBy: facilitatorId,
        allowNeeds: false,
        now: later(4),
        expiresAt: endOfDay,
        newCode,
      });
      expect(reopened.code).not.toBe(access.code);
    });

    it('lets nobody in after the access’s end, and reuses an expired code for another workshop', async () => {
      const third = await workshops.create(db.sql, { title: 'Troisième', territory: 'Metz', status: 'live' });
      const { code } = (await guests.current(db.sql, { workshopId: workshop.id, now }))!;
      expect(await join(code, 'Nuit', null, endOfDay)).toEqual({ ok: false, reason: 'unknown_code' });
      const reused = await guests.open(db.sql, {
        workshopId: third.id,
        openedBy: facilitatorId,
        allowNeeds: false,
        now: endOfDay,
        expiresAt: new Date(endOfDay.getTime() + 3600_000),
        newCode: () => code,
      });
      expect(reused.code).toBe(code);
      expect((await guests.findByCode(db.sql, { code, now: endOfDay }))?.workshopId).toBe(third.id);
    });

    it('turns a guest into an account through an invitation made for them', async () => {
      const fourth = await workshops.create(db.sql, {
        title: 'Quatrième',
        territory: 'Metz',
        status: 'live',
      });
      const access = await openAccess(fourth.id);
      const joined = await join(access.code, 'Lou', null);
      if (!joined.ok) throw new Error('join refused');
      const token = invitations.generateToken();
      const invitation = await invitations.create(db.sql, {
        token,
        workshopId: fourth.id,
        role: 'participant',
        organisationId: steel.id,
        organisationKind: null,
        expiresAt: endOfDay,
        maxUses: 1,
        createdBy: facilitatorId,
        now,
      });
      await guests.linkInvitation(db.sql, { invitationId: invitation.id, guestUserId: joined.userId });
      expect((await guests.find(db.sql, { workshopId: fourth.id, userId: joined.userId }))?.invited).toBe(
        true,
      );
      const account = await users.create(db.sql, {
        email: 'lou@example.org',
        displayName: 'Lou',
        passwordHash: 'x',
      });
      const accepted = await invitations.accept(db.sql, { token, userId: account.id, now: later(5) });
      expect(accepted).toMatchObject({ ok: true, convertedGuestId: joined.userId });
      const guest = await guests.find(db.sql, { workshopId: fourth.id, userId: joined.userId });
      expect(guest).toMatchObject({ accountId: account.id, leftAt: later(5) });
      expect((await seats.accessTo(db.sql, { workshopId: fourth.id, userId: account.id }))?.seat).toEqual({
        role: 'participant',
        organisationId: steel.id,
      });
    });

    it('refuses a guest row with an e-mail or a password, and an account without them', async () => {
      await expect(
        db.sql`insert into users (kind, email, display_name, password_hash) values ('guest', 'g@example.org', 'G', null)`,
      ).rejects.toThrow();
      await expect(
        db.sql`insert into users (kind, email, display_name, password_hash) values ('account', null, 'A', 'x')`,
      ).rejects.toThrow();
      await expect(db.sql`insert into guest_access (workshop_id, code, opened_at, expires_at)
        values (${other.id}, 'ABCDE0', ${now}, ${endOfDay})`).rejects.toThrow();
    });
  });
}
