import { audit, hashPassword, sessions, users, verifyPassword, type Sql } from '@atelier/db';
import type { FieldErrors } from '../forms.ts';
import { openSession } from './sign-in.ts';

/**
 * Changes a password after checking the current one. Every session of the person
 * ends, this one included; a fresh session replaces it in this browser.
 */
export async function changePassword(
  sql: Sql,
  options: {
    userId: string;
    currentPassword: string;
    newPassword: string;
    now: Date;
    userAgent?: string;
    ip?: string;
  },
): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false; errors: FieldErrors }> {
  const user = await users.findByIdWithHash(sql, { id: options.userId });
  if (!user || !(await verifyPassword({ hash: user.passwordHash, password: options.currentPassword }))) {
    return { ok: false, errors: { currentPassword: 'wrong_password' } };
  }
  if (options.newPassword.toLowerCase() === user.email) {
    return { ok: false, errors: { newPassword: 'password_common' } };
  }
  const passwordHash = await hashPassword(options.newPassword);
  return sql.begin(async (tx) => {
    await users.updatePassword(tx, { id: user.id, passwordHash, now: options.now });
    await sessions.invalidateAllForUser(tx, { userId: user.id });
    await audit.record(tx, {
      actorId: user.id,
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      now: options.now,
    });
    const session = await openSession(tx, {
      userId: user.id,
      now: options.now,
      userAgent: options.userAgent,
      ip: options.ip,
    });
    return { ok: true as const, token: session.token, expiresAt: session.expiresAt };
  });
}

/**
 * Deletes an account after checking its password: sessions, memberships and seats
 * go; contributions stay in their workshops without an author ("former participant").
 */
export async function deleteAccount(
  sql: Sql,
  options: { userId: string; password: string; now: Date },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const user = await users.findByIdWithHash(sql, { id: options.userId });
  if (!user || !(await verifyPassword({ hash: user.passwordHash, password: options.password }))) {
    return { ok: false, errors: { password: 'wrong_password' } };
  }
  await sql.begin(async (tx) => {
    // The entry keeps the account's id (a pseudonym once the account is gone), not its e-mail.
    await audit.record(tx, {
      actorId: null,
      action: 'user.deleted',
      subjectType: 'user',
      subjectId: user.id,
      now: options.now,
    });
    await users.remove(tx, { id: user.id });
  });
  return { ok: true };
}
