import type { MembershipRole, OrganisationKind } from '@atelier/domain';
import type { Queryable } from '../client.ts';

export interface Organisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  siren: string | null;
  communeCode: string;
  fictional: boolean;
  /** When a platform administrator verified it (issue 20); null: not verified. */
  verifiedAt: Date | null;
  createdAt: Date;
}

const columns = (sql: Queryable) => sql`
  o.id, o.kind, o.name, o.siren, o.commune_code, o.fictional, o.verified_at, o.created_at`;

export async function create(
  sql: Queryable,
  options: {
    kind: OrganisationKind;
    name: string;
    siren?: string | null;
    communeCode: string;
    fictional?: boolean;
    /** Verified at creation (the demo seed; an import by a platform administrator). */
    verifiedAt?: Date | null;
  },
): Promise<Organisation> {
  const [row]: [Organisation?] = await sql`
    insert into organisations as o (kind, name, siren, commune_code, fictional, verified_at)
    values (${options.kind}, ${options.name}, ${options.siren ?? null}, ${options.communeCode},
            ${options.fictional ?? false}, ${options.verifiedAt ?? null})
    returning ${columns(sql)}`;
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
    select ${columns(sql)}, m.role
    from organisations o join memberships m on m.organisation_id = o.id
    where m.user_id = ${options.userId}
    order by o.name`;
}

export async function list(sql: Queryable): Promise<Organisation[]> {
  return sql<Organisation[]>`
    select ${columns(sql)} from organisations o order by o.name`;
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
    select ${columns(sql)} from organisations o where o.id = ${options.id}`;
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

/** An existing organisation offered to someone about to create one, or looking for theirs. */
export interface OrganisationSuggestion extends Organisation {
  /** Why it is offered: the same SIREN, or every word of the name typed. */
  match: 'siren' | 'name';
  memberCount: number;
}

/**
 * Existing organisations that look like the one a person is about to create or join: the
 * same SIREN, or a name containing every word typed, compared without accents, case or
 * punctuation (`organisation_name_key` in SQL, the same on both databases), or whose every
 * word was typed (a legal form added: "… SAS"). Words of one letter are ignored; SIREN matches
 * come first.
 *
 * @example await organisations.suggest(sql, { name: 'acieries florange', siren: null }) // [{ name: 'Aciéries de Florange', match: 'name', … }]
 */
export async function suggest(
  sql: Queryable,
  options: { name: string; siren: string | null; limit?: number },
): Promise<OrganisationSuggestion[]> {
  const words = options.name
    .split(/[\s'’.,;:/()-]+/)
    .filter((word) => word.length >= 2)
    .slice(0, 8);
  const siren = options.siren && /^[0-9]{9}$/.test(options.siren) ? options.siren : null;
  if (words.length === 0 && !siren) return [];
  return sql<OrganisationSuggestion[]>`
    select ${columns(sql)},
           case when o.siren = ${siren} then 'siren' else 'name' end as match,
           (select count(*)::int from memberships m where m.organisation_id = o.id) as member_count
    from organisations o
    where (${siren}::text is not null and o.siren = ${siren})
       or (${words.length > 0} and not exists (
             select 1 from unnest(${words}::text[]) as w(word)
             where organisation_name_key(o.name) not like '%' || organisation_name_key(w.word) || '%'))
       -- "Aciéries de Florange SAS" finds "Aciéries de Florange": every word of the name was typed.
       or (${words.length > 0} and not exists (
             select 1 from regexp_split_to_table(organisation_name_key(o.name), ' ') as n(word)
             where ' ' || organisation_name_key(${options.name}) || ' ' not like '% ' || n.word || ' %'))
    order by (o.siren = ${siren}) is true desc, length(o.name), o.name
    limit ${options.limit ?? 8}`;
}

/** Organisations by verification state, for the platform administrators' page (unverified first). */
export async function listForVerification(
  sql: Queryable,
): Promise<(Organisation & { memberCount: number; verifiedByName: string | null })[]> {
  return sql<(Organisation & { memberCount: number; verifiedByName: string | null })[]>`
    select ${columns(sql)},
           (select count(*)::int from memberships m where m.organisation_id = o.id) as member_count,
           v.display_name as verified_by_name
    from organisations o left join users v on v.id = o.verified_by
    order by (o.verified_at is null) desc, o.created_at desc, o.name`;
}

/**
 * Marks an organisation verified (or no longer verified) by a platform administrator.
 *
 * @returns false when there is no such organisation
 */
export async function setVerified(
  sql: Queryable,
  options: { id: string; verified: boolean; by: string; now: Date },
): Promise<boolean> {
  const rows = options.verified
    ? await sql`
        update organisations set verified_at = coalesce(verified_at, ${options.now}),
               verified_by = coalesce(verified_by, ${options.by}), updated_at = ${options.now}
        where id = ${options.id} returning id`
    : await sql`
        update organisations set verified_at = null, verified_by = null, updated_at = ${options.now}
        where id = ${options.id} returning id`;
  return rows.length === 1;
}
