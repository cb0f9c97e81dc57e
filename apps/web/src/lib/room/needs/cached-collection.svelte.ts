// Rows of a `Y.Array<Y.Map>` collection, parsed once per entry: a remote edit of one field
// re-parses that entry only, and every other row keeps its object identity, so a keyed
// `{#each}` leaves their DOM alone. `collectionView` (live.svelte.ts) re-parses every entry
// on each change, which costs several milliseconds with 500 needs.
import type { ArrayCollection } from '@atelier/domain';
import * as Y from 'yjs';

/** One entry as a row: its valid value, or its raw fields when it is invalid. */
export type CachedRow<T> =
  | { key: string; valid: true; value: T; map: Y.Map<unknown> }
  | { key: string; valid: false; raw: Record<string, unknown>; issues: string[]; map: Y.Map<unknown> | null };

let nextKey = 0;

const markedDocs = new WeakSet<Y.Doc>();

/**
 * On the benchmark page only (`tests/bench/room-render.ts` sets `window.atelierBench`):
 * marks the start of each remote transaction in the Performance timeline, before the
 * update is decoded, so the measure covers decoding, parsing and rendering.
 */
function markRemoteTransactions(doc: Y.Doc): void {
  if (typeof window === 'undefined' || !('atelierBench' in window) || markedDocs.has(doc)) return;
  markedDocs.add(doc);
  doc.on('beforeTransaction', (transaction: Y.Transaction) => {
    if (!transaction.local) performance.mark('atelier:remote-update');
  });
}

/**
 * A reactive, cached view of a collection: `rows` changes identity on every change to the
 * array, and a row object changes only when its entry changed.
 *
 * @example const view = new CachedCollection(room.content, needs); view.rows.filter((row) => row.valid)
 */
export class CachedCollection<T extends { id: string }> {
  rows = $state.raw<CachedRow<T>[]>([]);
  #array: Y.Array<unknown>;
  #schema: ArrayCollection<T>['schema'];
  #cache = new WeakMap<object, CachedRow<T>>();
  #keys = new WeakMap<object, string>();
  #observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) this.#invalidate(event.target);
    this.#refresh();
  };

  constructor(doc: Y.Doc, collection: ArrayCollection<T>) {
    this.#array = doc.getArray<unknown>(collection.name);
    this.#schema = collection.schema;
    this.#refresh();
    this.#array.observeDeep(this.#observer);
    markRemoteTransactions(doc);
  }

  destroy(): void {
    this.#array.unobserveDeep(this.#observer);
  }

  /** The entry (a child of the array) that holds a changed type, and forgets its parsed row. */
  #invalidate(target: Y.AbstractType<unknown>): void {
    let type: Y.AbstractType<unknown> | null = target;
    while (type && type.parent !== this.#array) type = type.parent as Y.AbstractType<unknown> | null;
    if (type) this.#cache.delete(type);
  }

  #keyOf(item: object): string {
    let key = this.#keys.get(item);
    if (key === undefined) {
      key = `r${++nextKey}`;
      this.#keys.set(item, key);
    }
    return key;
  }

  #parse(item: unknown): CachedRow<T> {
    if (!(item instanceof Y.Map)) {
      return { key: `x${++nextKey}`, valid: false, raw: {}, issues: ['entry'], map: null };
    }
    const key = this.#keyOf(item);
    const raw = item.toJSON() as Record<string, unknown>;
    const parsed = this.#schema.safeParse(raw);
    if (parsed.success) return { key, valid: true, value: parsed.data as T, map: item };
    const issues = parsed.error.issues
      .map((issue) => String(issue.path[0] ?? 'entry'))
      .filter((field, index, all) => all.indexOf(field) === index);
    return { key, valid: false, raw, issues, map: item };
  }

  #refresh(): void {
    this.rows = this.#array.toArray().map((item) => {
      if (typeof item !== 'object' || item === null) return this.#parse(item);
      let row = this.#cache.get(item);
      if (!row) {
        row = this.#parse(item);
        this.#cache.set(item, row);
      }
      return row;
    });
  }
}
