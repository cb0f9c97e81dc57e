// Issue 20, "Done when": every kind of e-mail arrives at a real SMTP server (in this process) in
// its recipient's language with its link; a server that refuses, then accepts, gets each message
// once; two workers at once send each message once; without SMTP, messages are kept.
import {
  emailPreferences,
  notifications,
  organisations,
  outbox,
  users,
  workshops,
  type Db,
} from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import type { Actor } from '@atelier/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset, resetPassword } from '../auth/password-reset.ts';
import { createCall } from '../contributions/calls.ts';
import { createInvitation } from '../invitations.ts';
import { messageIdFor } from './links.ts';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from './testing/smtp.ts';
import { smtpTransport } from './transport.ts';
import { readUnsubscribeLink, unsubscribe } from './unsubscribe.ts';
import { digestPeriod, MailWorker, type MailWorkerOptions } from './worker.ts';

const HOUR = 3_600_000;
const origin = 'http://atelier.test';

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`the e-mail worker on ${backend.name}`, () => {
    let db: Db;
    let smtp: TestSmtpServer;
    let workshopId = '';
    let companyId = '';
    const people: Record<'fanny' | 'kurt' | 'emma', { id: string; email: string }> = {
      fanny: { id: '', email: 'fanny@example.org' },
      kurt: { id: '', email: 'kurt@example.org' },
      emma: { id: '', email: 'emma@example.org' },
    };
    let facilitator: Actor;

    const workerWith = (options: Partial<MailWorkerOptions> = {}) =>
      new MailWorker({
        sql: db.sql,
        transport: smtpTransport(smtp.url),
        origin,
        from: 'Atelier <no-reply@atelier.test>',
        scanEveryMs: 0,
        ...options,
      });
    const byKey = async (key: string) =>
      (
        await db.sql<{ id: string; status: string; attempts: number; idempotencyKey: string }[]>`
        select id, status, attempts, idempotency_key from email_outbox where idempotency_key = ${key}`
      )[0];
    const linkIn = (mail: ReceivedMail, path: RegExp) =>
      new RegExp(`${origin}${path.source}`).exec(mail.text)?.[0] ?? '';

    beforeAll(async () => {
      db = await backend.open();
      smtp = await startSmtpServer();
      const person = async (key: keyof typeof people, locale: string) => {
        people[key].id = (
          await users.create(db.sql, {
            email: people[key].email,
            displayName: key,
            passwordHash: 'x',
            locale,
          })
        ).id;
      };
      await person('fanny', 'fr');
      await person('kurt', 'de');
      await person('emma', 'en');
      workshopId = (
        await workshops.create(db.sql, { title: 'Atelier <b>acier</b>', territory: 'Metz', status: 'live' })
      ).id;
      companyId = (
        await organisations.create(db.sql, { kind: 'company', name: 'Stahl AG', communeCode: '57463' })
      ).id;
      await organisations.addMember(db.sql, {
        organisationId: companyId,
        userId: people.kurt.id,
        role: 'member',
      });
      facilitator = { userId: people.fanny.id, isAdmin: false, organisations: [] };
    });
    afterAll(async () => {
      await smtp?.close();
      await db?.close();
    });

    it('sends every kind of e-mail in its recipient language, with a link that works', async () => {
      const now = new Date();
      // An invitation to an address without an account, in the language chosen for it.
      const invited = await createInvitation(db.sql, {
        actor: facilitator,
        workshopId,
        input: {
          role: 'participant',
          target: `org:${companyId}`,
          expiresInDays: 7,
          maxUses: 20,
          email: 'neu@example.org',
          emailLocale: 'de',
        },
        now,
      });
      expect(invited.ok).toBe(true);
      // A reset link, for an account (the language is the account's).
      expect(await requestPasswordReset(db.sql, { email: 'EMMA@example.org', now })).toBe(true);
      expect(await requestPasswordReset(db.sql, { email: 'nobody@example.org', now })).toBe(false);
      // A call that opens now: Kurt's company is told in the call's own transaction.
      const closesAt = new Date(now.getTime() + 100 * HOUR);
      await createCall(db.sql, {
        workshopId,
        userId: people.fanny.id,
        input: {
          title: 'Bedarf 2027',
          text: '',
          asks: ['needs'],
          audienceKinds: [],
          audienceOrganisationIds: [companyId],
          questions: [],
          verifiedOnly: false,
          opensAt: new Date(now.getTime() - 60_000),
          closesAt,
        },
        now,
      });
      // Moderation outcomes and a new contribution, as the app notifies them.
      const details = { callTitle: 'Bedarf 2027', workshopTitle: 'Atelier', contributionKind: 'needs' };
      await notifications.notify(db.sql, {
        userIds: [people.kurt.id],
        workshopId,
        kind: 'contribution_accepted',
        details,
        now,
      });
      await notifications.notify(db.sql, {
        userIds: [people.emma.id],
        workshopId,
        kind: 'contribution_rejected',
        details: { ...details, reason: 'Hors <i>périmètre</i>' },
        now,
      });
      await emailPreferences.set(db.sql, {
        userId: people.fanny.id,
        deliveries: { contribution_submitted: 'immediate' },
        now,
      });
      await notifications.notify(db.sql, {
        userIds: [people.fanny.id],
        workshopId,
        kind: 'contribution_submitted',
        details: { ...details, organisationName: 'Stahl AG' },
        now,
      });
      // Emma gets acceptances once a day: tomorrow morning's digest.
      await emailPreferences.set(db.sql, {
        userId: people.emma.id,
        deliveries: { contribution_accepted: 'digest' },
        now,
      });
      const tomorrow = new Date(now.getTime() + 30 * HOUR);
      const period = digestPeriod(tomorrow);
      await notifications.notify(db.sql, {
        userIds: [people.emma.id],
        workshopId,
        kind: 'contribution_accepted',
        details,
        now: new Date(period.since.getTime() + HOUR),
      });

      // 47 hours before closing: the reminder; the next morning: the digest. Each is written
      // due at its time; a worker whose clock is past both sends everything.
      const worker = workerWith({ now: () => new Date(now.getTime() + 60 * HOUR) });
      await worker.scan(new Date(closesAt.getTime() - 47 * HOUR));
      await worker.scan(tomorrow);
      const result = await worker.tick();
      expect(result).toEqual({ sent: 8, kept: 0, retried: 0, failed: 0 });
      await worker.stop();

      const mails = await smtp.waitFor(8);
      const to = (address: string, subject: RegExp) => {
        const found = mails.filter((mail) => mail.to.includes(address) && subject.test(mail.subject));
        expect(found, `${address} ${subject}`).toHaveLength(1);
        const mail = found[0]!;
        expect(mail.html).toMatch(/^<!doctype html>/);
        expect(mail.text.length).toBeGreaterThan(50);
        expect(mail.from).toBe('Atelier <no-reply@atelier.test>');
        return mail;
      };

      const invitation = to('neu@example.org', /^Einladung zum Workshop „Atelier <b>acier<\/b>“$/);
      expect(invitation.headers.get('content-language')).toBe('de');
      expect(invitation.html).toContain('Atelier &lt;b&gt;acier&lt;/b&gt;');
      expect(invitation.text).toContain('Stahl AG');
      expect(linkIn(invitation, /\/invite\/[a-z2-7]{32}/)).toBe(
        `${origin}/invite/${invited.ok && invited.token}`,
      );
      expect(invitation.headers.has('list-unsubscribe')).toBe(false);

      const reset = to(people.emma.email, /^Reset your Atelier password$/);
      expect(reset.headers.has('list-unsubscribe')).toBe(false);
      const resetToken = linkIn(reset, /\/reset\/[a-z2-7]{32}/)
        .split('/')
        .at(-1)!;
      // The link works once; the token is gone from the outbox once sent.
      expect(
        await resetPassword(db.sql, { token: resetToken, password: 'un nouveau mot de passe', now }),
      ).toMatchObject({ ok: true, userId: people.emma.id });
      expect(
        await resetPassword(db.sql, { token: resetToken, password: 'encore un autre mot', now }),
      ).toEqual({
        ok: false,
        reason: 'invalid_link',
      });
      const secrets = await db.sql`select 1 from email_outbox where payload ? 'secret'`;
      expect(secrets).toHaveLength(0);

      const opened = to(people.kurt.email, /^Aufruf zu Beiträgen geöffnet: „Bedarf 2027“$/);
      const callLink = linkIn(opened, /\/contribute\/[0-9a-f-]{36}/);
      expect(callLink).not.toBe('');
      const closing = to(people.kurt.email, /^Noch 48 Stunden, um auf „Bedarf 2027“ zu antworten$/);
      expect(linkIn(closing, /\/contribute\/[0-9a-f-]{36}/)).toBe(callLink);

      const accepted = to(people.kurt.email, /^Ihr Beitrag zu „Bedarf 2027“ wurde angenommen$/);
      expect(linkIn(accepted, /\/notifications/)).toBe(`${origin}/notifications`);
      const rejected = to(people.emma.email, /^Your contribution to “Bedarf 2027” was not accepted$/);
      expect(rejected.text).toContain('Reason: Hors <i>périmètre</i>');
      expect(rejected.html).toContain('Hors &lt;i&gt;périmètre&lt;/i&gt;');
      const submitted = to(people.fanny.email, /^Nouvelle contribution à « Bedarf 2027 »$/);
      expect(linkIn(submitted, /\/workshops\/[0-9a-f-]{36}\/calls\/moderation/)).toBe(
        `${origin}/workshops/${workshopId}/calls/moderation`,
      );
      const digest = to(people.emma.email, /^Atelier: your daily summary \(1 notification\(s\)\)$/);
      expect(digest.text).toContain('• Your contribution (Skills needs) to "Bedarf 2027" was accepted.');

      // Each Message-ID is the one derived from the message's idempotency key.
      const keys = await db.sql<{ idempotencyKey: string }[]>`select idempotency_key from email_outbox`;
      expect(mails.map((mail) => mail.messageId).sort()).toEqual(
        keys.map((row) => messageIdFor(row.idempotencyKey)).sort(),
      );

      // The unsubscribe link of a notification e-mail turns that kind off, without signing in.
      const unsubscribeUrl = /<([^>]+)>/.exec(accepted.headers.get('list-unsubscribe') ?? '')?.[1] ?? '';
      expect(accepted.text).toContain(unsubscribeUrl);
      const link = await readUnsubscribeLink(db.sql, unsubscribeUrl.split('/unsubscribe/')[1] ?? '');
      expect(link).toEqual({ userId: people.kurt.id, topic: 'contribution_accepted' });
      await unsubscribe(db.sql, { ...link!, now });
      expect((await emailPreferences.get(db.sql, { userId: people.kurt.id })).contribution_accepted).toBe(
        'off',
      );
      expect(
        await readUnsubscribeLink(db.sql, `${people.fanny.id}.contribution_accepted.forged`),
      ).toBeUndefined();
      const [row] = await db.sql`select uses, max_uses from invitations where email = 'neu@example.org'`;
      expect(row).toEqual({ uses: 0, maxUses: 1 });
    }, 60_000);

    it('retries with back-off when the server refuses, then delivers once', async () => {
      const refusing = await startSmtpServer({ verdict: (attempt) => (attempt <= 2 ? 'refuse' : 'accept') });
      const now = new Date();
      await outbox.enqueue(db.sql, {
        key: 'test:refused',
        kind: 'password_reset',
        userId: people.fanny.id,
        to: people.fanny.email,
        locale: 'fr',
        payload: { secret: 'abcdefghijklmnopqrstuvwxyz234567' },
        dueAt: now,
        now,
      });
      const worker = new MailWorker({
        sql: db.sql,
        transport: smtpTransport(refusing.url),
        origin,
        from: 'no-reply@atelier.test',
        scanEveryMs: 0,
        retry: { baseMs: 300, maxMs: 1000, maxAttempts: 5 },
      });
      const first = await worker.tick();
      expect(first).toMatchObject({ retried: 1, sent: 0 });
      const waiting = await outbox.find(db.sql, { id: (await byKey('test:refused'))!.id });
      expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
      expect(waiting!.lastError).toContain('451');
      // Not before its back-off…
      expect(await worker.tick()).toMatchObject({ retried: 0, sent: 0 });
      // …then again (refused), then accepted: one message at the server.
      const started = Date.now();
      while ((await byKey('test:refused'))?.status !== 'sent' && Date.now() - started < 10_000) {
        await worker.tick();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await worker.stop();
      expect(await byKey('test:refused')).toMatchObject({ status: 'sent', attempts: 3 });
      expect(refusing.attempts).toBe(3);
      expect(refusing.received).toHaveLength(1);
      expect(refusing.received[0]!.subject).toBe('Réinitialiser votre mot de passe Atelier');
      // Back-off: 300 ms after the first refusal, 600 ms after the second.
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
      await refusing.close();
    }, 30_000);

    it('sends each message once when two workers run at the same time', async () => {
      const shared = await startSmtpServer();
      const now = new Date();
      for (let i = 0; i < 24; i++) {
        await outbox.enqueue(db.sql, {
          key: `test:pair:${i}`,
          kind: 'contribution_accepted',
          userId: people.kurt.id,
          to: people.kurt.email,
          locale: 'de',
          payload: { details: { callTitle: `Aufruf ${i}` } },
          dueAt: now,
          now,
        });
      }
      const make = () =>
        new MailWorker({
          sql: db.sql,
          transport: smtpTransport(shared.url),
          origin,
          from: 'no-reply@atelier.test',
          scanEveryMs: 0,
          batch: 3,
        });
      const [a, b] = [make(), make()];
      const results = await Promise.all([a.tick(), b.tick()]);
      expect(results[0]!.sent + results[1]!.sent).toBe(24);
      await Promise.all([a.stop(), b.stop()]);
      const ids = shared.received.map((mail) => mail.messageId);
      expect(ids).toHaveLength(24);
      expect(new Set(ids).size).toBe(24);
      await shared.close();
    }, 30_000);

    it('keeps messages for the administrators when no SMTP server is configured', async () => {
      const now = new Date();
      await outbox.enqueue(db.sql, {
        key: 'test:kept',
        kind: 'password_reset',
        userId: people.fanny.id,
        to: people.fanny.email,
        locale: 'fr',
        payload: { secret: 'abcdefghijklmnopqrstuvwxyz234567' },
        dueAt: now,
        now,
      });
      const before = smtp.received.length;
      const worker = workerWith({ transport: null });
      expect(await worker.tick()).toEqual({ sent: 0, kept: 1, retried: 0, failed: 0 });
      await worker.stop();
      expect(await byKey('test:kept')).toMatchObject({ status: 'kept' });
      // The link stays readable on the outbox page.
      const kept = await outbox.find(db.sql, { id: (await byKey('test:kept'))!.id });
      expect(kept?.payload.secret).toBe('abcdefghijklmnopqrstuvwxyz234567');
      expect(smtp.received.length).toBe(before);
    });
  });
}
