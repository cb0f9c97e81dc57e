import type { WorkshopRole, WorkshopStatus } from '@atelier/domain';
import type { Queryable } from '../client.ts';

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
    createdBy?: string | null;
  },
): Promise<Workshop> {
  const [row]: [Workshop?] = await sql`
    insert into workshops (title, description, status, starts_at, territory, created_by)
    values (${options.title}, ${options.description ?? ''}, ${options.status ?? 'draft'},
            ${options.startsAt ?? null}, ${options.territory}, ${options.createdBy ?? null})
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
