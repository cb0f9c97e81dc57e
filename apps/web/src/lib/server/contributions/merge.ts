// Merges an accepted contribution's entries into a workshop's live content document. The
// realtime service owns the documents: the web server asks it (`POST /internal/docs/apply`),
// and it applies the entries on the live room in the name of the accepting facilitator (their
// seat's write rules), stores them, sends them to every connection of every instance, and
// reads them back before answering.
import type { MergeEntries } from '@atelier/domain';
import { RealtimeRequestError, requestDocChange } from '../realtime-internal.ts';

export class MergeError extends Error {
  override name = 'MergeError';
}

function ids(entries: MergeEntries): string[] {
  return [
    ...[...entries.needs, ...entries.comments, ...entries.trainingOffers].map((entry) => entry.id),
    ...(entries.needMerges ?? []).map((merge) => merge.merged.entryId),
  ];
}

/**
 * Adds a contribution's entries to `<workshopId>/content` in one Yjs transaction on the live
 * room; the realtime server answers once they are stored and read back. Entries whose id is
 * already in the document are skipped, so a retried merge adds nothing twice. A need to merge
 * into that is gone (deleted since the page showed it) fails the merge: nothing is added.
 *
 * @param options.actorId - the accepting facilitator (the realtime server checks their seat)
 * @returns how many entries were added (0 when all were already there)
 * @throws MergeError when the realtime server refuses, does not answer, or a target is gone
 */
export async function mergeIntoContent(options: {
  workshopId: string;
  actorId: string;
  entries: MergeEntries;
  timeoutMs?: number;
}): Promise<{ added: number }> {
  const { entries } = options;
  if (ids(entries).length === 0) return { added: 0 };
  let answer;
  try {
    answer = await requestDocChange({
      request: { kind: 'merge', workshopId: options.workshopId, actorId: options.actorId, entries },
      timeoutMs: options.timeoutMs,
    });
  } catch (error) {
    if (error instanceof RealtimeRequestError) throw new MergeError(error.message, { cause: error });
    throw error;
  }
  if (answer.status === 'target_gone') throw new MergeError('a need to merge into is no longer there');
  if (answer.status !== 'applied') throw new MergeError(`the realtime server refused (${answer.status})`);
  return { added: answer.added };
}
