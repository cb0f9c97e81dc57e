import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Queryable, Sql } from '../client.ts';
import { DEFAULT_DELIVERY, NEW_DEVICE_SIGN_IN, type EmailNotificationKind } from './email-preferences.ts';

// The e-mail outbox. A message is enqueued in the transaction of the event that causes it (an
// invitation, a notification, a reset request) under an idempotency key, so that it exists if
// and only if the event committed. Workers claim due messages with `for update skip locked`
// (several web instances never take the same row), hold them under a lease while they send,
// then mark them sent; a worker that dies leaves a lease that expires, and the message is
// claimed again. A send that reached the SMTP server just before such a crash is sent again
// with the same Message-ID (derived from the key): that is as close to exactly once as SMTP
// allows, and receivers that deduplicate on Message-ID see one message.

export type OutboxKind =
  'invitation' | 'password_reset' | EmailNotificationKind | 'digest' | typeof NEW_DEVICE_SIGN_IN;
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'kept' | 'failed';

export interface OutboxMessage {
  id: string;
  idempotencyKey: string;
  kind: OutboxKind;
  userId: string | null;
  toAddress: string;
  locale: 'fr' | 'en' | 'de';
  /** What the message is rendered from; `secret` (a link's token) is removed once sent. */
  payload: Record<string, unknown>;
  status: OutboxStatus;
  dueAt: Date;
  attempts: number;
  leaseUntil: Date | null;
  claimedBy: string | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
}

const columns = (sql: Queryable) => sql`
  id, idempotency_key, kind, user_id, to_address, locale, payload, status, due_at, attempts,
  lease_until, claimed_by, last_error, sent_at, created_at`;

/**
 * Adds a message unless one with the same key exists; true when it was added.
 *
 * @example await outbox.enqueue(tx, { key: `invitation:${id}`, kind: 'invitation', userId: null, to, locale: 'fr', payload, dueAt: now, now })
 */
export async function enqueue(
  sql: Queryable,
  options: {
    key: string;
    kind: OutboxKind;
    userId: string | null;
    to: string;
    locale: string;
    payload: Record<string, unknown>;
    dueAt: Date;
    now: Date;
  },
): Promise<boolean> {
  const rows = await sql`
    insert into email_outbox (idempotency_key, kind, user_id, to_address, locale, payload, due_at, created_at)
    values (${options.key}, ${options.kind}, ${options.userId}, ${options.to.trim().toLowerCase()},
            ${options.locale}, ${sql.json(options.payload as never)}, ${options.dueAt}, ${options.now})
    on conflict (idempotency_key) do nothing
    returning id`;
  return rows.length === 1;
}

/**
 * Claims up to `limit` due messages for one worker: pending ones whose time has come, and
 * those whose previous worker's lease ran out (it died or hung while sending). Each claim
 * counts an attempt. Rows another worker is claiming at this moment are skipped, not waited for.
 */
export async function claim(
  sql: Queryable,
  options: { worker: string; now: Date; leaseMs: number; limit: number },
): Promise<OutboxMessage[]> {
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  return sql<OutboxMessage[]>`
    update email_outbox
    set status = 'sending', attempts = attempts + 1, lease_until = ${leaseUntil},
        claimed_by = ${options.worker}
    where id in (
      select id from email_outbox
      where (status = 'pending' and due_at <= ${options.now})
         or (status = 'sending' and lease_until < ${options.now})
      order by due_at, created_at
      limit ${options.limit}
      for update skip locked)
    returning ${columns(sql)}`;
}

/**
 * Ends a claimed message: sent (its link secret erased), kept (no SMTP server: shown to
 * administrators), failed for good, or back to pending until `retryAt`. Only the worker
 * holding the claim may end it; false when the claim was lost (the lease ran out and another
 * worker took the message).
 */
export async function settle(
  sql: Queryable,
  options: {
    id: string;
    worker: string;
    now: Date;
    outcome: 'sent' | 'kept' | 'failed' | 'retry';
    retryAt?: Date;
    error?: string;
  },
): Promise<boolean> {
  const error = options.error?.slice(0, 1000) ?? null;
  const rows =
    options.outcome === 'sent'
      ? await sql`
          update email_outbox set status = 'sent', sent_at = ${options.now}, lease_until = null,
                 last_error = null, payload = payload - 'secret'
          where id = ${options.id} and status = 'sending' and claimed_by = ${options.worker}
          returning id`
      : options.outcome === 'kept'
        ? await sql`
            update email_outbox set status = 'kept', lease_until = null
            where id = ${options.id} and status = 'sending' and claimed_by = ${options.worker}
            returning id`
        : options.outcome === 'failed'
          ? await sql`
              update email_outbox set status = 'failed', lease_until = null, last_error = ${error},
                     payload = payload - 'secret'
              where id = ${options.id} and status = 'sending' and claimed_by = ${options.worker}
              returning id`
          : await sql`
              update email_outbox set status = 'pending', lease_until = null, last_error = ${error},
                     due_at = ${options.retryAt ?? options.now}
              where id = ${options.id} and status = 'sending' and claimed_by = ${options.worker}
              returning id`;
  return rows.length === 1;
}

/** The newest messages first, for the administrators' outbox page. */
export async function list(
  sql: Queryable,
  options: { limit: number; status?: OutboxStatus },
): Promise<OutboxMessage[]> {
  return options.status
    ? sql<OutboxMessage[]>`
        select ${columns(sql)} from email_outbox where status = ${options.status}
        order by created_at desc, id limit ${options.limit}`
    : sql<OutboxMessage[]>`
        select ${columns(sql)} from email_outbox order by created_at desc, id limit ${options.limit}`;
}

export async function find(sql: Queryable, options: { id: string }): Promise<OutboxMessage | undefined> {
  const [row]: [OutboxMessage?] = await sql`
    select ${columns(sql)} from email_outbox where id = ${options.id}`;
  return row;
}

/** How many messages are in each state. */
export async function counts(sql: Queryable): Promise<Record<OutboxStatus, number>> {
  const rows = await sql<{ status: OutboxStatus; count: number }[]>`
    select status, count(*)::int as count from email_outbox group by status`;
  const result: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, kept: 0, failed: 0 };
  for (const row of rows) result[row.status] = row.count;
  return result;
}

/**
 * Writes, in the same statement as the notifications themselves, the e-mails of those whose
 * choice for this kind is "immediately" (`notifications.notify` calls it). The key is the
 * notification's id: one notification, one e-mail.
 */
export function notificationMailsFragment(
  sql: Queryable,
  options: { kind: EmailNotificationKind; now: Date },
) {
  return sql`
    insert into email_outbox (idempotency_key, kind, user_id, to_address, locale, payload, due_at, created_at)
    select 'notification:' || a.id, a.kind, u.id, u.email, u.locale,
           jsonb_build_object('notificationId', a.id, 'workshopId', a.workshop_id, 'details', a.details),
           ${options.now}, ${options.now}
    from added a
    join users u on u.id = a.user_id
    left join email_preferences p on p.user_id = a.user_id and p.kind = a.kind
    where coalesce(p.delivery, ${DEFAULT_DELIVERY[options.kind]}) = 'immediate'
      and u.email is not null -- guests (issue 19) have no address
    on conflict (idempotency_key) do nothing`;
}

/**
 * Enqueues the "sign-in from a new device" e-mail of a session, in one statement that reads the
 * person's choice: nothing is written unless they turned it on. Called in the transaction that
 * creates the session; the key is derived from the session's id (itself a hash of the cookie's
 * token, hashed again so that the outbox page shows nothing a session can be found by). True
 * when a message was enqueued.
 */
export async function enqueueNewDeviceAlert(
  sql: Queryable,
  options: { userId: string; sessionId: string; payload: Record<string, unknown>; now: Date },
): Promise<boolean> {
  const key = `new_device:${encodeHexLowerCase(sha256(new TextEncoder().encode(options.sessionId)))}`;
  const rows = await sql`
    insert into email_outbox (idempotency_key, kind, user_id, to_address, locale, payload, due_at, created_at)
    select ${key}, ${NEW_DEVICE_SIGN_IN}, u.id, u.email, u.locale,
           ${sql.json(options.payload as never)}, ${options.now}, ${options.now}
    from users u
    join email_preferences p on p.user_id = u.id and p.kind = ${NEW_DEVICE_SIGN_IN}
    where u.id = ${options.userId} and p.delivery = 'immediate' and u.email is not null
    on conflict (idempotency_key) do nothing
    returning id`;
  return rows.length === 1;
}

/**
 * Enqueues the daily digest of everyone who has notifications of kinds they chose to receive
 * "once a day", created in [since, until). The key names the person and the period, so the
 * periodic scan may run as often as it likes, on as many instances as there are.
 */
export async function enqueueDigests(
  sql: Sql,
  options: { since: Date; until: Date; now: Date },
): Promise<number> {
  const defaults = sql.json(DEFAULT_DELIVERY as never);
  const rows = await sql`
    insert into email_outbox (idempotency_key, kind, user_id, to_address, locale, payload, due_at, created_at)
    select 'digest:' || u.id || ':' || ${options.until.toISOString()}, 'digest', u.id, u.email, u.locale,
           jsonb_build_object(
             'since', ${options.since.toISOString()}::text, 'until', ${options.until.toISOString()}::text,
             'items', jsonb_agg(jsonb_build_object('kind', n.kind, 'workshopId', n.workshop_id,
                                                   'details', n.details, 'createdAt', n.created_at)
                                order by n.created_at)),
           ${options.now}, ${options.now}
    from notifications n
    join users u on u.id = n.user_id
    left join email_preferences p on p.user_id = n.user_id and p.kind = n.kind
    where n.created_at >= ${options.since} and n.created_at < ${options.until}
      and coalesce(p.delivery, ${defaults}::jsonb ->> n.kind) = 'digest'
      and u.email is not null
    group by u.id, u.email, u.locale
    on conflict (idempotency_key) do nothing
    returning id`;
  return rows.length;
}
