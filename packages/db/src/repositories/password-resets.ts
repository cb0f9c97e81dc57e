import type { Queryable, Sql } from '../client.ts';
import * as audit from './audit.ts';
import { tokenHashOf } from './invitations.ts';
import * as sessions from './sessions.ts';
import * as users from './users.ts';

/** How long a reset link works. */
export const RESET_LIFETIME_MS = 60 * 60_000;

/** Records a reset link for an account; only the token's SHA-256 is kept. */
export async function create(
  sql: Queryable,
  options: { userId: string; token: string; now: Date },
): Promise<{ expiresAt: Date }> {
  const expiresAt = new Date(options.now.getTime() + RESET_LIFETIME_MS);
  await sql`
    insert into password_resets (token_hash, user_id, expires_at, created_at)
    values (${tokenHashOf(options.token)}, ${options.userId}, ${expiresAt}, ${options.now})`;
  return { expiresAt };
}

/** Whether a token is a reset link that still works (for showing the form; `use` decides). */
export async function isUsable(sql: Queryable, options: { token: string; now: Date }): Promise<boolean> {
  const [row] = await sql`
    select 1 from password_resets
    where token_hash = ${tokenHashOf(options.token)} and used_at is null and expires_at > ${options.now}`;
  return row !== undefined;
}

/**
 * Uses a reset link once: in one transaction the token is spent (of two uses at once, one
 * wins), the password replaced, every other reset link of the account spent too, and every
 * session of the account ended. The caller closes the realtime connections afterwards.
 *
 * @returns the account's id, or undefined when the link is unknown, used or expired
 */
export async function use(
  sql: Sql,
  options: { token: string; passwordHash: string; now: Date },
): Promise<{ userId: string; sessionsEnded: number } | undefined> {
  return sql.begin(async (tx) => {
    const [spent]: [{ userId: string }?] = await tx`
      update password_resets set used_at = ${options.now}
      where token_hash = ${tokenHashOf(options.token)} and used_at is null and expires_at > ${options.now}
      returning user_id`;
    if (!spent) return undefined;
    await tx`
      update password_resets set used_at = ${options.now}
      where user_id = ${spent.userId} and used_at is null`;
    await users.updatePassword(tx, {
      id: spent.userId,
      passwordHash: options.passwordHash,
      now: options.now,
    });
    const sessionsEnded = await sessions.invalidateAllForUser(tx, { userId: spent.userId });
    await audit.record(tx, {
      actorId: spent.userId,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: spent.userId,
      details: { sessionsEnded },
      now: options.now,
    });
    return { userId: spent.userId, sessionsEnded };
  });
}
