// What a contribution would change once accepted, as the moderation queue shows it.
import type { ContributionDetails } from '@atelier/db';
import { contributionEntries, findRomeOccupation, type Question } from '@atelier/domain';
import { communeLabel } from '$lib/territory/communes.ts';

export type Preview =
  | {
      kind: 'needs';
      needs: {
        id: string;
        romeCode: string;
        occupation: string;
        title: string;
        headcount: number;
        horizonMonths: number;
        commune: string;
        contract: string;
        difficulty: number;
        crossBorder: boolean;
        skills: string;
        comment: string;
      }[];
    }
  | {
      kind: 'training_offer';
      offer: {
        title: string;
        romeCodes: string;
        seatsPerYear: number;
        durationMonths: number;
        commune: string;
        startDate: string;
        description: string;
      };
    }
  | { kind: 'comment'; actionId: string; actionTitle: string; text: string }
  | { kind: 'answers'; answers: { question: string; answer: string }[] }
  | { kind: 'invalid' };

/**
 * The entries a contribution would add (`contributionEntries`), or its answers; `invalid`
 * when its payload no longer passes the schema (it can then only be rejected or edited).
 */
export function previewOf(options: {
  contribution: ContributionDetails;
  questions: readonly Question[];
  actions: readonly { id: string; title: string }[];
  moderatorId: string;
}): Preview {
  const { contribution } = options;
  if (contribution.kind === 'answers') {
    const answers = ((contribution.payload ?? {}) as { answers?: Record<string, string> }).answers ?? {};
    return {
      kind: 'answers',
      answers: Object.entries(answers).map(([id, answer]) => ({
        question: options.questions.find((question) => question.id === id)?.label ?? id,
        answer,
      })),
    };
  }
  let entries;
  try {
    entries = contributionEntries({
      contribution: {
        id: contribution.id,
        kind: contribution.kind,
        payload: contribution.payload,
        organisationId: contribution.organisationId,
        authorId: contribution.authorId ?? options.moderatorId,
      },
      acceptedBy: options.moderatorId,
      now: new Date(),
    });
  } catch {
    return { kind: 'invalid' };
  }
  switch (contribution.kind) {
    case 'needs':
      return {
        kind: 'needs',
        needs: entries.needs.map((need) => ({
          id: need.id,
          romeCode: need.romeCode,
          occupation: findRomeOccupation(need.romeCode)?.label ?? '',
          title: need.title,
          headcount: need.headcount,
          horizonMonths: need.horizonMonths,
          commune: communeLabel(need.communeCode),
          contract: need.contract,
          difficulty: need.difficulty,
          crossBorder: need.crossBorder,
          skills: need.skills.join(', '),
          comment: need.comment,
        })),
      };
    case 'training_offer': {
      const offer = entries.trainingOffers[0];
      if (!offer) return { kind: 'invalid' };
      return {
        kind: 'training_offer',
        offer: {
          title: offer.title,
          romeCodes: offer.romeCodes.join(', '),
          seatsPerYear: offer.seatsPerYear,
          durationMonths: offer.durationMonths,
          commune: communeLabel(offer.communeCode),
          startDate: offer.startDate ?? '',
          description: offer.description,
        },
      };
    }
    case 'comment': {
      const comment = entries.comments[0];
      if (!comment) return { kind: 'invalid' };
      return {
        kind: 'comment',
        actionId: comment.targetId,
        actionTitle:
          options.actions.find((action) => action.id === comment.targetId)?.title ?? comment.targetId,
        text: comment.text,
      };
    }
    default:
      return { kind: 'invalid' };
  }
}
