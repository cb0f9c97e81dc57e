import {
  knownDevices,
  outbox,
  sessions,
  signInThrottle,
  users,
  verifyAgainstDummy,
  verifyPassword,
  type Queryable,
  type Sql,
} from '@atelier/db';
import { z } from 'zod';
import { emailField } from './account-schemas.ts';
import { approximateAddress, familyKey, type Device } from './devices.ts';

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
 * - A sign-in from a device the person never used (`device`: its cookie and browser family),
 *   when they asked for it, writes the "new device" e-mail in the session's own transaction.
 */
export async function signIn(
  sql: Sql,
  options: {
    email: string;
    password: string;
    now: Date;
    userAgent?: string;
    ip: string;
    device?: Device;
  },
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
  const { token, expiresAt } = await sql.begin((tx) =>
    openSession(tx, {
      userId: user.id,
      now,
      userAgent: options.userAgent,
      ip,
      device: options.device && { ...options.device, alert: true },
    }),
  );
  return { ok: true, token, expiresAt, userId: user.id };
}

/**
 * Opens a new session for a person; the token goes in the cookie, its hash in the database.
 * With a `device`, the device is remembered as the person's; with `alert` too (a sign-in, not
 * a sign-up or a reset, where the person just proved who they are in this browser), a device
 * not seen before enqueues the "new device" e-mail if they turned it on. Run it in a
 * transaction so that the session and its e-mail exist together or not at all.
 */
export async function openSession(
  sql: Queryable,
  options: {
    userId: string;
    now: Date;
    userAgent?: string;
    ip?: string;
    device?: Device & { alert: boolean };
  },
): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
  const { device, ...rest } = options;
  const token = sessions.generateToken();
  const session = await sessions.create(sql, { token, ...rest });
  if (device) {
    const isNew = await knownDevices.remember(sql, {
      userId: options.userId,
      token: device.token,
      browser: familyKey(device.family),
      now: options.now,
    });
    if (isNew && device.alert)
      await outbox.enqueueNewDeviceAlert(sql, {
        userId: options.userId,
        sessionId: session.id,
        payload: {
          at: options.now.toISOString(),
          browser: device.family.browser,
          os: device.family.os,
          address: approximateAddress(options.ip),
        },
        now: options.now,
      });
  }
  return { token, expiresAt: session.expiresAt, sessionId: session.id };
}
