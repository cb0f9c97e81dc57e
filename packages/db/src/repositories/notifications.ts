import type { Queryable } from '../client.ts';
import { notificationMailsFragment } from './outbox.ts';

export type NotificationKind =
  | 'contribution_accepted'
  | 'contribution_rejected'
  | 'contribution_submitted'
  | 'call_opened'
  | 'call_closing'
  | 'membership_requested'
  | 'membership_decided';

export interface Notification {
  id: string;
  userId: string;
  workshopId: string | null;
  kind: NotificationKind;
  /** What the page shows: contribution id, call title, organisation, reason… (escaped when shown). */
  details: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/**
 * Notifies several people of the same thing (e.g. every facilitator of a workshop). In the
 * same statement, those who chose to receive this kind by e-mail at once get a message in the
 * outbox: a notification and its e-mail exist together or not at all.
 */
export async function notify(
  sql: Queryable,
  options: {
    userIds: readonly string[];
    workshopId: string | null;
    kind: NotificationKind;
    details: Record<string, unknown>;
    now: Date;
  },
): Promise<void> {
  if (options.userIds.length === 0) return;
  await sql`
    with added as (
      insert into notifications (user_id, workshop_id, kind, details, created_at)
      select unnest(${options.userIds as string[]}::uuid[]), ${options.workshopId}, ${options.kind},
             ${sql.json(options.details as never)}, ${options.now}
      returning id, user_id, workshop_id, kind, details)
    ${notificationMailsFragment(sql, { kind: options.kind, now: options.now })}`;
}

/** A person's notifications, newest first. */
export async function listForUser(
  sql: Queryable,
  options: { userId: string; limit?: number },
): Promise<Notification[]> {
  return sql<Notification[]>`
    select id, user_id, workshop_id, kind, details, created_at, read_at
    from notifications where user_id = ${options.userId}
    order by created_at desc, id limit ${options.limit ?? 100}`;
}

export async function unreadCount(sql: Queryable, options: { userId: string }): Promise<number> {
  const [row]: [{ count: number }?] = await sql`
    select count(*)::int as count from notifications where user_id = ${options.userId} and read_at is null`;
  return row?.count ?? 0;
}

/** Marks some (or all, without ids) of a person's notifications read. */
export async function markRead(
  sql: Queryable,
  options: { userId: string; ids?: readonly string[]; now: Date },
): Promise<number> {
  const rows = options.ids
    ? await sql`
        update notifications set read_at = ${options.now}
        where user_id = ${options.userId} and read_at is null and id = any(${options.ids as string[]}::uuid[])
        returning id`
    : await sql`
        update notifications set read_at = ${options.now}
        where user_id = ${options.userId} and read_at is null returning id`;
  return rows.length;
}
