import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACCOUNT_FAILURE_LIMIT,
  THROTTLE_WINDOW_MS,
  audit,
  contributions,
  knownDevices,
  organisations,
  sessions,
  signInThrottle,
  users,
  workshops,
  type Db,
} from '../src/index.ts';
import { generateToken } from '../src/repositories/sessions.ts';
import { testBackends } from '../src/testing/index.ts';

const t0 = new Date('2026-11-26T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`accounts on ${backend.name}`, () => {
    let db: Db;
    beforeAll(async () => {
      db = await backend.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    describe('sign-in throttling', () => {
      it(`refuses an account after ${ACCOUNT_FAILURE_LIMIT} failures in a minute, and allows it once they leave the window`, async () => {
        const email = 'Throttled@Example.org';
        for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
          expect(
            (await signInThrottle.check(db.sql, { email, ip: `10.0.0.${i}`, now: at(i * 1000) })).allowed,
          ).toBe(true);
          await signInThrottle.recordFailure(db.sql, { email, ip: `10.0.0.${i}`, now: at(i * 1000) });
        }
        const eleventh = await signInThrottle.check(db.sql, {
          email: 'throttled@example.org',
          ip: '10.9.9.9',
          now: at(30_000),
        });
        expect(eleventh).toEqual({ allowed: false, retryAfterSeconds: 30 });
        const later = await signInThrottle.check(db.sql, {
          email,
          ip: '10.9.9.9',
          now: at(THROTTLE_WINDOW_MS + 9_001),
        });
        expect(later.allowed).toBe(true);
      });

      it('throttles one address trying many accounts', async () => {
        for (let i = 0; i < 50; i++) {
          await signInThrottle.recordFailure(db.sql, {
            email: `p${i}@example.org`,
            ip: '192.0.2.7',
            now: at(i),
          });
        }
        const verdict = await signInThrottle.check(db.sql, {
          email: 'new@example.org',
          ip: '192.0.2.7',
          now: at(100),
        });
        expect(verdict.allowed).toBe(false);
        const other = await signInThrottle.check(db.sql, {
          email: 'new@example.org',
          ip: '192.0.2.8',
          now: at(100),
        });
        expect(other.allowed).toBe(true);
      });

      it('stores no e-mail address or client address in clear', async () => {
        const rows = await db.sql<{ key: string }[]>`select key from rate_limit_events`;
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) expect(row.key).toMatch(/^[0-9a-f]{64}$/);
      });
    });

    describe('account deletion', () => {
      it('removes the person and their sessions, and keeps their contributions as a former participant', async () => {
        const org = await organisations.create(db.sql, {
          kind: 'company',
          name: 'Fonderie (fictive)',
          communeCode: '57463',
        });
        const person = await users.create(db.sql, {
          email: 'leaving@example.org',
          displayName: 'Lea Ving',
          passwordHash: 'x',
        });
        await organisations.addMember(db.sql, { organisationId: org.id, userId: person.id, role: 'admin' });
        const workshop = await workshops.create(db.sql, { title: 'W', territory: 'Metz' });
        await workshops.addMember(db.sql, {
          workshopId: workshop.id,
          userId: person.id,
          organisationId: org.id,
          role: 'participant',
        });
        await contributions.create(db.sql, {
          workshopId: workshop.id,
          authorId: person.id,
          organisationId: org.id,
          kind: 'comment',
          payload: { text: 'Besoin de soudeurs' },
          now: t0,
        });
        await sessions.create(db.sql, { token: sessions.generateToken(), userId: person.id, now: t0 });
        const deviceToken = sessions.generateToken();
        await knownDevices.remember(db.sql, {
          userId: person.id,
          token: deviceToken,
          browser: 'Firefox · Linux',
          now: t0,
        });

        const exported = await users.exportData(db.sql, { id: person.id });
        expect(exported?.knownDevices).toEqual([
          { browser: 'Firefox · Linux', firstSeenAt: t0, lastSeenAt: t0 },
        ]);
        expect(JSON.stringify(exported)).not.toContain(deviceToken);
        // Known until its cookie would have expired unseen (400 days): then new again.
        const device = { userId: person.id, token: deviceToken, browser: 'Firefox · Linux' };
        expect(await knownDevices.remember(db.sql, { ...device, now: t0 })).toBe(false);
        const later = new Date(t0.getTime() + knownDevices.DEVICE_LIFETIME_MS + 1000);
        expect(await knownDevices.remember(db.sql, { ...device, now: later })).toBe(true);
        expect(exported?.account).toMatchObject({ email: 'leaving@example.org' });
        expect(JSON.stringify(exported)).not.toContain('passwordHash');
        expect(exported?.contributions).toHaveLength(1);

        expect(await users.remove(db.sql, { id: person.id })).toBe(true);
        expect(await users.findByEmailForSignIn(db.sql, { email: 'leaving@example.org' })).toBeUndefined();
        expect(await sessions.listForUser(db.sql, { userId: person.id, now: t0 })).toEqual([]);
        expect(await workshops.listMembers(db.sql, { workshopId: workshop.id })).toEqual([]);
        const kept = await contributions.listForWorkshop(db.sql, { workshopId: workshop.id });
        expect(kept).toHaveLength(1);
        expect(kept[0]).toMatchObject({
          authorName: null,
          organisationName: 'Fonderie (fictive)',
          payload: { text: 'Besoin de soudeurs' },
        });
      });
    });

    describe('interface language', () => {
      it('remembers the language a person chose, and it comes with their session', async () => {
        const person = await users.create(db.sql, {
          email: 'langue@example.org',
          displayName: 'Jutta',
          passwordHash: 'x',
        });
        await users.updateLocale(db.sql, { id: person.id, locale: 'de' });
        const token = generateToken();
        await sessions.create(db.sql, { token, userId: person.id, now: t0 });
        const session = await sessions.validate(db.sql, { token, now: t0 });
        expect(session?.user.locale).toBe('de');
      });
    });

    describe('audit log', () => {
      it('lists entries newest first with the name of their actor', async () => {
        const actor = await users.create(db.sql, {
          email: 'auditor@example.org',
          displayName: 'Aude',
          passwordHash: 'x',
        });
        await audit.record(db.sql, {
          actorId: actor.id,
          action: 'test.first',
          subjectType: 'workshop',
          subjectId: 'w',
          now: t0,
        });
        await audit.record(db.sql, {
          actorId: actor.id,
          action: 'test.second',
          subjectType: 'workshop',
          subjectId: 'w',
          details: { role: 'observer' },
          now: at(1),
        });
        const entries = await audit.listForSubject(db.sql, {
          subjectType: 'workshop',
          subjectId: 'w',
          limit: 10,
        });
        expect(entries.map((e) => e.action)).toEqual(['test.second', 'test.first']);
        expect(entries[0]).toMatchObject({ actorName: 'Aude', details: { role: 'observer' } });
      });
    });
  });
}
