import type { Queryable } from '../client.ts';
import * as rateLimits from './rate-limits.ts';
import type { RateRule, RateVerdict } from './rate-limits.ts';

/** Failures are counted over a sliding window of one minute. */
export const THROTTLE_WINDOW_MS = 60_000;
/** Failed sign-ins for one e-mail within the window after which every attempt is refused. */
export const ACCOUNT_FAILURE_LIMIT = 10;
/** Failed sign-ins from one address within the window; higher, as many people share an address. */
export const IP_FAILURE_LIMIT = 50;

/** Failed sign-ins, counted in the rate limits' store (`rate-limits.ts`). */
export const SIGN_IN_FAILURES: RateRule = {
  bucket: 'sign_in_failure',
  windowMs: THROTTLE_WINDOW_MS,
  perAccount: ACCOUNT_FAILURE_LIMIT,
  perIp: IP_FAILURE_LIMIT,
};

export type ThrottleVerdict = RateVerdict;

/**
 * Whether a sign-in for this e-mail from this address may be tried now. It is
 * decided before the password is checked, so a throttled account is refused even
 * with the right password; the same holds for e-mails that have no account.
 */
export function check(
  sql: Queryable,
  options: { email: string; ip: string; now: Date },
): Promise<ThrottleVerdict> {
  return rateLimits.check(sql, {
    rule: SIGN_IN_FAILURES,
    account: options.email,
    ip: options.ip,
    now: options.now,
  });
}

/** Records one failed sign-in against the e-mail and the address, and forgets failures older than a day. */
export function recordFailure(
  sql: Queryable,
  options: { email: string; ip: string; now: Date },
): Promise<void> {
  return rateLimits.record(sql, {
    rule: SIGN_IN_FAILURES,
    account: options.email,
    ip: options.ip,
    now: options.now,
  });
}

/** Forgets the failures of an account after a successful sign-in. */
export function clearAccount(sql: Queryable, options: { email: string }): Promise<void> {
  return rateLimits.clearAccount(sql, { bucket: SIGN_IN_FAILURES.bucket, account: options.email });
}
