// Edits of the content document's ideas that the typed collection does not offer.
import { ideas } from '@atelier/domain';
import * as Y from 'yjs';

function ideaMaps(doc: Y.Doc): Y.Map<unknown>[] {
  return doc
    .getArray<Y.Map<unknown>>(ideas.name)
    .toArray()
    .filter((item) => item instanceof Y.Map);
}

/**
 * Groups idea cards: each gets the first card's id as `groupId` (a facilitator's write).
 *
 * @example groupIdeas(doc, ['a', 'b', 'c']) // all three get groupId 'a'
 */
export function groupIdeas(doc: Y.Doc, ids: readonly string[], updatedAt: string): void {
  const [first] = ids;
  if (first === undefined || ids.length < 2) return;
  const maps = ideaMaps(doc);
  doc.transact(() => {
    for (const map of maps) {
      if (!ids.includes(map.get('id') as string)) continue;
      map.set('groupId', first);
      map.set('updatedAt', updatedAt);
    }
  });
}

/** Takes cards out of their group (removes `groupId`; a facilitator's write). */
export function ungroupIdeas(doc: Y.Doc, ids: readonly string[], updatedAt: string): void {
  const maps = ideaMaps(doc);
  doc.transact(() => {
    for (const map of maps) {
      if (!ids.includes(map.get('id') as string) || !map.has('groupId')) continue;
      map.delete('groupId');
      map.set('updatedAt', updatedAt);
    }
  });
}
