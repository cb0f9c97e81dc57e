// Delete with undo: the removed entry is kept and re-inserted where it was. A Y.UndoManager
// would restore the original Y.Map as it was, but the server checks a participant's re-insert
// as any add (`createdBy`, `committedBy`, `commitRequestedBy` must be the writer), so the
// caller may rewrite those fields before the entry goes back.
import type { ArrayCollection } from '@atelier/domain';
import * as Y from 'yjs';

/** A removed entry and how to put it back. */
export interface Removed<T> {
  entry: T;
  index: number;
  /**
   * Re-inserts the entry at its former place (or the end), validated by the schema.
   *
   * @param options.rewrite - changes the entry needs to be the writer's add (participants)
   */
  restore(options: { now: Date; rewrite?: (entry: T) => T }): void;
}

/**
 * Removes a valid entry by id and returns what undoes it.
 *
 * @example const removed = removeWithUndo({ doc, collection: needs, id }); removed?.restore({ now: new Date() })
 */
export function removeWithUndo<T extends { id: string; createdBy: string; updatedAt: string }>(options: {
  doc: Y.Doc;
  collection: ArrayCollection<T>;
  id: string;
}): Removed<T> | undefined {
  const { doc, collection, id } = options;
  const array = doc.getArray<unknown>(collection.name);
  const index = array.toArray().findIndex((item) => item instanceof Y.Map && item.get('id') === id);
  const entry = collection.find(doc, id);
  if (index < 0 || !entry) return undefined;
  array.delete(index, 1);
  return {
    entry,
    index,
    restore({ now, rewrite }) {
      const entryNow = { ...(rewrite ? rewrite(entry) : entry), updatedAt: now.toISOString() };
      const valid = collection.schema.parse(entryNow) as Record<string, unknown>;
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(valid)) if (value !== undefined) map.set(key, value);
      array.insert(Math.min(index, array.length), [map]);
    },
  };
}
