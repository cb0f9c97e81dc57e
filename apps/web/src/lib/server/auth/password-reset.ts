// Forgotten passwords (issue 20): a link by e-mail, single-use, valid one hour, stored hashed;
// using it ends every session of the account. Asking for one answers the same whether the
// address has an account or not, in the same time: the work is done after the answer.
import { hashPassword, invitations, outbox, passwordResets, users, type Sql } from '@atelier/db';
import type { Device } from './devices.ts';
import { openSession } from './sign-in.ts';

/** A reset token has the invitation tokens' shape: 160 random bits in base32. */
export const isResetTokenShaped = invitations.isTokenShaped;

/**
 * Writes a reset link and its e-mail in one transaction, when the address has an account;
 * does nothing otherwise. The caller answers before awaiting it (no timing difference).
 */
export async function requestPasswordReset(
  sql: Sql,
  options: { email: string; now: Date },
): Promise<boolean> {
  const user = await users.findByEmail(sql, { email: options.email });
  // Guests (issue 19) have no address.
  const address = user?.email;
  if (!user || !address) return false;
  const token = invitations.generateToken();
  await sql.begin(async (tx) => {
    const { expiresAt } = await passwordResets.create(tx, { userId: user.id, token, now: options.now });
    await outbox.enqueue(tx, {
      key: `password_reset:${invitations.tokenHashOf(token)}`,
      kind: 'password_reset',
      userId: user.id,
      to: address,
      locale: user.locale,
      payload: { secret: token, expiresAt: expiresAt.toISOString() },
      dueAt: options.now,
      now: options.now,
    });
  });
  return true;
}

export type ResetOutcome =
  { ok: true; userId: string; token: string; expiresAt: Date } | { ok: false; reason: 'invalid_link' };

/**
 * Sets a new password through a reset link: the link is spent, every session of the account
 * ends, and a fresh session opens in this browser. The caller closes the realtime connections
 * (`revokeRealtime`) once this has returned.
 */
export async function resetPassword(
  sql: Sql,
  options: {
    token: string;
    password: string;
    now: Date;
    userAgent?: string;
    ip?: string;
    /** The browser the link was opened in: known from now on (the mailbox vouched for it). */
    device?: Device;
  },
): Promise<ResetOutcome> {
  if (!isResetTokenShaped(options.token)) return { ok: false, reason: 'invalid_link' };
  // Checked before hashing, so an unknown link costs nothing; `use` decides for good.
  if (!(await passwordResets.isUsable(sql, { token: options.token, now: options.now })))
    return { ok: false, reason: 'invalid_link' };
  const passwordHash = await hashPassword(options.password);
  const used = await passwordResets.use(sql, { token: options.token, passwordHash, now: options.now });
  if (!used) return { ok: false, reason: 'invalid_link' };
  const session = await openSession(sql, {
    userId: used.userId,
    now: options.now,
    userAgent: options.userAgent,
    ip: options.ip,
    device: options.device && { ...options.device, alert: false },
  });
  return { ok: true, userId: used.userId, token: session.token, expiresAt: session.expiresAt };
}
