// Organisations without duplicates, and verified (issue 20): suggesting the organisations that
// already exist before someone creates one, asking to join one (its administrators approve),
// and platform administrators verifying organisations.
import {
  audit,
  membershipRequests,
  organisations,
  users,
  type OrganisationSuggestion,
  type Queryable,
  type Sql,
} from '@atelier/db';
import type { Actor } from '@atelier/domain';
import { isUuid } from './access.ts';
import { announceInBackground, notifyPeople } from './notifications.ts';

/** What a page shows of an organisation offered as a suggestion. */
export interface SuggestionView {
  id: string;
  name: string;
  kind: OrganisationSuggestion['kind'];
  communeCode: string;
  verified: boolean;
  match: 'siren' | 'name';
  memberCount: number;
}

/**
 * Organisations that look like the one typed (name without accents or case, or the same
 * SIREN), for the creation form, the sign-up's next step and the "join" page.
 *
 * @example await suggestOrganisations(sql, { name: 'acieries de florange', siren: '' })
 */
export async function suggestOrganisations(
  sql: Queryable,
  options: { name: string; siren: string },
): Promise<SuggestionView[]> {
  const siren = options.siren.replace(/[\s.]/g, '');
  const found = await organisations.suggest(sql, {
    name: options.name.trim().slice(0, 200),
    siren: /^[0-9]{9}$/.test(siren) ? siren : null,
  });
  return found.map((organisation) => ({
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    communeCode: organisation.communeCode,
    verified: organisation.verifiedAt !== null,
    match: organisation.match,
    memberCount: organisation.memberCount,
  }));
}

export type JoinOutcome = 'requested' | 'already_pending' | 'already_member' | 'not_found';

/**
 * Asks to join an organisation: a pending request, and a notification (with its e-mail, for
 * those who want it) to each of the organisation's administrators, in one transaction.
 */
export async function requestToJoin(
  sql: Sql,
  options: { userId: string; organisationId: string; message: string; now: Date },
): Promise<JoinOutcome> {
  if (!isUuid(options.organisationId)) return 'not_found';
  const organisation = await organisations.findById(sql, { id: options.organisationId });
  if (!organisation) return 'not_found';
  const { outcome, adminIds } = await sql.begin(async (tx) => {
    const result = await membershipRequests.request(tx, {
      organisationId: organisation.id,
      userId: options.userId,
      message: options.message.trim(),
      now: options.now,
    });
    if (result.outcome !== 'requested') return { outcome: result.outcome, adminIds: [] as string[] };
    const person = await users.findById(tx, { id: options.userId });
    const admins = (await organisations.listMembers(tx, { organisationId: organisation.id }))
      .filter((member) => member.role === 'admin')
      .map((member) => member.userId);
    await notifyPeople(tx, {
      userIds: admins,
      workshopId: null,
      kind: 'membership_requested',
      details: {
        requestId: result.request.id,
        organisationId: organisation.id,
        organisationName: organisation.name,
        requesterName: person?.displayName ?? '',
      },
      now: options.now,
    });
    await audit.record(tx, {
      actorId: options.userId,
      action: 'organisation.join_requested',
      subjectType: 'organisation',
      subjectId: organisation.id,
      details: { requestId: result.request.id },
      now: options.now,
    });
    return { outcome: result.outcome, adminIds: admins };
  });
  announceInBackground(adminIds);
  return outcome;
}

/**
 * An administrator of the organisation approves (the person becomes a member) or refuses a
 * pending request, once; the person is told either way.
 */
export async function decideRequest(
  sql: Sql,
  options: {
    actor: Actor;
    organisationId: string;
    requestId: string;
    decision: 'approved' | 'refused';
    now: Date;
  },
): Promise<'decided' | 'not_found'> {
  if (!isUuid(options.requestId)) return 'not_found';
  const organisation = await organisations.findById(sql, { id: options.organisationId });
  if (!organisation) return 'not_found';
  const decided = await sql.begin(async (tx) => {
    const request = await membershipRequests.decide(tx, {
      id: options.requestId,
      organisationId: organisation.id,
      decision: options.decision,
      by: options.actor.userId,
      now: options.now,
    });
    if (!request) return undefined;
    await notifyPeople(tx, {
      userIds: [request.userId],
      workshopId: null,
      kind: 'membership_decided',
      details: {
        requestId: request.id,
        organisationId: organisation.id,
        organisationName: organisation.name,
        decision: options.decision,
      },
      now: options.now,
    });
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: options.decision === 'approved' ? 'organisation.member_added' : 'organisation.join_refused',
      subjectType: 'organisation',
      subjectId: organisation.id,
      details: { userId: request.userId, requestId: request.id, role: 'member' },
      now: options.now,
    });
    return request;
  });
  if (!decided) return 'not_found';
  announceInBackground([decided.userId]);
  return 'decided';
}

/** A platform administrator verifies an organisation, or withdraws its verification. */
export async function setOrganisationVerified(
  sql: Sql,
  options: { actor: Actor; organisationId: string; verified: boolean; now: Date },
): Promise<boolean> {
  if (!isUuid(options.organisationId)) return false;
  return sql.begin(async (tx) => {
    const changed = await organisations.setVerified(tx, {
      id: options.organisationId,
      verified: options.verified,
      by: options.actor.userId,
      now: options.now,
    });
    if (!changed) return false;
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: options.verified ? 'organisation.verified' : 'organisation.unverified',
      subjectType: 'organisation',
      subjectId: options.organisationId,
      details: {},
      now: options.now,
    });
    return true;
  });
}
