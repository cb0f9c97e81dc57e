import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Queryable } from '../client.ts';

// The devices a person has signed in from (issue 20, "sign-in from a new device"): a device is
// the random token of the long-lived device cookie plus the browser family read from the
// User-Agent. Only the token's SHA-256 is stored.

/** The device cookie's life in browsers (400 days at most), renewed at each sign-in. */
export const DEVICE_LIFETIME_MS = 400 * 24 * 60 * 60 * 1000;

/** The stored form of a device token. */
export function deviceHashOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Records that a person used a device now; true when it is the first time (a new device for
 * them), false when it was known (its last use is moved to now). The person's devices unseen
 * for longer than the cookie lives are forgotten: their cookie is gone from the browser anyway.
 *
 * @example const isNew = await knownDevices.remember(tx, { userId, token, browser: 'Firefox · Windows', now })
 */
export async function remember(
  sql: Queryable,
  options: { userId: string; token: string; browser: string; now: Date },
): Promise<boolean> {
  const hash = deviceHashOf(options.token);
  const browser = options.browser.slice(0, 100) || '?';
  await sql`
    delete from known_devices
    where user_id = ${options.userId}
      and last_seen_at < ${new Date(options.now.getTime() - DEVICE_LIFETIME_MS)}`;
  const added = await sql`
    insert into known_devices (user_id, device_hash, browser, first_seen_at, last_seen_at)
    values (${options.userId}, ${hash}, ${browser}, ${options.now}, ${options.now})
    on conflict (user_id, device_hash, browser) do nothing
    returning user_id`;
  if (added.length === 1) return true;
  await sql`
    update known_devices set last_seen_at = ${options.now}
    where user_id = ${options.userId} and device_hash = ${hash} and browser = ${browser}`;
  return false;
}
