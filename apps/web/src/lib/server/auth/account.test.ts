import { hashPassword, sessions, users, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changePassword, deleteAccount } from './account.ts';
import { signIn } from './sign-in.ts';

const now = new Date('2026-11-26T09:00:00Z');
const backend = testBackends()[0]!;

describe('password change and account deletion', { timeout: 30_000 }, () => {
  let db: Db;
  let userId: string;
  beforeAll(async () => {
    db = await backend.open();
    const user = await users.create(db.sql, {
      email: 'marc@example.org',
      displayName: 'Marc',
      passwordHash: await hashPassword('ancien-mot-de-passe'),
    });
    userId = user.id;
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  }, 60_000);

  it('refuses a wrong current password and changes nothing', async () => {
    const result = await changePassword(db.sql, {
      userId,
      currentPassword: 'pas-le-bon',
      newPassword: 'nouveau-mot-de-passe',
      now,
    });
    expect(result).toEqual({ ok: false, errors: { currentPassword: 'wrong_password' } });
    expect(
      (await signIn(db.sql, { email: 'marc@example.org', password: 'ancien-mot-de-passe', ip: '1', now })).ok,
    ).toBe(true);
  });

  it('ends every other session and opens a fresh one for this browser', async () => {
    const laptop = sessions.generateToken();
    const phone = sessions.generateToken();
    await sessions.create(db.sql, { token: laptop, userId, now });
    await sessions.create(db.sql, { token: phone, userId, now });
    const result = await changePassword(db.sql, {
      userId,
      currentPassword: 'ancien-mot-de-passe',
      newPassword: 'nouveau-mot-de-passe',
      now,
    });
    if (!result.ok) throw new Error('expected the change to succeed');
    expect(await sessions.validate(db.sql, { token: laptop, now })).toBeUndefined();
    expect(await sessions.validate(db.sql, { token: phone, now })).toBeUndefined();
    expect((await sessions.validate(db.sql, { token: result.token, now }))?.user.id).toBe(userId);
    expect(
      (await signIn(db.sql, { email: 'marc@example.org', password: 'ancien-mot-de-passe', ip: '2', now })).ok,
    ).toBe(false);
  });

  it('deletes the account only with its password', async () => {
    expect(await deleteAccount(db.sql, { userId, password: 'ancien-mot-de-passe', now })).toEqual({
      ok: false,
      errors: { password: 'wrong_password' },
    });
    expect(await users.findById(db.sql, { id: userId })).toBeDefined();
    expect(await deleteAccount(db.sql, { userId, password: 'nouveau-mot-de-passe', now })).toEqual({
      ok: true,
    });
    expect(await users.findById(db.sql, { id: userId })).toBeUndefined();
    const [entry] = await db.sql`select actor_id, action from audit_log where subject_id = ${userId}
      and action = 'user.deleted'`;
    expect(entry).toMatchObject({ actorId: null, action: 'user.deleted' });
  });
});
