// Duplicates at moderation (issue 20, item 7): a contributed need close to one the workshop
// already has — same organisation, occupation and commune, a similar title — is shown beside it,
// and the facilitator may merge it into that need instead of adding a second line. The merged
// need keeps its own provenance and records the contribution's (`mergedContributions`).
import type { MergedContribution, Need } from '../realtime/content-doc.ts';
import type { NeedDraft } from './payloads.ts';

/** A contributed need (its index in the contribution) and an existing need it repeats. */
export interface NeedDuplicate {
  index: number;
  need: Need;
  /** How alike the titles are, 0 to 1 (1: the same words). */
  similarity: number;
}

/** A contributed need merged into an existing one: the need and the provenance it records. */
export interface NeedMerge {
  needId: string;
  merged: MergedContribution;
}

// Words that say nothing about the job ("Soudeurs sur acier" ~ "Soudeur acier").
const STOP_WORDS = new Set([
  'de',
  'des',
  'du',
  'la',
  'le',
  'les',
  'en',
  'et',
  'sur',
  'pour',
  'a',
  'au',
  'aux',
  'd',
  'l',
  'un',
  'une',
  'the',
  'of',
  'and',
  'for',
]);

/** A title's words: folded, without stop words, plurals reduced ("Soudeurs" ~ "soudeur"). */
export function titleWords(title: string): Set<string> {
  return new Set(
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((word) => word && !STOP_WORDS.has(word))
      .map((word) => (word.length > 3 ? word.replace(/(s|x)$/, '') : word)),
  );
}

/**
 * How alike two titles are: shared words over all words (Jaccard), or 1 when every word of one
 * is in the other ("Soudeurs TIG" and "Soudeurs TIG/MIG sur acier").
 *
 * @example titleSimilarity('Soudeurs TIG', 'Soudeur TIG sur acier') // 1
 */
export function titleSimilarity(a: string, b: string): number {
  const left = titleWords(a);
  const right = titleWords(b);
  if (left.size === 0 || right.size === 0) return left.size === right.size ? 1 : 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  if (shared === left.size || shared === right.size) return 1;
  return shared / (left.size + right.size - shared);
}

/** Titles at least this alike are "similar". */
export const SIMILAR_TITLE = 0.5;

/**
 * The existing needs each contributed need repeats: same organisation, same ROME fiche, same
 * commune and a similar title; most alike first.
 *
 * @param options.organisationId - the contribution's organisation
 * @example findDuplicateNeeds({ organisationId, drafts: payload.needs, existing: needs.read(doc) })
 */
export function findDuplicateNeeds(options: {
  organisationId: string;
  drafts: readonly NeedDraft[];
  existing: readonly Need[];
}): NeedDuplicate[] {
  const found: NeedDuplicate[] = [];
  options.drafts.forEach((draft, index) => {
    for (const need of options.existing) {
      if (
        need.organisationId !== options.organisationId ||
        need.romeCode !== draft.romeCode ||
        need.communeCode !== draft.communeCode
      )
        continue;
      const similarity = titleSimilarity(draft.title, need.title);
      if (similarity >= SIMILAR_TITLE) found.push({ index, need, similarity });
    }
  });
  return found.sort((a, b) => a.index - b.index || b.similarity - a.similarity);
}

/**
 * What merging a contributed need into an existing one writes: the existing need's list of
 * merged contributions with this one added (once: a retried merge adds nothing).
 */
export function withMergedContribution(need: Need, merged: MergedContribution): MergedContribution[] {
  const already = need.mergedContributions ?? [];
  return already.some((entry) => entry.entryId === merged.entryId) ? already : [...already, merged];
}
