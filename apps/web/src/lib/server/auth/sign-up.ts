import { hashPassword, users, type Sql } from '@atelier/db';
import type { FieldErrors } from '../forms.ts';
import type { Device } from './devices.ts';
import { openSession } from './sign-in.ts';

export type SignUpResult =
  { ok: true; userId: string; token: string; expiresAt: Date } | { ok: false; errors: FieldErrors };

/**
 * Creates an account and opens its first session. The password is hashed before
 * the e-mail is looked at, so a taken e-mail answers in the same time.
 */
export async function signUp(
  sql: Sql,
  options: {
    email: string;
    displayName: string;
    password: string;
    locale: string;
    now: Date;
    userAgent?: string;
    ip?: string;
    /** The browser the account is made in: a known device from now on. */
    device?: Device;
  },
): Promise<SignUpResult> {
  const passwordHash = await hashPassword(options.password);
  const existing = await users.findByEmail(sql, { email: options.email });
  if (existing) return { ok: false, errors: { email: 'email_taken' } };
  try {
    const user = await users.create(sql, {
      email: options.email,
      displayName: options.displayName,
      passwordHash,
      locale: options.locale,
    });
    const session = await openSession(sql, {
      userId: user.id,
      now: options.now,
      userAgent: options.userAgent,
      ip: options.ip,
      device: options.device && { ...options.device, alert: false },
    });
    return { ok: true, userId: user.id, token: session.token, expiresAt: session.expiresAt };
  } catch (error) {
    // Two sign-ups with the same e-mail at once: the unique index decides.
    if ((error as { code?: string }).code === '23505') return { ok: false, errors: { email: 'email_taken' } };
    throw error;
  }
}
