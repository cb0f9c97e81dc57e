import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Queryable } from '../client.ts';

/** Failures are counted over a sliding window of one minute. */
export const THROTTLE_WINDOW_MS = 60_000;
/** Failed sign-ins for one e-mail within the window after which every attempt is refused. */
export const ACCOUNT_FAILURE_LIMIT = 10;
/** Failed sign-ins from one address within the window; higher, as many people share an address. */
export const IP_FAILURE_LIMIT = 50;

export interface ThrottleVerdict {
  allowed: boolean;
  /** When refused: whole seconds until the oldest failure of the window leaves it. */
  retryAfterSeconds: number;
}

function keyOf(value: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(value)));
}

function accountKey(email: string): string {
  return keyOf(email.trim().toLowerCase());
}

/**
 * Whether a sign-in for this e-mail from this address may be tried now. It is
 * decided before the password is checked, so a throttled account is refused even
 * with the right password; the same holds for e-mails that have no account.
 */
export async function check(
  sql: Queryable,
  options: { email: string; ip: string; now: Date },
): Promise<ThrottleVerdict> {
  const since = new Date(options.now.getTime() - THROTTLE_WINDOW_MS);
  const rows = await sql<{ scope: 'account' | 'ip'; failures: number; oldest: Date }[]>`
    select scope, count(*)::int as failures, min(failed_at) as oldest
    from sign_in_failures
    where failed_at > ${since} and failed_at <= ${options.now}
      and ((scope = 'account' and key = ${accountKey(options.email)})
        or (scope = 'ip' and key = ${keyOf(options.ip)}))
    group by scope`;
  let retryAt = 0;
  for (const row of rows) {
    const limit = row.scope === 'account' ? ACCOUNT_FAILURE_LIMIT : IP_FAILURE_LIMIT;
    if (row.failures >= limit) {
      retryAt = Math.max(retryAt, row.oldest.getTime() + THROTTLE_WINDOW_MS);
    }
  }
  if (retryAt === 0) return { allowed: true, retryAfterSeconds: 0 };
  return {
    allowed: false,
    retryAfterSeconds: Math.max(1, Math.ceil((retryAt - options.now.getTime()) / 1000)),
  };
}

/** Records one failed sign-in against the e-mail and the address, and forgets failures older than a day. */
export async function recordFailure(
  sql: Queryable,
  options: { email: string; ip: string; now: Date },
): Promise<void> {
  await sql`
    insert into sign_in_failures (scope, key, failed_at)
    values ('account', ${accountKey(options.email)}, ${options.now}),
           ('ip', ${keyOf(options.ip)}, ${options.now})`;
  const dayAgo = new Date(options.now.getTime() - 24 * 60 * 60 * 1000);
  await sql`delete from sign_in_failures where failed_at < ${dayAgo}`;
}

/** Forgets the failures of an account after a successful sign-in. */
export async function clearAccount(sql: Queryable, options: { email: string }): Promise<void> {
  await sql`delete from sign_in_failures where scope = 'account' and key = ${accountKey(options.email)}`;
}
