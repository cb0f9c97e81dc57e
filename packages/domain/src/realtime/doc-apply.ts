import type * as Y from 'yjs';
import { z } from 'zod';
import { withMergedContribution } from '../contributions/duplicates.ts';
import type { MergeEntries } from '../contributions/payloads.ts';
import {
  commentSchema,
  comments,
  mergedContributionSchema,
  needSchema,
  needs,
  trainingOfferSchema,
  trainingOffers,
} from './content-doc.ts';

/**
 * The realtime server's internal endpoint through which the web server changes a workshop's
 * documents (`POST`, `Authorization: Bearer <REALTIME_INTERNAL_TOKEN>`): the realtime service
 * owns the documents, so the web server never speaks the Yjs protocol nor writes the update
 * log. The change is applied on the live document like any edit: checked against the
 * document's schema and the actor's write rules, stored, then sent to every connection and
 * every instance.
 */
export const INTERNAL_DOCS_APPLY_PATH = '/internal/docs/apply';

/** Entries of one list at most (a contribution holds far fewer). */
const MAX_ENTRIES = 500;

/** What an accepted contribution adds to the content document (see `contributionEntries`). */
export const mergeEntriesSchema = z
  .object({
    needs: z.array(needSchema).max(MAX_ENTRIES),
    comments: z.array(commentSchema).max(MAX_ENTRIES),
    trainingOffers: z.array(trainingOfferSchema).max(MAX_ENTRIES),
    needMerges: z
      .array(z.object({ needId: z.string().min(1).max(100), merged: mergedContributionSchema }).strict())
      .max(MAX_ENTRIES)
      .optional(),
  })
  .strict();

/** A whole document as one Yjs update (`Y.encodeStateAsUpdate`), base64. */
const stateSchema = z.base64().max(48 * 1024 * 1024);

/**
 * A change to a workshop's documents, made in the name of `actorId` (whose seat the write
 * rules read):
 *
 * - `merge`: an accepted contribution's entries added to the content document (entries
 *   already there are skipped, so a retried merge adds nothing); a need to merge into that
 *   is no longer there fails the whole merge (`target_gone`);
 * - `initial`: a new workshop's first state (both documents, e.g. from an open-data
 *   bundle), taken only while both documents are still empty (`not_empty` otherwise);
 * - `restore`: a saved version of the workshop (`document_versions`, read by the realtime
 *   service itself) made the state of both live documents, entry by entry (`restoreDocument`).
 */
export const docChangeRequestSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('merge'),
      workshopId: z.uuid(),
      actorId: z.uuid(),
      entries: mergeEntriesSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('initial'),
      workshopId: z.uuid(),
      actorId: z.uuid(),
      content: stateSchema,
      facilitation: stateSchema,
    })
    .strict(),
  z
    .object({
      kind: z.literal('restore'),
      workshopId: z.uuid(),
      actorId: z.uuid(),
      versionId: z.uuid(),
    })
    .strict(),
]);
export type DocChangeRequest = z.output<typeof docChangeRequestSchema>;

/**
 * The answer: `applied` with how many entries a merge added or a restore changed (HTTP 200), or
 * why nothing was applied — `not_found` (no such workshop or version, 404), `forbidden` (the actor may not write it, 403),
 * `target_gone` and `not_empty` (409), `invalid` (refused by the document's schema, 422),
 * `too_large` (413), `unavailable` (storage failed, 503).
 */
export type DocChangeResponse =
  | { status: 'applied'; added: number }
  | {
      status:
        'not_found' | 'forbidden' | 'target_gone' | 'not_empty' | 'invalid' | 'too_large' | 'unavailable';
    };

/**
 * Adds a contribution's entries to a content document in one transaction. Entries whose id is
 * already there are skipped; a need to merge into that is gone fails the merge, adding nothing.
 *
 * @example applyMergeEntries(doc, contributionEntries({ contribution, acceptedBy, now })) // { ok: true, added: 3 }
 */
export function applyMergeEntries(
  doc: Y.Doc,
  entries: MergeEntries,
): { ok: true; added: number } | { ok: false; reason: 'target_gone' } {
  for (const merge of entries.needMerges ?? []) {
    if (!needs.find(doc, merge.needId)) return { ok: false, reason: 'target_gone' };
  }
  let added = 0;
  doc.transact(() => {
    for (const merge of entries.needMerges ?? []) {
      const need = needs.find(doc, merge.needId);
      if (!need || need.mergedContributions?.some((m) => m.entryId === merge.merged.entryId)) continue;
      needs.update(doc, merge.needId, {
        mergedContributions: withMergedContribution(need, merge.merged),
        updatedAt: merge.merged.mergedAt,
        updatedBy: merge.merged.mergedBy,
      });
      added += 1;
    }
    for (const entry of entries.needs) {
      if (needs.find(doc, entry.id)) continue;
      needs.add(doc, entry);
      added += 1;
    }
    for (const entry of entries.comments) {
      if (comments.find(doc, entry.id)) continue;
      comments.add(doc, entry);
      added += 1;
    }
    for (const entry of entries.trainingOffers) {
      if (trainingOffers.find(doc, entry.id)) continue;
      trainingOffers.add(doc, entry);
      added += 1;
    }
  });
  return { ok: true, added };
}

/** Whether every entry of a merge is in the document (its read-back). */
export function mergeEntriesPresent(doc: Y.Doc, entries: MergeEntries): boolean {
  return (
    entries.needs.every((entry) => needs.find(doc, entry.id) !== undefined) &&
    entries.comments.every((entry) => comments.find(doc, entry.id) !== undefined) &&
    entries.trainingOffers.every((entry) => trainingOffers.find(doc, entry.id) !== undefined) &&
    (entries.needMerges ?? []).every((merge) =>
      needs
        .find(doc, merge.needId)
        ?.mergedContributions?.some((merged) => merged.entryId === merge.merged.entryId),
    )
  );
}
