// Duplicates at moderation (issue 20, item 7), as the queue shows them: each contributed need
// beside the existing need it repeats, and the facilitator's choice posted back per need.
import type { ContributionDetails } from '@atelier/db';
import {
  findDuplicateNeeds,
  findRomeOccupation,
  parseContributionPayload,
  type Need,
  type NeedDraft,
} from '@atelier/domain';
import { communeLabel } from '$lib/territory/communes.ts';

interface NeedSide {
  title: string;
  occupation: string;
  commune: string;
  headcount: number;
  horizonMonths: number;
  contract: string;
}

export interface DuplicateView {
  /** The contributed need's index in its contribution. */
  index: number;
  similarity: number;
  contributed: NeedSide;
  existing: NeedSide & {
    id: string;
    /** Where the existing need comes from: typed in the room, or an earlier contribution. */
    fromContribution: boolean;
    mergedCount: number;
  };
}

const side = (need: NeedDraft | Need): NeedSide => ({
  title: need.title,
  occupation: `${need.romeCode} — ${findRomeOccupation(need.romeCode)?.label ?? ''}`,
  commune: communeLabel(need.communeCode),
  headcount: need.headcount,
  horizonMonths: need.horizonMonths,
  contract: need.contract,
});

/** The needs of a submitted contribution that repeat needs of the workshop, each beside its twin. */
export function duplicatesOf(options: {
  contribution: Pick<ContributionDetails, 'kind' | 'payload' | 'organisationId'>;
  existing: readonly Need[];
}): DuplicateView[] {
  const { contribution } = options;
  if (contribution.kind !== 'needs') return [];
  const parsed = parseContributionPayload('needs', contribution.payload);
  if (!parsed.ok) return [];
  return findDuplicateNeeds({
    organisationId: contribution.organisationId,
    drafts: parsed.payload.needs,
    existing: options.existing,
  }).map((duplicate) => ({
    index: duplicate.index,
    similarity: Math.round(duplicate.similarity * 100) / 100,
    contributed: side(parsed.payload.needs[duplicate.index]!),
    existing: {
      ...side(duplicate.need),
      id: duplicate.need.id,
      fromContribution: duplicate.need.contributionId !== undefined,
      mergedCount: duplicate.need.mergedContributions?.length ?? 0,
    },
  }));
}

/** The merges a facilitator chose: fields `merge.<index>` naming an existing need's id. */
export function mergeChoices(form: FormData): Map<number, string> {
  const choices = new Map<number, string>();
  for (const [key, value] of form) {
    const index = /^merge\.(\d{1,3})$/.exec(key)?.[1];
    if (index !== undefined && typeof value === 'string' && value !== '' && value.length <= 100) {
      choices.set(Number(index), value);
    }
  }
  return choices;
}
