import type { Queryable } from '../client.ts';

export type ContributionKind = 'needs' | 'training_offer' | 'comment' | 'answers';

export interface ContributionListing {
  id: string;
  kind: ContributionKind;
  status: string;
  /** The author's name, or null once their account is deleted ("former participant"). */
  authorName: string | null;
  organisationId: string;
  organisationName: string;
  payload: unknown;
  createdAt: Date;
}

export async function create(
  sql: Queryable,
  options: {
    workshopId: string;
    authorId: string;
    organisationId: string;
    kind: ContributionKind;
    payload: unknown;
    now: Date;
  },
): Promise<{ id: string }> {
  const [row]: [{ id: string }?] = await sql`
    insert into contributions (workshop_id, author_id, organisation_id, kind, payload, created_at, updated_at)
    values (${options.workshopId}, ${options.authorId}, ${options.organisationId}, ${options.kind},
            ${sql.json(options.payload as never)}, ${options.now}, ${options.now})
    returning id`;
  if (!row) throw new Error('contribution insert returned no row');
  return row;
}

/** The contributions of a workshop, oldest first, with their author and organisation. */
export async function listForWorkshop(
  sql: Queryable,
  options: { workshopId: string },
): Promise<ContributionListing[]> {
  return sql<ContributionListing[]>`
    select c.id, c.kind, c.status, u.display_name as author_name, c.organisation_id,
           o.name as organisation_name, c.payload, c.created_at
    from contributions c
    left join users u on u.id = c.author_id
    join organisations o on o.id = c.organisation_id
    where c.workshop_id = ${options.workshopId}
    order by c.created_at, c.id`;
}
