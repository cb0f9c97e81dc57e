import type { MembershipRole, OrganisationKind } from '@atelier/domain';
import type { Queryable } from '../client.ts';

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  siren: string | null;
  communeCode: string;
  fictional: boolean;
  createdAt: Date;
}

export async function create(
  sql: Queryable,
  options: {
    kind: OrganisationKind;
    name: string;
    siren?: string | null;
    communeCode: string;
    fictional?: boolean;
  },
): Promise<Organisation> {
  const [row]: [Organisation?] = await sql`
    insert into organisations (kind, name, siren, commune_code, fictional)
    values (${options.kind}, ${options.name}, ${options.siren ?? null}, ${options.communeCode},
            ${options.fictional ?? false})
    returning id, kind, name, siren, commune_code, fictional, created_at`;
  if (!row) throw new Error('organisation insert returned no row');
  return row;
}

export async function addMember(
  sql: Queryable,
  options: { organisationId: string; userId: string; role: MembershipRole },
): Promise<void> {
  await sql`
    insert into memberships (user_id, organisation_id, role)
    values (${options.userId}, ${options.organisationId}, ${options.role})
    on conflict (user_id, organisation_id) do update set role = excluded.role`;
}

/** The organisations a person belongs to, with their role in each. */
export async function listForUser(
  sql: Queryable,
  options: { userId: string },
): Promise<(Organisation & { role: MembershipRole })[]> {
  return sql<(Organisation & { role: MembershipRole })[]>`
    select o.id, o.kind, o.name, o.siren, o.commune_code, o.fictional, o.created_at, m.role
    from organisations o join memberships m on m.organisation_id = o.id
    where m.user_id = ${options.userId}
    order by o.name`;
}

export async function list(sql: Queryable): Promise<Organisation[]> {
  return sql<Organisation[]>`
    select id, kind, name, siren, commune_code, fictional, created_at from organisations order by name`;
}

export interface OrganisationMember {
  userId: string;
  displayName: string;
  email: string;
  role: MembershipRole;
  createdAt: Date;
}

export async function findById(sql: Queryable, options: { id: string }): Promise<Organisation | undefined> {
  const [row]: [Organisation?] = await sql`
    select id, kind, name, siren, commune_code, fictional, created_at from organisations
    where id = ${options.id}`;
  return row;
}

export async function update(
  sql: Queryable,
  options: {
    id: string;
    kind: OrganisationKind;
    name: string;
    siren: string | null;
    communeCode: string;
    now: Date;
  },
): Promise<void> {
  await sql`
    update organisations
    set kind = ${options.kind}, name = ${options.name}, siren = ${options.siren},
        commune_code = ${options.communeCode}, updated_at = ${options.now}
    where id = ${options.id}`;
}

/** Whether another organisation already has this SIREN. */
export async function sirenTaken(
  sql: Queryable,
  options: { siren: string; exceptId?: string },
): Promise<boolean> {
  const [row] = await sql`
    select 1 from organisations
    where siren = ${options.siren} and id <> ${options.exceptId ?? '00000000-0000-0000-0000-000000000000'}`;
  return row !== undefined;
}

export async function listMembers(
  sql: Queryable,
  options: { organisationId: string },
): Promise<OrganisationMember[]> {
  return sql<OrganisationMember[]>`
    select u.id as user_id, u.display_name, u.email, m.role, m.created_at
    from memberships m join users u on u.id = m.user_id
    where m.organisation_id = ${options.organisationId}
    order by u.display_name`;
}

export async function roleOf(
  sql: Queryable,
  options: { organisationId: string; userId: string },
): Promise<MembershipRole | undefined> {
  const [row]: [{ role: MembershipRole }?] = await sql`
    select role from memberships
    where organisation_id = ${options.organisationId} and user_id = ${options.userId}`;
  return row?.role;
}

/** Removes a person from an organisation, and from the workshops where they represented it. */
export async function removeMember(
  sql: Queryable,
  options: { organisationId: string; userId: string },
): Promise<boolean> {
  const rows = await sql`
    delete from memberships
    where organisation_id = ${options.organisationId} and user_id = ${options.userId}
    returning user_id`;
  return rows.length === 1;
}

/** How many admins an organisation has, so that the last one is not removed. */
export async function adminCount(sql: Queryable, options: { organisationId: string }): Promise<number> {
  const [row]: [{ count: number }?] = await sql`
    select count(*)::int as count from memberships
    where organisation_id = ${options.organisationId} and role = 'admin'`;
  return row?.count ?? 0;
}
