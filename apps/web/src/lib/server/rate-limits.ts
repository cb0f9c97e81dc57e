import { rateLimits, type RateRule } from '@atelier/db';
import { fail, type RequestEvent } from '@sveltejs/kit';
import { getDb } from './db.ts';

// Issue 17. Per account and per client address (behind a proxy, set adapter-node's ADDRESS_HEADER
// and XFF_DEPTH so that the address is the browser's). The per-address limits are higher: a
// workshop room's participants often share one address. Sign-in failures have their own rule
// (`signInThrottle` in @atelier/db).

/** Accounts created: per e-mail tried, and per address (a room signing up together fits). */
export const SIGN_UP: RateRule = { bucket: 'sign_up', windowMs: 60 * 60_000, perAccount: 5, perIp: 60 };
/** Invitation links accepted by a signed-in person. */
export const INVITATION: RateRule = {
  bucket: 'invitation',
  windowMs: 10 * 60_000,
  perAccount: 20,
  perIp: 100,
};
/** Password reset links asked for: per address typed (whether or not it has an account), and per client address. */
export const PASSWORD_RESET: RateRule = {
  bucket: 'password_reset',
  windowMs: 60 * 60_000,
  perAccount: 5,
  perIp: 30,
};
/** Contribution drafts saved, submitted, withdrawn, CSV files read. */
export const CONTRIBUTION: RateRule = {
  bucket: 'contribution',
  windowMs: 10 * 60_000,
  perAccount: 120,
  perIp: 400,
};

/**
 * Counts one attempt of an action against the person and the address. Within the limits it
 * returns undefined and the action goes on; beyond them, the failure to return: status 429,
 * a `Retry-After` header, and `code: 'rate_limited'` with the seconds for the page to say.
 *
 * @example
 * const limited = await limitAction(event, { rule: CONTRIBUTION, account: user.id });
 * if (limited) return limited;
 */
export async function limitAction(
  event: Pick<RequestEvent, 'getClientAddress' | 'setHeaders'>,
  options: { rule: RateRule; account: string; extra?: Record<string, unknown> },
) {
  const { sql } = await getDb();
  const verdict = await rateLimits.consume(sql, {
    rule: options.rule,
    account: options.account,
    ip: event.getClientAddress(),
    now: new Date(),
  });
  if (verdict.allowed) return undefined;
  retryAfter(event, verdict.retryAfterSeconds);
  return fail(429, { ...options.extra, code: 'rate_limited', retryAfterSeconds: verdict.retryAfterSeconds });
}

/** The `Retry-After` header of a 429. */
export function retryAfter(event: Pick<RequestEvent, 'setHeaders'>, seconds: number): void {
  event.setHeaders({ 'retry-after': String(seconds) });
}
