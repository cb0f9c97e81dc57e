// Delete with undo: the removed entry is kept and re-inserted where it was. A Y.UndoManager
// would restore the original Y.Map, but the server requires `createdBy` to be the writer on
// every add by a participant, so a participant's undo re-creates the entry in their name.
import type { ArrayCollection } from '@atelier/domain';
import * as Y from 'yjs';

/** A removed entry and how to put it back. */
export interface Removed<T> {
  entry: T;
  index: number;
  /**
   * Re-inserts the entry at its former place (or the end), validated by the schema.
   *
   * @param options.createdBy - the writer, when the server requires it (participants)
   */
  restore(options: { createdBy?: string | undefined; now: Date }): void;
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
    restore({ createdBy, now }) {
      const valid = collection.schema.parse({
        ...entry,
        createdBy: createdBy ?? entry.createdBy,
        updatedAt: now.toISOString(),
      }) as Record<string, unknown>;
      const map = new Y.Map<unknown>();
      for (const [key, value] of Object.entries(valid)) if (value !== undefined) map.set(key, value);
      array.insert(Math.min(index, array.length), [map]);
    },
  };
}
