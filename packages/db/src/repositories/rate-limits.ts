import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Queryable } from '../client.ts';

/**
 * One limit: at most `perAccount` events of a bucket per account, and `perIp` per client address,
 * within a sliding window. Either side may be left out.
 */
export interface RateRule {
  bucket: string;
  windowMs: number;
  perAccount?: number;
  perIp?: number;
}

export interface RateVerdict {
  allowed: boolean;
  /** When refused: whole seconds until enough events of the window have left it (Retry-After). */
  retryAfterSeconds: number;
}

/** Who an event is counted against: an account (an e-mail or a user id) and a client address. */
export interface RateSubject {
  account?: string;
  ip?: string;
}

const keyOf = (value: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(value)));
// E-mails differ only in case and surrounding blanks for the same person.
const accountKey = (account: string) => keyOf(account.trim().toLowerCase());

function scopes(rule: RateRule, subject: RateSubject) {
  const out: { scope: 'account' | 'ip'; key: string; limit: number }[] = [];
  if (subject.account !== undefined && rule.perAccount !== undefined)
    out.push({ scope: 'account', key: accountKey(subject.account), limit: rule.perAccount });
  if (subject.ip !== undefined && rule.perIp !== undefined)
    out.push({ scope: 'ip', key: keyOf(subject.ip), limit: rule.perIp });
  return out;
}

/**
 * Whether one more event is allowed now. Refused once the window holds `limit` events of the
 * account or of the address; it is allowed again when the `limit`-th newest of them leaves the
 * window, which is what `retryAfterSeconds` says.
 *
 * @example const verdict = await rateLimits.check(sql, { rule, account: email, ip, now });
 */
export async function check(
  sql: Queryable,
  options: { rule: RateRule; now: Date } & RateSubject,
): Promise<RateVerdict> {
  const { rule, now } = options;
  const since = new Date(now.getTime() - rule.windowMs);
  let retryAt = 0;
  for (const { scope, key, limit } of scopes(rule, options)) {
    const rows = await sql<{ occurredAt: Date }[]>`
      select occurred_at from rate_limit_events
      where bucket = ${rule.bucket} and scope = ${scope} and key = ${key}
        and occurred_at > ${since} and occurred_at <= ${now}
      order by occurred_at desc
      limit ${limit}`;
    const edge = rows[limit - 1];
    if (rows.length >= limit && edge) retryAt = Math.max(retryAt, edge.occurredAt.getTime() + rule.windowMs);
  }
  if (retryAt === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000)) };
}

/** Counts one event against the account and the address; forgets events older than a day. */
export async function record(
  sql: Queryable,
  options: { rule: RateRule; now: Date } & RateSubject,
): Promise<void> {
  for (const { scope, key } of scopes(options.rule, options)) {
    await sql`
      insert into rate_limit_events (bucket, scope, key, occurred_at)
      values (${options.rule.bucket}, ${scope}, ${key}, ${options.now})`;
  }
  const dayAgo = new Date(options.now.getTime() - 24 * 60 * 60 * 1000);
  await sql`delete from rate_limit_events where occurred_at < ${dayAgo}`;
}

/**
 * Checks, and counts the attempt when it is allowed: for limits on attempts (sign-ups,
 * contributions), where a refused attempt does not push the window further.
 */
export async function consume(
  sql: Queryable,
  options: { rule: RateRule; now: Date } & RateSubject,
): Promise<RateVerdict> {
  const verdict = await check(sql, options);
  if (verdict.allowed) await record(sql, options);
  return verdict;
}

/** Forgets an account's events of one bucket (a successful sign-in clears its failures). */
export async function clearAccount(
  sql: Queryable,
  options: { bucket: string; account: string },
): Promise<void> {
  await sql`
    delete from rate_limit_events
    where bucket = ${options.bucket} and scope = 'account' and key = ${accountKey(options.account)}`;
}
