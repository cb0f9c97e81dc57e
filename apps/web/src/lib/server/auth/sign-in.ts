import {
  sessions,
  signInThrottle,
  users,
  verifyAgainstDummy,
  verifyPassword,
  type Queryable,
} from '@atelier/db';
import { z } from 'zod';
import { emailField } from './account-schemas.ts';

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1).max(1000),
});

export type SignInResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

/**
 * Checks an e-mail and password and opens a session.
 *
 * - Throttling comes first: after too many failures for this e-mail (or from
 *   this address) within the window, the attempt is refused even with the right
 *   password, whether the account exists or not.
 * - Unknown e-mails cost the same argon2 work as wrong passwords (and so do
 *   throttled attempts), so neither the answer nor its timing tells whether an
 *   account exists.
 */
export async function signIn(
  sql: Queryable,
  options: { email: string; password: string; now: Date; userAgent?: string; ip: string },
): Promise<SignInResult> {
  const { email, ip, now } = options;
  const verdict = await signInThrottle.check(sql, { email, ip, now });
  if (!verdict.allowed) {
    await verifyAgainstDummy(options.password);
    return { ok: false, reason: 'throttled', retryAfterSeconds: verdict.retryAfterSeconds };
  }
  const user = await users.findByEmailForSignIn(sql, { email });
  const valid = user
    ? await verifyPassword({ hash: user.passwordHash, password: options.password })
    : await verifyAgainstDummy(options.password);
  if (!user || !valid) {
    await signInThrottle.recordFailure(sql, { email, ip, now });
    return { ok: false, reason: 'invalid_credentials' };
  }
  await signInThrottle.clearAccount(sql, { email });
  const { token, expiresAt } = await openSession(sql, {
    userId: user.id,
    now,
    userAgent: options.userAgent,
    ip,
  });
  return { ok: true, token, expiresAt, userId: user.id };
}

/** Opens a new session for a person; the token goes in the cookie, its hash in the database. */
export async function openSession(
  sql: Queryable,
  options: { userId: string; now: Date; userAgent?: string; ip?: string },
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const token = sessions.generateToken();
  const session = await sessions.create(sql, { token, ...options });
  return { token, expiresAt: session.expiresAt, sessionId: session.id };
}
