import { hashPassword, THROTTLE_WINDOW_MS, users, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './sign-in.ts';

const PASSWORD = 'fensch-valley-2026';
const t0 = new Date('2026-11-26T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

// One backend is enough here: the throttle's SQL runs on both in packages/db's tests.
const backend = testBackends()[0]!;

describe('signIn', { timeout: 30_000 }, () => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
    await users.create(db.sql, {
      email: 'julie@example.org',
      displayName: 'Julie',
      passwordHash: await hashPassword(PASSWORD),
    });
    // Opening an embedded database takes a few seconds, more on a busy machine.
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  }, 60_000);

  it('opens a session with the right password', async () => {
    const result = await signIn(db.sql, {
      email: 'Julie@Example.org',
      password: PASSWORD,
      ip: '10.0.0.1',
      now: t0,
    });
    expect(result.ok).toBe(true);
  });

  it('gives the same answer for an unknown e-mail and for a wrong password', async () => {
    const unknown = await signIn(db.sql, {
      email: 'nobody@example.org',
      password: 'x',
      ip: '10.0.0.2',
      now: t0,
    });
    const wrong = await signIn(db.sql, {
      email: 'julie@example.org',
      password: 'x',
      ip: '10.0.0.2',
      now: t0,
    });
    expect(unknown).toEqual({ ok: false, reason: 'invalid_credentials' });
    expect(wrong).toEqual(unknown);
  });

  it('refuses the 11th sign-in in a minute even with the right password, and accepts it after the window', async () => {
    const email = 'julie@example.org';
    const start = at(60 * 60 * 1000);
    const after = (ms: number) => new Date(start.getTime() + ms);
    // Ten failures from ten addresses: the account limit, not the address limit, is what bites.
    for (let i = 0; i < 10; i++) {
      const failed = await signIn(db.sql, {
        email,
        password: `wrong-${i}`,
        ip: `10.1.0.${i}`,
        now: after(i * 1000),
      });
      expect(failed).toEqual({ ok: false, reason: 'invalid_credentials' });
    }
    const eleventh = await signIn(db.sql, { email, password: PASSWORD, ip: '10.1.0.99', now: after(20_000) });
    expect(eleventh).toMatchObject({ ok: false, reason: 'throttled' });

    const stillThrottled = await signIn(db.sql, {
      email,
      password: PASSWORD,
      ip: '10.1.0.99',
      now: after(59_000),
    });
    expect(stillThrottled.ok).toBe(false);

    const later = await signIn(db.sql, {
      email,
      password: PASSWORD,
      ip: '10.1.0.99',
      now: after(9_000 + THROTTLE_WINDOW_MS + 1),
    });
    expect(later.ok).toBe(true);
  });

  it('throttles an unknown e-mail exactly like a known one', async () => {
    const email = 'ghost@example.org';
    for (let i = 0; i < 10; i++) {
      await signIn(db.sql, { email, password: 'guess', ip: `10.2.0.${i}`, now: at(i) });
    }
    expect(await signIn(db.sql, { email, password: 'guess', ip: '10.2.0.50', now: at(100) })).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
  });
});
