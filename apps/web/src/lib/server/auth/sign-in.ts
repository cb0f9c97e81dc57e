import { sessions, users, verifyAgainstDummy, verifyPassword, type Queryable } from '@atelier/db';
import { z } from 'zod';

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1000),
});

export type SignInResult =
  { ok: true; token: string; expiresAt: Date } | { ok: false; reason: 'invalid_credentials' };

/**
 * Checks an e-mail and password and opens a session. Unknown e-mails cost the
 * same argon2 work as wrong passwords, so the answer and its timing do not tell
 * whether an account exists.
 */
export async function signIn(
  sql: Queryable,
  options: { email: string; password: string; now: Date; userAgent?: string; ip?: string },
): Promise<SignInResult> {
  const user = await users.findByEmailForSignIn(sql, { email: options.email });
  const valid = user
    ? await verifyPassword({ hash: user.passwordHash, password: options.password })
    : await verifyAgainstDummy(options.password);
  if (!user || !valid) return { ok: false, reason: 'invalid_credentials' };
  const token = sessions.generateToken();
  const session = await sessions.create(sql, {
    token,
    userId: user.id,
    now: options.now,
    userAgent: options.userAgent,
    ip: options.ip,
  });
  return { ok: true, token, expiresAt: session.expiresAt };
}
