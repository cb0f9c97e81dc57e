// Differences between a saved version of the content document and the document now,
// per row of each collection: what was added, modified (which fields) or deleted since.
import * as Y from 'yjs';

/** The collections a saved version shows as tables. */
export const VERSION_COLLECTIONS = ['needs', 'roadmap', 'ideas'] as const;
export type VersionCollection = (typeof VERSION_COLLECTIONS)[number];

/** One entry as plain fields (valid or not: a version shows what was there). */
export type Entry = Record<string, unknown> & { id: string };

export type RowStatus = 'unchanged' | 'added' | 'modified' | 'deleted';

/** One row of a version's table and what happened to it since. */
export interface RowChange {
  id: string;
  status: RowStatus;
  /** Fields whose value differs now (for `modified`), in the entry's order. */
  fields: string[];
  /** The entry in the version (absent for `added`). */
  then?: Entry;
  /** The entry now (absent for `deleted`). */
  now?: Entry;
}

/** Bookkeeping fields that change with any edit and say nothing on their own. */
const IGNORED_FIELDS: ReadonlySet<string> = new Set(['id', 'updatedAt']);

/**
 * The entries of a `Y.Array<Y.Map>` collection that have a string id, in document order.
 *
 * @example entriesOf({ doc, collection: 'needs' })
 */
export function entriesOf(options: { doc: Y.Doc; collection: VersionCollection }): Entry[] {
  return options.doc
    .getArray<unknown>(options.collection)
    .toArray()
    .flatMap((item) => {
      if (!(item instanceof Y.Map)) return [];
      const fields = item.toJSON() as Record<string, unknown>;
      return typeof fields.id === 'string' ? [fields as Entry] : [];
    });
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Compares the entries of a version with the entries now: the version's rows in their
 * order (unchanged, modified with the fields that differ, or deleted since), then the
 * rows added since, in their current order.
 *
 * @example diffEntries({ then: [a], now: [{ ...a, headcount: 6 }, b] }) // [modified ['headcount'], added]
 */
export function diffEntries(options: { then: Entry[]; now: Entry[] }): RowChange[] {
  const current = new Map(options.now.map((entry) => [entry.id, entry]));
  const seen = new Set<string>();
  const rows: RowChange[] = [];
  for (const then of options.then) {
    if (seen.has(then.id)) continue;
    seen.add(then.id);
    const now = current.get(then.id);
    if (!now) {
      rows.push({ id: then.id, status: 'deleted', fields: [], then });
      continue;
    }
    const keys = [...new Set([...Object.keys(then), ...Object.keys(now)])];
    const fields = keys.filter((key) => !IGNORED_FIELDS.has(key) && !same(then[key], now[key]));
    rows.push({ id: then.id, status: fields.length > 0 ? 'modified' : 'unchanged', fields, then, now });
  }
  for (const now of options.now) {
    if (seen.has(now.id)) continue;
    seen.add(now.id);
    rows.push({ id: now.id, status: 'added', fields: [], now });
  }
  return rows;
}
