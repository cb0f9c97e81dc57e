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

// --- calls for contributions: drafts, submission, moderation (contributions issue) ---

export type ContributionStatus = 'draft' | 'submitted' | 'accepted' | 'rejected' | 'withdrawn';

/** One contribution with its state and moderation. */
export interface Contribution {
  id: string;
  workshopId: string;
  callId: string | null;
  authorId: string | null;
  organisationId: string;
  kind: ContributionKind;
  payload: unknown;
  status: ContributionStatus;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  moderatedBy: string | null;
  moderatedAt: Date | null;
  rejectionReason: string | null;
  mergedPayload: unknown;
}

/** A contribution as facilitators and its author see it listed. */
export interface ContributionDetails extends Contribution {
  authorName: string | null;
  organisationName: string;
  callTitle: string | null;
  workshopTitle: string;
}

const details = (sql: Queryable) => sql`
  select k.id, k.workshop_id, k.call_id, k.author_id, k.organisation_id, k.kind, k.payload, k.status,
         k.created_at, k.updated_at, k.submitted_at, k.moderated_by, k.moderated_at, k.rejection_reason,
         k.merged_payload, u.display_name as author_name, o.name as organisation_name, c.title as call_title,
         w.title as workshop_title
  from contributions k
  left join users u on u.id = k.author_id
  join organisations o on o.id = k.organisation_id
  join workshops w on w.id = k.workshop_id
  left join calls c on c.id = k.call_id`;

export async function findById(
  sql: Queryable,
  options: { id: string },
): Promise<ContributionDetails | undefined> {
  const [row]: [ContributionDetails?] = await sql`${details(sql)} where k.id = ${options.id}`;
  return row;
}

/**
 * Creates a draft answering a call, or saves a new payload into the author's own draft
 * or submitted (not yet moderated) contribution.
 *
 * @returns the id, or undefined when `id` names no contribution of this author that is still editable
 */
export async function save(
  sql: Queryable,
  options: {
    id?: string;
    callId: string;
    workshopId: string;
    authorId: string;
    organisationId: string;
    kind: ContributionKind;
    payload: unknown;
    now: Date;
  },
): Promise<{ id: string } | undefined> {
  if (options.id) {
    const [row]: [{ id: string }?] = await sql`
      update contributions set payload = ${sql.json(options.payload as never)}, updated_at = ${options.now}
      where id = ${options.id} and author_id = ${options.authorId} and call_id = ${options.callId}
        and kind = ${options.kind} and status in ('draft', 'submitted')
      returning id`;
    return row;
  }
  const [row]: [{ id: string }?] = await sql`
    insert into contributions (workshop_id, call_id, author_id, organisation_id, kind, payload, status,
                               created_at, updated_at)
    values (${options.workshopId}, ${options.callId}, ${options.authorId}, ${options.organisationId},
            ${options.kind}, ${sql.json(options.payload as never)}, 'draft', ${options.now}, ${options.now})
    returning id`;
  return row;
}

export type SubmitOutcome = 'submitted' | 'not_found' | 'not_editable' | 'call_not_open' | 'call_closed';

/**
 * Submits the author's draft when its call is open at `now` (opening included, closing
 * excluded). A late submission changes nothing: the draft stays a draft.
 */
export async function submit(
  sql: Queryable,
  options: { id: string; authorId: string; now: Date },
): Promise<SubmitOutcome> {
  const [row]: [{ id: string }?] = await sql`
    update contributions k set status = 'submitted', submitted_at = ${options.now}, updated_at = ${options.now}
    from calls c
    where k.id = ${options.id} and k.author_id = ${options.authorId} and k.status = 'draft'
      and c.id = k.call_id and c.opens_at <= ${options.now} and ${options.now} < c.closes_at
    returning k.id`;
  if (row) return 'submitted';
  const [current]: [{ status: ContributionStatus; opensAt: Date | null; closesAt: Date | null }?] = await sql`
    select k.status, c.opens_at, c.closes_at from contributions k left join calls c on c.id = k.call_id
    where k.id = ${options.id} and k.author_id = ${options.authorId}`;
  if (!current) return 'not_found';
  if (current.status !== 'draft') return 'not_editable';
  if (current.closesAt && options.now.getTime() >= current.closesAt.getTime()) return 'call_closed';
  return 'call_not_open';
}

/** Withdraws the author's draft or submitted contribution; false once it is moderated. */
export async function withdraw(
  sql: Queryable,
  options: { id: string; authorId: string; now: Date },
): Promise<boolean> {
  const rows = await sql`
    update contributions set status = 'withdrawn', updated_at = ${options.now}
    where id = ${options.id} and author_id = ${options.authorId} and status in ('draft', 'submitted')
    returning id`;
  return rows.length === 1;
}

/**
 * Moderates a submitted contribution once: of two facilitators acting at the same moment,
 * exactly one gets the row back; the other gets undefined (already moderated).
 *
 * @param options.mergedPayload - accept with edits: what is merged instead of the payload
 */
export async function moderate(
  sql: Queryable,
  options: {
    id: string;
    workshopId: string;
    moderatorId: string;
    now: Date;
  } & ({ decision: 'accepted'; mergedPayload?: unknown } | { decision: 'rejected'; reason: string }),
): Promise<Contribution | undefined> {
  const merged = options.decision === 'accepted' ? (options.mergedPayload ?? null) : null;
  const reason = options.decision === 'rejected' ? options.reason : null;
  const [row]: [Contribution?] = await sql`
    update contributions
    set status = ${options.decision}, moderated_by = ${options.moderatorId}, moderated_at = ${options.now},
        rejection_reason = ${reason}, merged_payload = ${merged === null ? null : sql.json(merged as never)},
        updated_at = ${options.now}
    where id = ${options.id} and workshop_id = ${options.workshopId} and status = 'submitted'
    returning id, workshop_id, call_id, author_id, organisation_id, kind, payload, status, created_at, updated_at,
              submitted_at, moderated_by, moderated_at, rejection_reason, merged_payload`;
  return row;
}

/** Puts an accepted contribution back in the queue when its merge into the document failed. */
export async function reopen(sql: Queryable, options: { id: string; now: Date }): Promise<void> {
  await sql`
    update contributions
    set status = 'submitted', moderated_by = null, moderated_at = null, merged_payload = null,
        updated_at = ${options.now}
    where id = ${options.id} and status = 'accepted'`;
}

/** The contributions of a workshop in one state (the moderation queue: submitted), oldest first. */
export async function listByStatus(
  sql: Queryable,
  options: { workshopId: string; status: ContributionStatus },
): Promise<ContributionDetails[]> {
  return sql<ContributionDetails[]>`
    ${details(sql)} where k.workshop_id = ${options.workshopId} and k.status = ${options.status}
    order by coalesce(k.submitted_at, k.updated_at), k.id`;
}

/** A person's own contributions, the latest first. */
export async function listForAuthor(
  sql: Queryable,
  options: { authorId: string; callId?: string },
): Promise<ContributionDetails[]> {
  return options.callId
    ? sql<ContributionDetails[]>`
        ${details(sql)} where k.author_id = ${options.authorId} and k.call_id = ${options.callId}
        order by k.updated_at desc, k.id`
    : sql<ContributionDetails[]>`
        ${details(sql)} where k.author_id = ${options.authorId} order by k.updated_at desc, k.id`;
}

/** How many contributions a person submitted since a moment (the per-person submission rate). */
export async function submittedSince(
  sql: Queryable,
  options: { authorId: string; since: Date },
): Promise<number> {
  const [row]: [{ count: number }?] = await sql`
    select count(*)::int as count from contributions
    where author_id = ${options.authorId} and submitted_at >= ${options.since}`;
  return row?.count ?? 0;
}
