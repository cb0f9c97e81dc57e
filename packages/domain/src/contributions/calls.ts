// Calls for contributions: what a facilitator asks between two live sessions, of whom,
// and when. Pure rules shared by the web forms, the server and the tests.
import { z } from 'zod';
import { organisationKindSchema, type OrganisationKind } from '../workshop/organisation-kind.ts';

/** What a call may ask for; each answer is one contribution of that kind. */
export const CONTRIBUTION_KINDS = ['needs', 'training_offer', 'comment', 'answers'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];

export const CONTRIBUTION_STATUSES = ['draft', 'submitted', 'accepted', 'rejected', 'withdrawn'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);

/** One question of a call's short questionnaire. */
export const questionSchema = z
  .object({
    id: z.string().regex(/^q\d{1,2}$/, 'q1 … q20'),
    label: trimmed(1, 500),
    kind: z.enum(['text', 'choice']),
    /** The choices of a `choice` question. */
    options: z.array(trimmed(1, 200)).max(20).default([]),
  })
  .strict()
  .refine((question) => question.kind === 'text' || question.options.length >= 2, {
    message: 'a choice question needs at least two options',
    path: ['options'],
  });
export type Question = z.output<typeof questionSchema>;

/** A call as the facilitator writes it (the form, the API). */
export const callInputSchema = z
  .object({
    title: trimmed(1, 200),
    text: z.string().trim().max(5000).default(''),
    asks: z
      .array(z.enum(CONTRIBUTION_KINDS))
      .min(1, 'ask for at least one kind of contribution')
      .refine((asks) => new Set(asks).size === asks.length, 'each kind once'),
    /** Organisation kinds that may answer (empty: none by kind). */
    audienceKinds: z.array(organisationKindSchema).max(10).default([]),
    /** Named organisations that may answer, in addition to the kinds. */
    audienceOrganisationIds: z.array(z.uuid()).max(500).default([]),
    /** Only organisations a platform administrator verified may read and answer it (issue 20). */
    verifiedOnly: z.boolean().default(false),
    opensAt: z.coerce.date(),
    closesAt: z.coerce.date(),
    questions: z.array(questionSchema).max(20).default([]),
  })
  .strict()
  .superRefine((call, context) => {
    if (call.closesAt.getTime() <= call.opensAt.getTime()) {
      context.addIssue({ code: 'custom', path: ['closesAt'], message: 'the call must close after it opens' });
    }
    if (call.audienceKinds.length === 0 && call.audienceOrganisationIds.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['audienceKinds'],
        message: 'name at least one kind of organisation or one organisation',
      });
    }
    if (call.asks.includes('answers') && call.questions.length === 0) {
      context.addIssue({ code: 'custom', path: ['questions'], message: 'a questionnaire needs a question' });
    }
    const ids = call.questions.map((question) => question.id);
    if (new Set(ids).size !== ids.length) {
      context.addIssue({ code: 'custom', path: ['questions'], message: 'question ids must differ' });
    }
  });
export type CallInput = z.output<typeof callInputSchema>;

export interface CallWindow {
  opensAt: Date;
  closesAt: Date;
}

export type CallState = 'scheduled' | 'open' | 'closed';

/**
 * Where a call stands at a moment: it accepts contributions from `opensAt` (included)
 * to `closesAt` (excluded).
 *
 * @example callState({ opensAt, closesAt }, new Date()) // 'open'
 */
export function callState(call: CallWindow, now: Date): CallState {
  if (now.getTime() < call.opensAt.getTime()) return 'scheduled';
  if (now.getTime() >= call.closesAt.getTime()) return 'closed';
  return 'open';
}

/**
 * Whether an organisation is among those a call asks: by its kind or by name, and verified by
 * a platform administrator when the call is limited to verified organisations.
 *
 * @example mayAnswerCall({ audienceKinds: ['company'], audienceOrganisationIds: [], verifiedOnly: true }, { id, kind: 'company', verified: false }) // false
 */
export function mayAnswerCall(
  call: {
    audienceKinds: readonly OrganisationKind[];
    audienceOrganisationIds: readonly string[];
    verifiedOnly?: boolean;
  },
  organisation: { id: string; kind: OrganisationKind; verified?: boolean },
): boolean {
  if (call.verifiedOnly && !organisation.verified) return false;
  return (
    call.audienceKinds.includes(organisation.kind) || call.audienceOrganisationIds.includes(organisation.id)
  );
}
