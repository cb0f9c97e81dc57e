import type { WorkshopRole, WorkshopStatus } from '@atelier/domain';
import type { Queryable } from '../client.ts';
import * as guests from './guests.ts';

export interface Workshop {
  id: string;
  title: string;
  description: string;
  status: WorkshopStatus;
  startsAt: Date | null;
  territory: string;
  createdAt: Date;
}

export interface WorkshopForUser extends Workshop {
  role: WorkshopRole;
  organisationName: string;
  memberCount: number;
}

export async function create(
  sql: Queryable,
  options: {
    title: string;
    description?: string;
    status?: WorkshopStatus;
    startsAt?: Date | null;
    territory: string;
    agenda?: string;
    createdBy?: string | null;
  },
): Promise<Workshop> {
  const [row]: [Workshop?] = await sql`
    insert into workshops (title, description, status, starts_at, territory, agenda, created_by)
    values (${options.title}, ${options.description ?? ''}, ${options.status ?? 'draft'},
            ${options.startsAt ?? null}, ${options.territory}, ${options.agenda ?? ''},
            ${options.createdBy ?? null})
    returning id, title, description, status, starts_at, territory, created_at`;
  if (!row) throw new Error('workshop insert returned no row');
  return row;
}

/** Adds a person to a workshop, representing one of their organisations. */
export async function addMember(
  sql: Queryable,
  options: { workshopId: string; userId: string; organisationId: string; role: WorkshopRole },
): Promise<void> {
  await sql`
    insert into workshop_members (workshop_id, user_id, organisation_id, role)
    values (${options.workshopId}, ${options.userId}, ${options.organisationId}, ${options.role})
    on conflict (workshop_id, user_id)
    do update set role = excluded.role, organisation_id = excluded.organisation_id`;
}

/** The workshops a person takes part in, live first, then by date. */
export async function listForUser(sql: Queryable, options: { userId: string }): Promise<WorkshopForUser[]> {
  return sql<WorkshopForUser[]>`
    select w.id, w.title, w.description, w.status, w.starts_at, w.territory, w.created_at,
           wm.role, o.name as organisation_name,
           (select count(*)::int from workshop_members x where x.workshop_id = w.id) as member_count
    from workshops w
    join workshop_members wm on wm.workshop_id = w.id and wm.user_id = ${options.userId}
    join organisations o on o.id = wm.organisation_id
    order by case w.status when 'live' then 0 when 'scheduled' then 1 when 'draft' then 2 else 3 end,
             w.starts_at desc nulls last, w.title`;
}

/** The role of a person in a workshop, or undefined when they are not a member. */
export async function roleOf(
  sql: Queryable,
  options: { workshopId: string; userId: string },
): Promise<WorkshopRole | undefined> {
  const [row]: [{ role: WorkshopRole }?] = await sql`
    select role from workshop_members
    where workshop_id = ${options.workshopId} and user_id = ${options.userId}`;
  return row?.role;
}

export interface WorkshopDetails extends Workshop {
  agenda: string;
  updatedAt: Date;
}

export interface WorkshopMember {
  userId: string;
  displayName: string;
  email: string;
  role: WorkshopRole;
  organisationId: string;
  organisationName: string;
  createdAt: Date;
}

export async function findById(
  sql: Queryable,
  options: { id: string },
): Promise<WorkshopDetails | undefined> {
  const [row]: [WorkshopDetails?] = await sql`
    select id, title, description, status, starts_at, territory, agenda, created_at, updated_at
    from workshops where id = ${options.id}`;
  return row;
}

/**
 * The seat of a person in a workshop (role and the organisation they represent), if any; a
 * guest's seat while they are in it (role participant, `guest`, organisation '' when none).
 */
export async function seatOf(
  sql: Queryable,
  options: { workshopId: string; userId: string },
): Promise<{ role: WorkshopRole; organisationId: string; guest?: { needs: boolean } } | undefined> {
  const [row]: [{ role: WorkshopRole; organisationId: string }?] = await sql`
    select role, organisation_id from workshop_members
    where workshop_id = ${options.workshopId} and user_id = ${options.userId}`;
  return row ?? (await guests.seatOf(sql, options));
}

/** Updates the description of a workshop unless it is closed; false when nothing changed. */
export async function update(
  sql: Queryable,
  options: {
    id: string;
    title: string;
    description: string;
    startsAt: Date | null;
    territory: string;
    agenda: string;
    now: Date;
  },
): Promise<boolean> {
  const rows = await sql`
    update workshops
    set title = ${options.title}, description = ${options.description}, starts_at = ${options.startsAt},
        territory = ${options.territory}, agenda = ${options.agenda}, updated_at = ${options.now}
    where id = ${options.id} and status <> 'closed'
    returning id`;
  return rows.length === 1;
}

/**
 * Moves a workshop from one status to another, only if it is still in `from`
 * (two facilitators clicking at once move it once).
 */
export async function changeStatus(
  sql: Queryable,
  options: { id: string; from: WorkshopStatus; to: WorkshopStatus; now: Date },
): Promise<boolean> {
  const rows = await sql`
    update workshops set status = ${options.to}, updated_at = ${options.now}
    where id = ${options.id} and status = ${options.from}
    returning id`;
  return rows.length === 1;
}

export async function listMembers(
  sql: Queryable,
  options: { workshopId: string },
): Promise<WorkshopMember[]> {
  return sql<WorkshopMember[]>`
    select u.id as user_id, u.display_name, u.email, wm.role, wm.organisation_id,
           o.name as organisation_name, wm.created_at
    from workshop_members wm
    join users u on u.id = wm.user_id
    join organisations o on o.id = wm.organisation_id
    where wm.workshop_id = ${options.workshopId}
    order by case wm.role when 'facilitator' then 0 when 'participant' then 1 else 2 end, u.display_name`;
}

export async function removeMember(
  sql: Queryable,
  options: { workshopId: string; userId: string },
): Promise<boolean> {
  const rows = await sql`
    delete from workshop_members where workshop_id = ${options.workshopId} and user_id = ${options.userId}
    returning user_id`;
  return rows.length === 1;
}

export async function countFacilitators(sql: Queryable, options: { workshopId: string }): Promise<number> {
  const [row]: [{ count: number }?] = await sql`
    select count(*)::int as count from workshop_members
    where workshop_id = ${options.workshopId} and role = 'facilitator'`;
  return row?.count ?? 0;
}

/** Every workshop, live first (for platform administrators, who may manage any of them). */
export async function listAll(sql: Queryable): Promise<Workshop[]> {
  return sql<Workshop[]>`
    select id, title, description, status, starts_at, territory, created_at from workshops
    order by case status when 'live' then 0 when 'scheduled' then 1 when 'draft' then 2 else 3 end,
             starts_at desc nulls last, title`;
}

/**
 * Deletes a workshop and everything of it (seats, calls, contributions, versions… cascade): only
 * to undo a creation that could not be completed, such as a first state the realtime service
 * did not take. Its document rows, if any were stored, stay as orphans no room loads.
 */
export async function remove(sql: Queryable, options: { id: string }): Promise<boolean> {
  const rows = await sql`delete from workshops where id = ${options.id} returning id`;
  return rows.length === 1;
}
