// Reactive views over Yjs: a section reads a view in its template and re-renders when the
// observed shared type changes (local or remote), and only then.
//
// A collection (`Y.Array<Y.Map>`) is read through `CachedCollection`, parsed once per entry:
// a remote edit of one field re-parses that entry only, and every other row keeps its object
// identity, so a keyed `{#each}` leaves their DOM alone (re-parsing every entry on each change
// cost several milliseconds with 500 needs, in every mounted section).
import type { ArrayCollection, MapCollection } from '@atelier/domain';
import * as Y from 'yjs';

// Y.AbstractType is generic over its event type; any shared type may be observed deeply.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SharedType = Y.AbstractType<any>;

/** A value computed from a shared type, recomputed after each change to it (deep). */
export class YView<T> {
  #value = $state.raw<T>() as T;
  #type: SharedType;
  #compute: () => T;
  #observer = () => {
    this.#value = this.#compute();
  };

  constructor(type: SharedType, compute: () => T) {
    this.#type = type;
    this.#compute = compute;
    this.#value = compute();
    type.observeDeep(this.#observer);
  }

  get current(): T {
    return this.#value;
  }

  destroy(): void {
    this.#type.unobserveDeep(this.#observer);
  }
}

/** One entry as a row: its valid value, or its raw fields when it is invalid. */
export type CachedRow<T> =
  | { key: string; valid: true; value: T; map: Y.Map<unknown> }
  | { key: string; valid: false; raw: Record<string, unknown>; issues: string[]; map: Y.Map<unknown> | null };

let nextKey = 0;

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

/** The valid entries of a `Y.Map<Y.Map>` collection (e.g. scenarios). */
export function mapCollectionView<T extends { id: string }>(
  doc: Y.Doc,
  collection: MapCollection<T>,
): YView<T[]> {
  return new YView(doc.getMap<unknown>(collection.name), () => collection.read(doc));
}

/**
 * On the benchmark page only (`tests/bench/room-render.ts` sets `window.atelierBench`):
 * marks the start of each remote transaction in the Performance timeline, before the
 * update is decoded, so the measure covers decoding, parsing and rendering.
 */
export function markRemoteTransactions(doc: Y.Doc): void {
  if (typeof window === 'undefined' || !('atelierBench' in window)) return;
  doc.on('beforeTransaction', (transaction: Y.Transaction) => {
    if (!transaction.local) performance.mark('atelier:remote-update');
  });
}
