import type { Queryable } from '../client.ts';
import * as audit from './audit.ts';
import * as sessions from './sessions.ts';

/** A workshop's guest access as the facilitator sees it. */
export interface GuestAccess {
  workshopId: string;
  code: string;
  allowNeeds: boolean;
  openedAt: Date;
  expiresAt: Date;
}

/** What the join page needs to know about a code. */
export interface JoinTarget {
  workshopId: string;
  workshopTitle: string;
  expiresAt: Date;
  allowNeeds: boolean;
}

export interface Guest {
  userId: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  joinedAt: Date;
  leftAt: Date | null;
  /** The account the guest became, once they accepted their invitation. */
  accountId: string | null;
  /** An invitation to become an account was made for this guest. */
  invited: boolean;
}

/** The seat of a guest, as the policy reads it (`WorkshopSeat` with `guest`). */
export interface GuestSeat {
  role: 'participant';
  organisationId: string;
  guest: { needs: boolean };
}

/** The organisations a guest may say they come from: the workshop's (members', or named by it). */
export async function organisationsOf(
  sql: Queryable,
  options: { workshopId: string },
): Promise<{ id: string; name: string }[]> {
  return sql<{ id: string; name: string }[]>`
    select o.id, o.name from organisations o
    where o.id in (select organisation_id from workshop_members where workshop_id = ${options.workshopId})
       or o.id in (select organisation_id from workshop_organisations where workshop_id = ${options.workshopId})
    order by o.name`;
}

/** The workshop's guest access while it is open and not past its end; undefined otherwise. */
export async function current(
  sql: Queryable,
  options: { workshopId: string; now: Date },
): Promise<GuestAccess | undefined> {
  const [row]: [GuestAccess?] = await sql`
    select workshop_id, code, allow_needs, opened_at, expires_at from guest_access
    where workshop_id = ${options.workshopId} and closed_at is null and expires_at > ${options.now}`;
  return row;
}

/**
 * Opens guest access with a new code, or returns the access already open. A code held by
 * another open access is drawn again (the unique index decides, so two workshops opening at
 * once never share one).
 *
 * @param options.newCode - draws a join code (`generateJoinCode` from the domain)
 * @param options.expiresAt - the end of the workshop day (`guestAccessEnds`)
 */
export async function open(
  sql: Queryable,
  options: {
    workshopId: string;
    openedBy: string;
    allowNeeds: boolean;
    now: Date;
    expiresAt: Date;
    newCode: () => string;
  },
): Promise<GuestAccess> {
  const existing = await current(sql, options);
  if (existing) return existing;
  for (let attempt = 0; attempt < 8; attempt++) {
    const code = options.newCode();
    const [taken]: [{ workshopId: string }?] = await sql`
      select workshop_id from guest_access where code = ${code} and closed_at is null`;
    if (taken) {
      // An expired access still holds its code: it is closed for good before the code is reused.
      await sql`
        update guest_access set closed_at = ${options.now}
        where workshop_id = ${taken.workshopId} and closed_at is null and expires_at <= ${options.now}`;
      continue;
    }
    try {
      const [row]: [GuestAccess?] = await sql`
        insert into guest_access (workshop_id, code, allow_needs, opened_by, opened_at, expires_at, closed_at)
        values (${options.workshopId}, ${code}, ${options.allowNeeds}, ${options.openedBy}, ${options.now},
                ${options.expiresAt}, null)
        on conflict (workshop_id) do update
          set code = excluded.code, allow_needs = excluded.allow_needs, opened_by = excluded.opened_by,
              opened_at = excluded.opened_at, expires_at = excluded.expires_at, closed_at = null
        returning workshop_id, code, allow_needs, opened_at, expires_at`;
      if (!row) throw new Error('guest access upsert returned no row');
      await audit.record(sql, {
        actorId: options.openedBy,
        action: 'workshop.guest_access_opened',
        subjectType: 'workshop',
        subjectId: options.workshopId,
        details: { expiresAt: options.expiresAt.toISOString(), allowNeeds: options.allowNeeds },
        now: options.now,
      });
      return row;
    } catch (error) {
      // Another workshop took the same code between the check and the insert: draw again.
      if ((error as { code?: string }).code !== '23505') throw error;
    }
  }
  throw new Error('no free join code after 8 draws');
}

/** Lets guests add needs for their organisation, or stops it; false when no access is open. */
export async function setAllowNeeds(
  sql: Queryable,
  options: { workshopId: string; allowNeeds: boolean; now: Date },
): Promise<boolean> {
  const rows = await sql`
    update guest_access set allow_needs = ${options.allowNeeds}
    where workshop_id = ${options.workshopId} and closed_at is null and expires_at > ${options.now}
    returning workshop_id`;
  return rows.length === 1;
}

/**
 * Closes guest access: the code stops working, every guest's seat ends and their sessions are
 * deleted, in one statement. Returns the guests who were seated, whose realtime connections the
 * caller ends.
 */
export async function close(
  sql: Queryable,
  options: { workshopId: string; closedBy: string; now: Date },
): Promise<{ userIds: string[] }> {
  const { workshopId, now } = options;
  const rows = await sql<{ userId: string }[]>`
    with closed as (
      update guest_access set closed_at = ${now}
      where workshop_id = ${workshopId} and closed_at is null
      returning workshop_id
    ), gone as (
      update workshop_guests set left_at = ${now}
      where workshop_id = ${workshopId} and left_at is null
      returning user_id
    ), ended as (
      delete from sessions where user_id in (select user_id from gone) returning id
    )
    select user_id from gone`;
  const userIds = rows.map((row) => row.userId);
  await audit.record(sql, {
    actorId: options.closedBy,
    action: 'workshop.guest_access_closed',
    subjectType: 'workshop',
    subjectId: workshopId,
    details: { guestsLeft: userIds.length },
    now,
  });
  return { userIds };
}

/** The open workshop a code leads to; undefined for an unknown, closed or expired code. */
export async function findByCode(
  sql: Queryable,
  options: { code: string; now: Date },
): Promise<JoinTarget | undefined> {
  const [row]: [JoinTarget?] = await sql`
    select g.workshop_id, w.title as workshop_title, g.expires_at, g.allow_needs
    from guest_access g join workshops w on w.id = g.workshop_id
    where g.code = ${options.code} and g.closed_at is null and g.expires_at > ${options.now}
      and w.status <> 'closed'`;
  return row;
}

export type JoinResult =
  | { ok: true; userId: string; workshopId: string; expiresAt: Date }
  | { ok: false; reason: 'unknown_code' | 'unknown_organisation' };

/**
 * A guest joins by a code: a user of kind guest (no e-mail, no password), a seat in the code's
 * workshop, and a session that ends with the guest access. One statement (data-modifying CTEs):
 * atomic without a transaction, which on the embedded database would hold every other
 * connection while a room of people joins at once; the access row is locked, so a code closed
 * meanwhile lets nobody in.
 *
 * @param options.token - the new session's token (`sessions.generateToken()`), for the cookie
 * @param options.organisationId - one of the workshop's organisations, or null ("unaffiliated")
 */
export async function join(
  sql: Queryable,
  options: {
    code: string;
    displayName: string;
    organisationId: string | null;
    locale: 'fr' | 'en' | 'de';
    token: string;
    now: Date;
    userAgent?: string;
    ip?: string;
  },
): Promise<JoinResult> {
  const { now, organisationId } = options;
  const [row]: [
    { workshopId: string | null; expiresAt: Date | null; organisationKnown: boolean; userId: string | null }?,
  ] = await sql`
    with access as (
      select g.workshop_id, g.expires_at from guest_access g join workshops w on w.id = g.workshop_id
      where g.code = ${options.code} and g.closed_at is null and g.expires_at > ${now}
        and w.status <> 'closed'
      for update of g
    ), organisation as (
      select ${organisationId}::uuid is null or exists (
        select 1 from access a
        where ${organisationId}::uuid in (select organisation_id from workshop_members where workshop_id = a.workshop_id)
           or ${organisationId}::uuid in (select organisation_id from workshop_organisations where workshop_id = a.workshop_id)
      ) as known
    ), guest as (
      insert into users (kind, email, display_name, password_hash, locale, created_at)
      select 'guest', null, ${options.displayName}, null, ${options.locale}, ${now}
      from access, organisation where organisation.known
      returning id
    ), seat as (
      insert into workshop_guests (user_id, workshop_id, organisation_id, joined_at)
      select guest.id, access.workshop_id, ${organisationId}::uuid, ${now} from guest, access
      returning user_id
    ), session as (
      insert into sessions (id, user_id, expires_at, created_at, user_agent, ip)
      select ${sessions.sessionIdOf(options.token)}, guest.id, access.expires_at, ${now},
             ${options.userAgent?.slice(0, 512) ?? null}, ${options.ip?.slice(0, 64) ?? null}
      from guest, access
      returning id
    )
    select (select workshop_id from access) as workshop_id, (select expires_at from access) as expires_at,
           (select known from organisation) as organisation_known,
           (select user_id from seat) as user_id,
           (select count(*) from session) as sessions`;
  if (!row?.workshopId || !row.expiresAt) return { ok: false, reason: 'unknown_code' };
  if (!row.organisationKnown || !row.userId) return { ok: false, reason: 'unknown_organisation' };
  return { ok: true, userId: row.userId, workshopId: row.workshopId, expiresAt: row.expiresAt };
}

/** The seat of a guest in a workshop while they are in it. */
export async function seatOf(
  sql: Queryable,
  options: { workshopId: string; userId: string },
): Promise<GuestSeat | undefined> {
  const [row]: [{ organisationId: string | null; allowNeeds: boolean | null }?] = await sql`
    select g.organisation_id, a.allow_needs
    from workshop_guests g left join guest_access a on a.workshop_id = g.workshop_id
    where g.workshop_id = ${options.workshopId} and g.user_id = ${options.userId} and g.left_at is null`;
  if (!row) return undefined;
  return {
    role: 'participant',
    organisationId: row.organisationId ?? '',
    guest: { needs: row.allowNeeds === true && row.organisationId !== null },
  };
}

/** The workshop a guest is in now, if any (a guest has a seat in one workshop only). */
export async function workshopOf(sql: Queryable, options: { userId: string }): Promise<string | undefined> {
  const [row]: [{ workshopId: string }?] = await sql`
    select workshop_id from workshop_guests where user_id = ${options.userId} and left_at is null`;
  return row?.workshopId;
}

/** The workshop's guests, present first, then those who left, newest first. */
export async function list(sql: Queryable, options: { workshopId: string }): Promise<Guest[]> {
  return sql<Guest[]>`
    select g.user_id, u.display_name, g.organisation_id, o.name as organisation_name, g.joined_at,
           g.left_at, g.account_id,
           exists (select 1 from invitations i where i.guest_user_id = g.user_id) as invited
    from workshop_guests g join users u on u.id = g.user_id
    left join organisations o on o.id = g.organisation_id
    where g.workshop_id = ${options.workshopId}
    order by (g.left_at is null) desc, g.joined_at desc, u.display_name`;
}

/** A guest as the facilitator's forms name them: in this workshop, or undefined. */
export async function find(
  sql: Queryable,
  options: { workshopId: string; userId: string },
): Promise<Guest | undefined> {
  const all = await sql<Guest[]>`
    select g.user_id, u.display_name, g.organisation_id, o.name as organisation_name, g.joined_at,
           g.left_at, g.account_id,
           exists (select 1 from invitations i where i.guest_user_id = g.user_id) as invited
    from workshop_guests g join users u on u.id = g.user_id
    left join organisations o on o.id = g.organisation_id
    where g.workshop_id = ${options.workshopId} and g.user_id = ${options.userId}`;
  return all[0];
}

/** Removes a guest from the workshop: the seat ends and their sessions are deleted (one statement). */
export async function remove(
  sql: Queryable,
  options: { workshopId: string; userId: string; removedBy: string; now: Date },
): Promise<boolean> {
  const rows = await sql`
    with gone as (
      update workshop_guests set left_at = ${options.now}
      where workshop_id = ${options.workshopId} and user_id = ${options.userId} and left_at is null
      returning user_id
    ), ended as (
      delete from sessions where user_id in (select user_id from gone) returning id
    )
    select user_id from gone`;
  if (rows.length !== 1) return false;
  await audit.record(sql, {
    actorId: options.removedBy,
    action: 'workshop.guest_removed',
    subjectType: 'workshop',
    subjectId: options.workshopId,
    details: { userId: options.userId },
    now: options.now,
  });
  return true;
}

/** Links an invitation to the guest it was made for (converting a guest into an account). */
export async function linkInvitation(
  sql: Queryable,
  options: { invitationId: string; guestUserId: string },
): Promise<void> {
  await sql`update invitations set guest_user_id = ${options.guestUserId} where id = ${options.invitationId}`;
}

/**
 * A guest's invitation was accepted by an account: the guest becomes that account in the
 * workshop's records (their seat as a guest ends, their sessions as a guest are deleted).
 * Returns the guest's id, for the caller to end their realtime connections.
 */
export async function convert(
  sql: Queryable,
  options: { invitationId: string; accountId: string; now: Date },
): Promise<string | undefined> {
  const [row]: [{ userId: string }?] = await sql`
    update workshop_guests g set account_id = ${options.accountId}, left_at = coalesce(g.left_at, ${options.now})
    from invitations i
    where i.id = ${options.invitationId} and i.guest_user_id = g.user_id and i.workshop_id = g.workshop_id
    returning g.user_id`;
  if (!row) return undefined;
  await sql`delete from sessions where user_id = ${row.userId}`;
  return row.userId;
}
