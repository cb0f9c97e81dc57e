// What a contribution carries, per kind, validated with the same field rules as the
// room (the document schema), and what it becomes once accepted: entries merged into
// the workshop's content document with their provenance.
import { z } from 'zod';
import {
  commentSchema,
  needSchema,
  trainingOfferSchema,
  type Comment,
  type Need,
  type TrainingOffer,
} from '../realtime/content-doc.ts';
import type { ContributionKind, Question } from './calls.ts';
import type { NeedMerge } from './duplicates.ts';

/** A need as a contributor writes it: the room's fields, without ids and provenance. */
export const needDraftSchema = needSchema
  .pick({
    romeCode: true,
    title: true,
    skills: true,
    headcount: true,
    horizonMonths: true,
    communeCode: true,
    contract: true,
    difficulty: true,
    crossBorder: true,
    comment: true,
  })
  .strict();
export type NeedDraft = z.output<typeof needDraftSchema>;

export const trainingOfferDraftSchema = trainingOfferSchema
  .pick({
    title: true,
    romeCodes: true,
    seatsPerYear: true,
    durationMonths: true,
    communeCode: true,
    startDate: true,
    description: true,
  })
  .strict();
export type TrainingOfferDraft = z.output<typeof trainingOfferDraftSchema>;

/** The largest number of needs in one contribution. */
export const MAX_NEEDS_PER_CONTRIBUTION = 200;

export const contributionPayloadSchemas = {
  needs: z.object({ needs: z.array(needDraftSchema).min(1).max(MAX_NEEDS_PER_CONTRIBUTION) }).strict(),
  training_offer: z.object({ offer: trainingOfferDraftSchema }).strict(),
  comment: z
    .object({
      actionId: z.string().min(1).max(100),
      text: commentSchema.shape.text.pipe(z.string().trim().min(1)),
    })
    .strict(),
  answers: z
    .object({ answers: z.record(z.string().regex(/^q\d{1,2}$/), z.string().trim().max(5000)) })
    .strict(),
} as const;

export type ContributionPayload = {
  needs: z.output<(typeof contributionPayloadSchemas)['needs']>;
  training_offer: z.output<(typeof contributionPayloadSchemas)['training_offer']>;
  comment: z.output<(typeof contributionPayloadSchemas)['comment']>;
  answers: z.output<(typeof contributionPayloadSchemas)['answers']>;
};

/**
 * Validates a contribution's payload for its kind; for answers, also against the call's
 * questions (every question answered, choices among the options).
 *
 * @returns the payload, or the issues with their path (`needs.2.headcount`) for the form
 */
export function parseContributionPayload<K extends ContributionKind>(
  kind: K,
  payload: unknown,
  questions: readonly Question[] = [],
):
  { ok: true; payload: ContributionPayload[K] } | { ok: false; issues: { path: string; message: string }[] } {
  const parsed = contributionPayloadSchemas[kind].safeParse(payload);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    };
  }
  if (kind === 'answers') {
    const { answers } = parsed.data as ContributionPayload['answers'];
    const issues: { path: string; message: string }[] = [];
    for (const key of Object.keys(answers)) {
      if (!questions.some((question) => question.id === key))
        issues.push({ path: `answers.${key}`, message: 'no such question' });
    }
    for (const question of questions) {
      const answer = answers[question.id] ?? '';
      if (answer === '') issues.push({ path: `answers.${question.id}`, message: 'an answer is required' });
      else if (question.kind === 'choice' && !question.options.includes(answer))
        issues.push({ path: `answers.${question.id}`, message: 'choose one of the options' });
    }
    if (issues.length) return { ok: false, issues };
  }
  return { ok: true, payload: parsed.data as ContributionPayload[K] };
}

export interface MergeEntries {
  needs: Need[];
  comments: Comment[];
  trainingOffers: TrainingOffer[];
  /** Contributed needs merged into existing ones instead of added (duplicates, issue 20). */
  needMerges?: NeedMerge[];
}

/**
 * The entries an accepted contribution adds to the content document. Ids derive from
 * the contribution's id, so merging the same contribution again yields the same
 * entries (and a merge that is retried is recognised).
 *
 * @param options.acceptedBy - the facilitator who accepted it (`createdBy` of the entries)
 * @example contributionEntries({ contribution, acceptedBy, now }).needs.length
 */
export function contributionEntries(options: {
  contribution: {
    id: string;
    kind: ContributionKind;
    payload: unknown;
    organisationId: string;
    authorId: string;
  };
  acceptedBy: string;
  now: Date;
  /** Needs (by index) to merge into existing needs of the document (by id) rather than add. */
  mergeInto?: ReadonlyMap<number, string>;
}): MergeEntries {
  const { contribution } = options;
  const provenance = {
    organisationId: contribution.organisationId,
    contributionId: contribution.id,
    contributorId: contribution.authorId,
    createdBy: options.acceptedBy,
    updatedAt: options.now.toISOString(),
  };
  const entries: MergeEntries = { needs: [], comments: [], trainingOffers: [] };
  switch (contribution.kind) {
    case 'needs': {
      const payload = contributionPayloadSchemas.needs.parse(contribution.payload);
      const merges: NeedMerge[] = [];
      payload.needs.forEach((need, index) => {
        const entryId = `${contribution.id}-${index + 1}`;
        const into = options.mergeInto?.get(index);
        if (into === undefined) {
          entries.needs.push(needSchema.parse({ ...need, id: entryId, ...provenance }));
          return;
        }
        merges.push({
          needId: into,
          merged: {
            entryId,
            contributionId: contribution.id,
            contributorId: contribution.authorId,
            organisationId: contribution.organisationId,
            title: need.title,
            headcount: need.headcount,
            mergedBy: options.acceptedBy,
            mergedAt: options.now.toISOString(),
          },
        });
      });
      if (merges.length > 0) entries.needMerges = merges;
      break;
    }
    case 'training_offer': {
      const { offer } = contributionPayloadSchemas.training_offer.parse(contribution.payload);
      entries.trainingOffers = [
        trainingOfferSchema.parse({ ...offer, id: `${contribution.id}-1`, ...provenance }),
      ];
      break;
    }
    case 'comment': {
      const payload = contributionPayloadSchemas.comment.parse(contribution.payload);
      entries.comments = [
        commentSchema.parse({
          id: `${contribution.id}-1`,
          targetType: 'action',
          targetId: payload.actionId,
          text: payload.text,
          ...provenance,
        }),
      ];
      break;
    }
    case 'answers':
      // Questionnaire answers stay with the contribution (moderation, exports): nothing to merge.
      break;
    default: {
      const unreachable: never = contribution.kind;
      return unreachable;
    }
  }
  return entries;
}
