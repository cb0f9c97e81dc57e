import type { Queryable } from '../client.ts';

export type CallAsk = 'needs' | 'training_offer' | 'comment' | 'answers';

export interface CallQuestion {
  id: string;
  label: string;
  kind: 'text' | 'choice';
  options: string[];
}

/** A call for contributions of a workshop. */
export interface Call {
  id: string;
  workshopId: string;
  title: string;
  text: string;
  asks: CallAsk[];
  audienceKinds: string[];
  audienceOrganisationIds: string[];
  questions: CallQuestion[];
  /** Only verified organisations of the audience may read and answer it (issue 20). */
  verifiedOnly: boolean;
  opensAt: Date;
  closesAt: Date;
  createdBy: string | null;
  createdAt: Date;
}

/** A call with where its contributions stand, for the facilitator's list. */
export interface CallWithCounts extends Call {
  submitted: number;
  accepted: number;
  rejected: number;
}

/** A call open to one of a person's organisations, with the workshop it feeds. */
export interface CallForContributor extends Call {
  workshopTitle: string;
  /** The person's organisations this call asks (by kind or by name). */
  organisationIds: string[];
}

const columns = (sql: Queryable) => sql`
  c.id, c.workshop_id, c.title, c.text, c.asks, c.audience_kinds, c.audience_organisation_ids,
  c.questions, c.verified_only, c.opens_at, c.closes_at, c.created_by, c.created_at`;

/**
 * Opens a call (validated beforehand with the domain's `callInputSchema`).
 *
 * @example await calls.create(sql, { workshopId, title, text, asks: ['needs'], audienceKinds: ['company'], audienceOrganisationIds: [], questions: [], verifiedOnly: true, opensAt, closesAt, createdBy, now })
 */
export async function create(
  sql: Queryable,
  options: Omit<Call, 'id' | 'createdAt' | 'verifiedOnly'> & { verifiedOnly?: boolean; now: Date },
): Promise<{ id: string }> {
  const [row]: [{ id: string }?] = await sql`
    insert into calls (workshop_id, title, text, asks, audience_kinds, audience_organisation_ids, questions,
                       verified_only, opens_at, closes_at, created_by, created_at)
    values (${options.workshopId}, ${options.title}, ${options.text}, ${options.asks}, ${options.audienceKinds},
            ${options.audienceOrganisationIds}::uuid[], ${sql.json(options.questions as never)},
            ${options.verifiedOnly ?? false}, ${options.opensAt}, ${options.closesAt}, ${options.createdBy},
            ${options.now})
    returning id`;
  if (!row) throw new Error('call insert returned no row');
  return row;
}

export async function find(sql: Queryable, options: { id: string }): Promise<Call | undefined> {
  const [row]: [Call?] = await sql`select ${columns(sql)} from calls c where c.id = ${options.id}`;
  return row;
}

/** The calls of a workshop, the latest opening first, with counts of their contributions. */
export async function listForWorkshop(
  sql: Queryable,
  options: { workshopId: string },
): Promise<CallWithCounts[]> {
  return sql<CallWithCounts[]>`
    select ${columns(sql)},
           count(*) filter (where k.status = 'submitted')::int as submitted,
           count(*) filter (where k.status = 'accepted')::int as accepted,
           count(*) filter (where k.status = 'rejected')::int as rejected
    from calls c
    left join contributions k on k.call_id = c.id
    where c.workshop_id = ${options.workshopId}
    group by c.id
    order by c.opens_at desc, c.created_at desc`;
}

/**
 * The calls that ask one of the person's organisations (by kind or by name; a verified one
 * when the call is limited to verified organisations), open or closed less than 30 days ago,
 * so that late contributors still see why they cannot answer.
 */
export async function listForContributor(
  sql: Queryable,
  options: { userId: string; now: Date },
): Promise<CallForContributor[]> {
  return sql<CallForContributor[]>`
    select ${columns(sql)}, w.title as workshop_title,
           array_agg(distinct o.id) as organisation_ids
    from calls c
    join workshops w on w.id = c.workshop_id
    join memberships m on m.user_id = ${options.userId}
    join organisations o on o.id = m.organisation_id
    where (o.kind = any(c.audience_kinds) or o.id = any(c.audience_organisation_ids))
      and (not c.verified_only or o.verified_at is not null)
      and c.closes_at > ${options.now}::timestamptz - interval '30 days'
    group by c.id, w.title
    order by c.closes_at`;
}
