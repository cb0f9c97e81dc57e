// The contributor's side: which calls a person may answer, saving and submitting their
// answers with the checks a submission passes (audience, window, rate, size), withdrawing.
import {
  audit,
  calls,
  contributions,
  organisations,
  workshops,
  type Call,
  type ContributionDetails,
  type Queryable,
  type Sql,
} from '@atelier/db';
import {
  callState,
  mayAnswerCall,
  questionSchema,
  CONTRIBUTION_KINDS,
  type CallState,
  type ContributionKind,
  type OrganisationKind,
  type Question,
} from '@atelier/domain';
import { notifyPeople } from '../notifications.ts';
import { validateValues, type FormValues, type ValueErrors } from '$lib/contributions/payload-form.ts';
import { isUuid } from '../access.ts';

/** At most this many submissions per person per hour. */
export const SUBMISSION_RATE = { count: 20, windowMs: 60 * 60 * 1000 } as const;
/** The largest CSV a contributor may upload. */
export const MAX_CSV_BYTES = 1024 * 1024;

export interface ContributorCall {
  call: Call;
  questions: Question[];
  state: CallState;
  workshopTitle: string;
  /** The person's organisations this call asks. */
  organisations: { id: string; name: string; kind: OrganisationKind }[];
}

/** The questions stored with a call, re-read with the domain schema (defensive: stored JSON). */
export function questionsOf(call: Pick<Call, 'questions'>): Question[] {
  return call.questions.flatMap((question) => {
    const parsed = questionSchema.safeParse(question);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * A call as one person may answer it: undefined when the id is not a call or none of the
 * person's organisations is in its audience (the page answers 404 either way).
 */
export async function contributorCall(
  sql: Queryable,
  options: { userId: string; callId: string; now: Date },
): Promise<ContributorCall | undefined> {
  if (!isUuid(options.callId)) return undefined;
  const call = await calls.find(sql, { id: options.callId });
  if (!call) return undefined;
  const mine = await organisations.listForUser(sql, { userId: options.userId });
  const audience = {
    audienceKinds: call.audienceKinds as OrganisationKind[],
    audienceOrganisationIds: call.audienceOrganisationIds,
    verifiedOnly: call.verifiedOnly,
  };
  const allowed = mine.filter((organisation) =>
    mayAnswerCall(audience, { ...organisation, verified: organisation.verifiedAt !== null }),
  );
  if (allowed.length === 0) return undefined;
  const workshop = await workshops.findById(sql, { id: call.workshopId });
  return {
    call,
    questions: questionsOf(call),
    state: callState(call, options.now),
    workshopTitle: workshop?.title ?? '',
    organisations: allowed.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
    })),
  };
}

export type SaveOutcome =
  | { ok: true; contributionId: string; status: 'draft' | 'submitted' | 'updated' }
  | { ok: false; code: 'invalid'; errors: ValueErrors }
  | {
      ok: false;
      code: 'not_asked' | 'not_member' | 'rate_limited' | 'call_closed' | 'call_not_open' | 'not_editable';
      contributionId?: string;
    };

function isKind(value: string): value is ContributionKind {
  return (CONTRIBUTION_KINDS as readonly string[]).includes(value);
}

/**
 * Saves a contribution (a new draft, or the author's draft or submitted one) and, with
 * `submit`, submits it. A submission refused because the call closed keeps the draft.
 * Facilitators of the workshop are notified of each new submission.
 */
export async function saveContribution(
  sql: Sql,
  options: {
    userId: string;
    target: ContributorCall;
    kind: string;
    organisationId: string;
    contributionId?: string;
    values: FormValues;
    submit: boolean;
    now: Date;
  },
): Promise<SaveOutcome> {
  const { target, now } = options;
  const kind = options.kind;
  if (!isKind(kind) || !target.call.asks.includes(kind)) return { ok: false, code: 'not_asked' };
  if (!target.organisations.some((organisation) => organisation.id === options.organisationId)) {
    return { ok: false, code: 'not_member' };
  }
  const parsed = validateValues(kind, options.values, target.questions);
  if (!parsed.ok) return { ok: false, code: 'invalid', errors: parsed.errors };
  const existing =
    options.contributionId && isUuid(options.contributionId)
      ? await contributions.findById(sql, { id: options.contributionId })
      : undefined;
  const editable =
    existing &&
    existing.authorId === options.userId &&
    existing.callId === target.call.id &&
    existing.kind === kind &&
    (existing.status === 'draft' || existing.status === 'submitted')
      ? existing
      : undefined;
  if (options.contributionId && !editable) return { ok: false, code: 'not_editable' };
  const state = callState(target.call, now);
  // A submitted contribution changes only while its call is open.
  if (editable?.status === 'submitted' && state !== 'open') {
    return {
      ok: false,
      code: state === 'closed' ? 'call_closed' : 'call_not_open',
      contributionId: editable.id,
    };
  }
  if (options.submit && editable?.status !== 'submitted') {
    const recent = await contributions.submittedSince(sql, {
      authorId: options.userId,
      since: new Date(now.getTime() - SUBMISSION_RATE.windowMs),
    });
    if (recent >= SUBMISSION_RATE.count)
      return { ok: false, code: 'rate_limited', contributionId: editable?.id };
  }
  const saved = await contributions.save(sql, {
    id: editable?.id,
    callId: target.call.id,
    workshopId: target.call.workshopId,
    authorId: options.userId,
    organisationId: editable?.organisationId ?? options.organisationId,
    kind,
    payload: parsed.payload,
    now,
  });
  if (!saved) return { ok: false, code: 'not_editable' };
  if (editable?.status === 'submitted') return { ok: true, contributionId: saved.id, status: 'updated' };
  if (!options.submit) return { ok: true, contributionId: saved.id, status: 'draft' };
  const outcome = await contributions.submit(sql, { id: saved.id, authorId: options.userId, now });
  switch (outcome) {
    case 'submitted':
      await afterSubmit(sql, {
        userId: options.userId,
        target,
        contributionId: saved.id,
        kind,
        organisationId: options.organisationId,
        now,
      });
      return { ok: true, contributionId: saved.id, status: 'submitted' };
    case 'call_closed':
    case 'call_not_open':
      return { ok: false, code: outcome, contributionId: saved.id };
    case 'not_found':
    case 'not_editable':
      return { ok: false, code: 'not_editable', contributionId: saved.id };
    default: {
      const unreachable: never = outcome;
      return unreachable;
    }
  }
}

async function afterSubmit(
  sql: Queryable,
  options: {
    userId: string;
    target: ContributorCall;
    contributionId: string;
    kind: ContributionKind;
    organisationId: string;
    now: Date;
  },
): Promise<void> {
  const { target, now } = options;
  const members = await workshops.listMembers(sql, { workshopId: target.call.workshopId });
  const organisation = target.organisations.find((o) => o.id === options.organisationId);
  await notifyPeople(sql, {
    userIds: members.filter((member) => member.role === 'facilitator').map((member) => member.userId),
    workshopId: target.call.workshopId,
    kind: 'contribution_submitted',
    details: {
      contributionId: options.contributionId,
      callId: target.call.id,
      callTitle: target.call.title,
      workshopTitle: target.workshopTitle,
      organisationName: organisation?.name ?? '',
      contributionKind: options.kind,
    },
    now,
  });
  await audit.record(sql, {
    actorId: options.userId,
    action: 'contribution.submitted',
    subjectType: 'workshop',
    subjectId: target.call.workshopId,
    details: {
      contributionId: options.contributionId,
      callId: target.call.id,
      kind: options.kind,
      organisationId: options.organisationId,
    },
    now,
  });
}

/** Withdraws the author's contribution while it is not moderated. */
export async function withdrawContribution(
  sql: Queryable,
  options: { userId: string; contributionId: string; now: Date },
): Promise<boolean> {
  if (!isUuid(options.contributionId)) return false;
  const contribution = await contributions.findById(sql, { id: options.contributionId });
  const withdrawn = await contributions.withdraw(sql, {
    id: options.contributionId,
    authorId: options.userId,
    now: options.now,
  });
  if (withdrawn && contribution) {
    await audit.record(sql, {
      actorId: options.userId,
      action: 'contribution.withdrawn',
      subjectType: 'workshop',
      subjectId: contribution.workshopId,
      details: { contributionId: contribution.id },
      now: options.now,
    });
  }
  return withdrawn;
}

/** What the contribute page shows of a person's own contribution. */
export function ownContribution(contribution: ContributionDetails) {
  return {
    id: contribution.id,
    kind: contribution.kind,
    status: contribution.status,
    organisationName: contribution.organisationName,
    payload: contribution.payload,
    updatedAt: contribution.updatedAt.toISOString(),
    submittedAt: contribution.submittedAt?.toISOString() ?? null,
    rejectionReason: contribution.rejectionReason,
  };
}
