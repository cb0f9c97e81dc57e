import type { Queryable } from '../client.ts';

// Joining an existing organisation (issue 20): a person asks, one of its administrators
// approves or refuses, once. Approval makes the person a member in the same transaction.

export type MembershipRequestStatus = 'pending' | 'approved' | 'refused' | 'withdrawn';

export interface MembershipRequest {
  id: string;
  organisationId: string;
  userId: string;
  message: string;
  status: MembershipRequestStatus;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

/** A pending request as the organisation's administrators see it. */
export interface PendingRequest extends MembershipRequest {
  displayName: string;
  email: string | null;
}

const columns = (sql: Queryable) => sql`
  r.id, r.organisation_id, r.user_id, r.message, r.status, r.decided_by, r.decided_at, r.created_at`;

export type RequestOutcome =
  | { outcome: 'requested'; request: MembershipRequest }
  | { outcome: 'already_pending'; request: MembershipRequest }
  | { outcome: 'already_member' };

/**
 * Asks to join an organisation. A second request while one is pending returns that one; a
 * member gets `already_member`.
 *
 * @example await membershipRequests.request(tx, { organisationId, userId, message: '', now })
 */
export async function request(
  sql: Queryable,
  options: { organisationId: string; userId: string; message: string; now: Date },
): Promise<RequestOutcome> {
  const [member] = await sql`
    select 1 from memberships where organisation_id = ${options.organisationId} and user_id = ${options.userId}`;
  if (member) return { outcome: 'already_member' };
  const [added]: [MembershipRequest?] = await sql`
    insert into membership_requests as r (organisation_id, user_id, message, created_at)
    values (${options.organisationId}, ${options.userId}, ${options.message.slice(0, 1000)}, ${options.now})
    on conflict (organisation_id, user_id) where status = 'pending' do nothing
    returning ${columns(sql)}`;
  if (added) return { outcome: 'requested', request: added };
  const [pending]: [MembershipRequest?] = await sql`
    select ${columns(sql)} from membership_requests r
    where r.organisation_id = ${options.organisationId} and r.user_id = ${options.userId} and r.status = 'pending'`;
  if (!pending) throw new Error('membership request neither inserted nor pending');
  return { outcome: 'already_pending', request: pending };
}

/** The pending requests to join one organisation, oldest first. */
export async function listPending(
  sql: Queryable,
  options: { organisationId: string },
): Promise<PendingRequest[]> {
  return sql<PendingRequest[]>`
    select ${columns(sql)}, u.display_name, u.email
    from membership_requests r join users u on u.id = r.user_id
    where r.organisation_id = ${options.organisationId} and r.status = 'pending'
    order by r.created_at, r.id`;
}

/** A person's requests still waiting, with the organisation's name. */
export async function listPendingForUser(
  sql: Queryable,
  options: { userId: string },
): Promise<(MembershipRequest & { organisationName: string })[]> {
  return sql<(MembershipRequest & { organisationName: string })[]>`
    select ${columns(sql)}, o.name as organisation_name
    from membership_requests r join organisations o on o.id = r.organisation_id
    where r.user_id = ${options.userId} and r.status = 'pending'
    order by r.created_at desc, r.id`;
}

/**
 * Approves or refuses a pending request of this organisation, once: of two administrators
 * deciding at the same moment, one gets the request back, the other undefined. Approval adds
 * the person as a member in the same statement's transaction (run it inside `sql.begin`).
 */
export async function decide(
  sql: Queryable,
  options: {
    id: string;
    organisationId: string;
    decision: 'approved' | 'refused';
    by: string;
    now: Date;
  },
): Promise<MembershipRequest | undefined> {
  const [decided]: [MembershipRequest?] = await sql`
    update membership_requests r
    set status = ${options.decision}, decided_by = ${options.by}, decided_at = ${options.now}
    where r.id = ${options.id} and r.organisation_id = ${options.organisationId} and r.status = 'pending'
    returning ${columns(sql)}`;
  if (decided && options.decision === 'approved') {
    await sql`
      insert into memberships (user_id, organisation_id, role, created_at)
      values (${decided.userId}, ${decided.organisationId}, 'member', ${options.now})
      on conflict (user_id, organisation_id) do nothing`;
  }
  return decided;
}

/** Withdraws the person's own pending request; false when there is none. */
export async function withdraw(
  sql: Queryable,
  options: { id: string; userId: string; now: Date },
): Promise<boolean> {
  const rows = await sql`
    update membership_requests set status = 'withdrawn', decided_by = ${options.userId}, decided_at = ${options.now}
    where id = ${options.id} and user_id = ${options.userId} and status = 'pending'
    returning id`;
  return rows.length === 1;
}
