// Reactive views over Yjs: a section reads `view.current` in its template and re-renders
// when the observed shared type changes (local or remote), and only then.
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

/** One entry of a collection as a row: the valid value, or the raw fields when it is invalid. */
export type Row<T> =
  { valid: true; value: T; index: number } | { valid: false; raw: Record<string, unknown>; index: number };

/**
 * The entries of a `Y.Array<Y.Map>` collection, valid or not: an invalid entry (an older
 * or hostile client) is shown as such and skipped by models and exports, never crashing.
 *
 * @example const rows = collectionView(room.content, needs); rows.current.filter((r) => r.valid)
 */
export function collectionView<T extends { id: string }>(
  doc: Y.Doc,
  collection: ArrayCollection<T>,
): YView<Row<T>[]> {
  const array = doc.getArray<unknown>(collection.name);
  return new YView(array, () =>
    array.toArray().map((item, index): Row<T> => {
      const raw = item instanceof Y.Map ? (item.toJSON() as Record<string, unknown>) : {};
      const parsed = collection.schema.safeParse(raw);
      return parsed.success ? { valid: true, value: parsed.data as T, index } : { valid: false, raw, index };
    }),
  );
}

/** The valid entries of a `Y.Map<Y.Map>` collection (e.g. scenarios). */
export function mapCollectionView<T extends { id: string }>(
  doc: Y.Doc,
  collection: MapCollection<T>,
): YView<T[]> {
  return new YView(doc.getMap<unknown>(collection.name), () => collection.read(doc));
}
