import type { Queryable } from '../client.ts';
import * as notifications from './notifications.ts';

// Telling the organisations a call asks that it opened, and reminding those that have not
// answered 48 hours before it closes. Each notice is recorded per call and person
// (`call_notices`) in the transaction that writes the notification and its e-mail, so the
// scan can run at any time, after any restart, on any number of web instances: a notice is
// given once.

/** How long before closing the reminder goes out. */
export const REMINDER_BEFORE_CLOSE_MS = 48 * 60 * 60_000;
/** Calls shorter than this get no reminder: the opening notice came recently enough. */
export const REMINDER_MIN_WINDOW_MS = 72 * 60 * 60_000;
/** A call that opened longer ago than this when first scanned (e.g. before e-mail existed) is not announced. */
export const ANNOUNCE_LATEST_MS = 7 * 24 * 60 * 60_000;

interface Due {
  callId: string;
  workshopId: string;
  callTitle: string;
  workshopTitle: string;
  closesAt: Date;
  userId: string;
  organisationNames: string[];
}

/**
 * Gives the notices that are due at `now`: "a call opened" to every member of an organisation
 * it asks (by kind or by name) while it is open, and "closes in 48 hours" to the members of
 * those that have not submitted anything to it. Run it inside a transaction (the notice, the
 * notification and the e-mail are one). `callId` limits it to one call (the one just created).
 *
 * @returns how many people were notified, per notice, and who (for their live unread count)
 */
export async function announceDue(
  sql: Queryable,
  options: { now: Date; callId?: string },
): Promise<{ opened: number; closing: number; userIds: string[] }> {
  const { now } = options;
  const only = options.callId ?? null;
  const opened = await sql<Due[]>`
    select c.id as call_id, c.workshop_id, c.title as call_title, w.title as workshop_title, c.closes_at,
           m.user_id, array_agg(o.name order by o.name) as organisation_names
    from calls c
    join workshops w on w.id = c.workshop_id
    join organisations o on (o.kind = any(c.audience_kinds) or o.id = any(c.audience_organisation_ids))
                        and (not c.verified_only or o.verified_at is not null)
    join memberships m on m.organisation_id = o.id
    where c.opens_at <= ${now} and c.closes_at > ${now}
      and c.opens_at > ${new Date(now.getTime() - ANNOUNCE_LATEST_MS)}
      and (${only}::uuid is null or c.id = ${only}::uuid)
      and not exists (select 1 from call_notices n
                      where n.call_id = c.id and n.user_id = m.user_id and n.notice = 'opened')
    group by c.id, w.title, m.user_id`;
  const closing = await sql<Due[]>`
    select c.id as call_id, c.workshop_id, c.title as call_title, w.title as workshop_title, c.closes_at,
           m.user_id, array_agg(o.name order by o.name) as organisation_names
    from calls c
    join workshops w on w.id = c.workshop_id
    join organisations o on (o.kind = any(c.audience_kinds) or o.id = any(c.audience_organisation_ids))
                        and (not c.verified_only or o.verified_at is not null)
    join memberships m on m.organisation_id = o.id
    where c.opens_at <= ${now} and c.closes_at > ${now}
      and c.closes_at <= ${new Date(now.getTime() + REMINDER_BEFORE_CLOSE_MS)}
      and c.closes_at - c.opens_at >= ${`${REMINDER_MIN_WINDOW_MS / 1000} seconds`}::interval
      and (${only}::uuid is null or c.id = ${only}::uuid)
      and not exists (select 1 from contributions k
                      where k.call_id = c.id and k.organisation_id = o.id
                        and k.status in ('submitted', 'accepted'))
      and not exists (select 1 from call_notices n
                      where n.call_id = c.id and n.user_id = m.user_id and n.notice = 'closing')
    group by c.id, w.title, m.user_id`;
  const told = {
    opened: await give(sql, { due: opened, notice: 'opened', now }),
    closing: await give(sql, { due: closing, notice: 'closing', now }),
  };
  return {
    opened: told.opened.length,
    closing: told.closing.length,
    userIds: [...new Set([...told.opened, ...told.closing])],
  };
}

async function give(
  sql: Queryable,
  options: { due: Due[]; notice: 'opened' | 'closing'; now: Date },
): Promise<string[]> {
  const given: string[] = [];
  for (const due of options.due) {
    // The primary key decides: an instance scanning at the same moment records nothing twice.
    const [fresh] = await sql`
      insert into call_notices (call_id, user_id, notice, created_at)
      values (${due.callId}, ${due.userId}, ${options.notice}, ${options.now})
      on conflict do nothing
      returning user_id`;
    if (!fresh) continue;
    await notifications.notify(sql, {
      userIds: [due.userId],
      workshopId: due.workshopId,
      kind: options.notice === 'opened' ? 'call_opened' : 'call_closing',
      details: {
        callId: due.callId,
        callTitle: due.callTitle,
        workshopTitle: due.workshopTitle,
        closesAt: due.closesAt.toISOString(),
        organisationName: due.organisationNames.join(', '),
      },
      now: options.now,
    });
    given.push(due.userId);
  }
  return given;
}
