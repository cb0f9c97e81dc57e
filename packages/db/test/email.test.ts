import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callNotices,
  calls,
  contributions,
  emailPreferences,
  emailSecrets,
  invitations,
  notifications,
  organisations,
  outbox,
  passwordResets,
  sessions,
  users,
  workshops,
  type Db,
} from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';

const HOUR = 60 * 60_000;
const opensAt = new Date('2026-12-01T08:00:00Z');
const closesAt = new Date('2026-12-15T18:00:00Z');

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`e-mail outbox on ${backend.name}`, () => {
    let db: Db;
    let workshopId: string;
    let companyId: string;
    let otherCompanyId: string;
    let alice: string;
    let bruno: string;
    let carla: string;
    let school: string;

    const outboxOf = async (userId: string) =>
      db.sql<{ kind: string; idempotencyKey: string; status: string; payload: Record<string, unknown> }[]>`
        select kind, idempotency_key, status, payload from email_outbox where user_id = ${userId}
        order by created_at, idempotency_key`;

    beforeAll(async () => {
      db = await backend.open();
      const sql = db.sql;
      workshopId = (await workshops.create(sql, { title: 'Atelier', territory: 'Metz', status: 'live' })).id;
      const org = (kind: 'company' | 'school', name: string) =>
        organisations.create(sql, { kind, name, communeCode: '57463' });
      companyId = (await org('company', 'Usine')).id;
      otherCompanyId = (await org('company', 'Forge')).id;
      const schoolId = (await org('school', 'Lycée')).id;
      const person = async (email: string, organisationId: string, locale = 'fr') => {
        const user = await users.create(sql, { email, displayName: email, passwordHash: 'x', locale });
        await organisations.addMember(sql, { organisationId, userId: user.id, role: 'member' });
        return user.id;
      };
      alice = await person('alice@example.org', companyId, 'de');
      bruno = await person('bruno@example.org', companyId);
      carla = await person('carla@example.org', otherCompanyId, 'en');
      school = await person('ecole@example.org', schoolId);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('writes the e-mail of a notification in the same statement, as each person chose', async () => {
      await emailPreferences.set(db.sql, {
        userId: bruno,
        deliveries: { contribution_accepted: 'off' },
        now: opensAt,
      });
      await notifications.notify(db.sql, {
        userIds: [alice, bruno],
        workshopId,
        kind: 'contribution_accepted',
        details: { callTitle: 'Besoins' },
        now: opensAt,
      });
      const mails = await outboxOf(alice);
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ kind: 'contribution_accepted', status: 'pending' });
      expect(mails[0]!.idempotencyKey).toMatch(/^notification:/);
      expect(mails[0]!.payload.details).toEqual({ callTitle: 'Besoins' });
      const [row] = await db.sql`select locale, to_address from email_outbox where user_id = ${alice}`;
      expect(row).toEqual({ locale: 'de', toAddress: 'alice@example.org' });
      expect(await outboxOf(bruno)).toEqual([]);
      // A guest (issue 19) has no address: notified in the app, never by e-mail, and nothing fails.
      const [guest] = await db.sql<{ id: string }[]>`
        insert into users (kind, display_name, email, password_hash) values ('guest', 'Invité', null, null)
        returning id`;
      await notifications.notify(db.sql, {
        userIds: [guest!.id],
        workshopId,
        kind: 'contribution_accepted',
        details: {},
        now: opensAt,
      });
      expect(await outboxOf(guest!.id)).toEqual([]);
      expect(await notifications.unreadCount(db.sql, { userId: guest!.id })).toBe(1);
      expect(await notifications.unreadCount(db.sql, { userId: bruno })).toBe(1);
      expect((await emailPreferences.get(db.sql, { userId: bruno })).contribution_accepted).toBe('off');
      expect((await emailPreferences.get(db.sql, { userId: bruno })).call_opened).toBe('immediate');
    });

    it('gathers the kinds chosen "once a day" into one digest per person and period, once', async () => {
      await emailPreferences.set(db.sql, {
        userId: carla,
        deliveries: { contribution_rejected: 'digest' },
        now: opensAt,
      });
      const at = (hours: number) => new Date(opensAt.getTime() + hours * HOUR);
      for (const hours of [1, 2]) {
        await notifications.notify(db.sql, {
          userIds: [carla],
          workshopId,
          kind: 'contribution_rejected',
          details: { callTitle: `Appel ${hours}` },
          now: at(hours),
        });
      }
      expect(await outboxOf(carla)).toEqual([]);
      const period = { since: opensAt, until: at(24), now: at(24) };
      expect(await outbox.enqueueDigests(db.sql, period)).toBe(1);
      expect(await outbox.enqueueDigests(db.sql, period)).toBe(0);
      const [digest] = await outboxOf(carla);
      expect(digest?.kind).toBe('digest');
      const items = digest!.payload.items as { details: { callTitle: string } }[];
      expect(items.map((item) => item.details.callTitle)).toEqual(['Appel 1', 'Appel 2']);
    });

    it('lets one worker at a time hold a message, takes it back when the lease runs out, and erases secrets once sent', async () => {
      const now = new Date('2027-01-01T00:00:00Z');
      await db.sql`update email_outbox set status = 'sent'`;
      expect(
        await outbox.enqueue(db.sql, {
          key: 'test:one',
          kind: 'password_reset',
          userId: alice,
          to: 'Alice@Example.org',
          locale: 'de',
          payload: { secret: 'abc' },
          dueAt: now,
          now,
        }),
      ).toBe(true);
      expect(
        await outbox.enqueue(db.sql, {
          key: 'test:one',
          kind: 'password_reset',
          userId: alice,
          to: 'alice@example.org',
          locale: 'de',
          payload: {},
          dueAt: now,
          now,
        }),
      ).toBe(false);
      const first = await outbox.claim(db.sql, { worker: 'a', now, leaseMs: 60_000, limit: 10 });
      expect(first.map((m) => m.idempotencyKey)).toEqual(['test:one']);
      expect(first[0]).toMatchObject({ toAddress: 'alice@example.org', attempts: 1, status: 'sending' });
      // Another worker finds nothing while the lease holds…
      expect(await outbox.claim(db.sql, { worker: 'b', now, leaseMs: 60_000, limit: 10 })).toEqual([]);
      // …and takes the message once it has run out (worker a died while sending).
      const later = new Date(now.getTime() + 61_000);
      const second = await outbox.claim(db.sql, { worker: 'b', now: later, leaseMs: 60_000, limit: 10 });
      expect(second.map((m) => m.attempts)).toEqual([2]);
      expect(
        await outbox.settle(db.sql, { id: second[0]!.id, worker: 'a', now: later, outcome: 'sent' }),
      ).toBe(false);
      expect(
        await outbox.settle(db.sql, { id: second[0]!.id, worker: 'b', now: later, outcome: 'sent' }),
      ).toBe(true);
      const sent = await outbox.find(db.sql, { id: second[0]!.id });
      expect(sent).toMatchObject({ status: 'sent', payload: {} });
      expect((await outbox.counts(db.sql)).sent).toBeGreaterThan(0);
    });

    it('puts a failed message back until its retry time', async () => {
      const now = new Date('2027-02-01T00:00:00Z');
      await outbox.enqueue(db.sql, {
        key: 'test:retry',
        kind: 'invitation',
        userId: null,
        to: 'new@example.org',
        locale: 'fr',
        payload: {},
        dueAt: now,
        now,
      });
      const [message] = await outbox.claim(db.sql, { worker: 'a', now, leaseMs: 60_000, limit: 1 });
      const retryAt = new Date(now.getTime() + 30_000);
      await outbox.settle(db.sql, {
        id: message!.id,
        worker: 'a',
        now,
        outcome: 'retry',
        retryAt,
        error: '451',
      });
      expect(await outbox.claim(db.sql, { worker: 'a', now, leaseMs: 60_000, limit: 1 })).toEqual([]);
      const [again] = await outbox.claim(db.sql, { worker: 'a', now: retryAt, leaseMs: 60_000, limit: 1 });
      expect(again).toMatchObject({ id: message!.id, attempts: 2, lastError: '451' });
    });

    it('tells the organisations a call asks that it opened, once, and reminds those that have not answered', async () => {
      const { id: callId } = await calls.create(db.sql, {
        workshopId,
        title: 'Besoins 2027',
        text: '',
        asks: ['needs'],
        audienceKinds: [],
        audienceOrganisationIds: [companyId, otherCompanyId],
        questions: [],
        opensAt,
        closesAt,
        createdBy: null,
        now: opensAt,
      });
      const before = new Date(opensAt.getTime() - HOUR);
      expect(await callNotices.announceDue(db.sql, { now: before })).toMatchObject({ opened: 0, closing: 0 });
      expect(await callNotices.announceDue(db.sql, { now: opensAt })).toMatchObject({
        opened: 3,
        closing: 0,
      });
      expect(await callNotices.announceDue(db.sql, { now: opensAt })).toMatchObject({
        opened: 0,
        closing: 0,
      });
      const opened = await db.sql<{ userId: string }[]>`
        select user_id from notifications where kind = 'call_opened' order by user_id`;
      expect(opened.map((n) => n.userId).sort()).toEqual([alice, bruno, carla].sort());
      expect((await outboxOf(school)).length).toBe(0);
      // The Forge answers; Usine does not.
      const draft = await contributions.save(db.sql, {
        callId,
        workshopId,
        authorId: carla,
        organisationId: otherCompanyId,
        kind: 'comment',
        payload: { text: 'Rien à signaler' },
        now: opensAt,
      });
      await contributions.submit(db.sql, { id: draft!.id, authorId: carla, now: opensAt });
      const early = new Date(closesAt.getTime() - 49 * HOUR);
      expect((await callNotices.announceDue(db.sql, { now: early })).closing).toBe(0);
      const due = new Date(closesAt.getTime() - 47 * HOUR);
      expect((await callNotices.announceDue(db.sql, { now: due })).closing).toBe(2);
      expect((await callNotices.announceDue(db.sql, { now: due })).closing).toBe(0);
      const reminded = await db.sql<{ userId: string; details: { callTitle: string } }[]>`
        select user_id, details from notifications where kind = 'call_closing'`;
      expect(reminded.map((n) => n.userId).sort()).toEqual([alice, bruno].sort());
      expect(reminded[0]?.details.callTitle).toBe('Besoins 2027');
      const aliceMails = (await outboxOf(alice)).map((m) => m.kind);
      expect(aliceMails).toContain('call_opened');
      expect(aliceMails).toContain('call_closing');
    });

    it('uses a reset link once, ends every session and spends the other links', async () => {
      const now = new Date('2027-03-01T00:00:00Z');
      await sessions.create(db.sql, { token: sessions.generateToken(), userId: bruno, now });
      await passwordResets.create(db.sql, { userId: bruno, token: 'first', now });
      await passwordResets.create(db.sql, { userId: bruno, token: 'second', now });
      expect(await passwordResets.isUsable(db.sql, { token: 'first', now })).toBe(true);
      const used = await passwordResets.use(db.sql, { token: 'first', passwordHash: 'new', now });
      expect(used).toEqual({ userId: bruno, sessionsEnded: 1 });
      expect(
        await passwordResets.use(db.sql, { token: 'first', passwordHash: 'again', now }),
      ).toBeUndefined();
      expect(
        await passwordResets.use(db.sql, { token: 'second', passwordHash: 'again', now }),
      ).toBeUndefined();
      const [row] = await db.sql`select password_hash from users where id = ${bruno}`;
      expect(row?.passwordHash).toBe('new');
      expect(await db.sql`select 1 from sessions where user_id = ${bruno}`).toHaveLength(0);
    });

    it('refuses an expired reset link', async () => {
      const now = new Date('2027-04-01T00:00:00Z');
      await passwordResets.create(db.sql, { userId: alice, token: 'old', now });
      const late = new Date(now.getTime() + passwordResets.RESET_LIFETIME_MS + 1);
      expect(await passwordResets.isUsable(db.sql, { token: 'old', now: late })).toBe(false);
      expect(
        await passwordResets.use(db.sql, { token: 'old', passwordHash: 'x', now: late }),
      ).toBeUndefined();
    });

    it('keeps the address an invitation was sent to, and one key that signs unsubscribe links', async () => {
      const token = invitations.generateToken();
      await invitations.create(db.sql, {
        token,
        workshopId,
        role: 'participant',
        organisationId: companyId,
        organisationKind: null,
        expiresAt: closesAt,
        maxUses: 1,
        createdBy: alice,
        email: 'Nouvelle@Example.org',
        now: opensAt,
      });
      expect((await invitations.findByToken(db.sql, { token }))?.email).toBe('nouvelle@example.org');
      const key = await emailSecrets.unsubscribeKey(db.sql);
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(await emailSecrets.unsubscribeKey(db.sql)).toBe(key);
    });
  });
}
