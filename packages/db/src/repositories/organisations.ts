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
