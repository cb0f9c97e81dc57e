import * as Y from 'yjs';
import type { z } from 'zod';

/** A zod object schema whose fields are the keys of one Y.Map entry. */
export type EntrySchema = z.ZodObject<z.ZodRawShape>;

/**
 * Typed access to a top-level `Y.Array<Y.Map>` whose entries have an `id` field.
 * Field values are plain JSON (strings, numbers, booleans, arrays of strings), one
 * Y.Map key per field, so two people editing two fields of one entry both win.
 */
export interface ArrayCollection<T extends { id: string }> {
  name: string;
  schema: EntrySchema;
  /** The entries that pass the schema, in document order; partial or invalid ones are skipped. */
  read(doc: Y.Doc): T[];
  /** The entry with this id, when present and valid. */
  find(doc: Y.Doc, id: string): T | undefined;
  /** Validates and appends an entry; throws a ZodError naming the bad fields. */
  add(doc: Y.Doc, entry: T): void;
  /** Validates and sets some fields of an entry; false when there is no entry with this id. */
  update(doc: Y.Doc, id: string, patch: Partial<Omit<T, 'id'>>): boolean;
  /** Removes an entry; false when there is none with this id. */
  remove(doc: Y.Doc, id: string): boolean;
}

/** Typed access to a top-level `Y.Map<Y.Map>` keyed by each entry's `id`. */
export interface MapCollection<T extends { id: string }> {
  name: string;
  schema: EntrySchema;
  read(doc: Y.Doc): T[];
  find(doc: Y.Doc, id: string): T | undefined;
  /** Validates and sets an entry (replacing one with the same id). */
  put(doc: Y.Doc, entry: T): void;
  update(doc: Y.Doc, id: string, patch: Partial<Omit<T, 'id'>>): boolean;
  remove(doc: Y.Doc, id: string): boolean;
}

function toMap(entry: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(entry)) if (value !== undefined) map.set(key, value);
  return map;
}

function parse<T>(schema: EntrySchema, value: unknown): T | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const result = schema.safeParse(value.toJSON());
  return result.success ? (result.data as T) : undefined;
}

function checkPatch(schema: EntrySchema, patch: Record<string, unknown>): void {
  schema.partial().parse(patch);
}

/**
 * Builds typed helpers over a top-level Y.Array of Y.Map.
 *
 * @param options.name - the top-level type's name in the document
 * @param options.schema - the zod schema of one entry
 * @example const needs = arrayCollection<Need>({ name: 'needs', schema: needSchema }); needs.add(doc, need)
 */
export function arrayCollection<T extends { id: string }>(options: {
  name: string;
  schema: EntrySchema;
}): ArrayCollection<T> {
  const { name, schema } = options;
  const array = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(name);
  const indexOf = (doc: Y.Doc, id: string) =>
    array(doc)
      .toArray()
      .findIndex((map) => map instanceof Y.Map && map.get('id') === id);
  return {
    name,
    schema,
    read: (doc) =>
      array(doc)
        .toArray()
        .flatMap((map) => parse<T>(schema, map) ?? []),
    find(doc, id) {
      const index = indexOf(doc, id);
      return index < 0 ? undefined : parse<T>(schema, array(doc).get(index));
    },
    add(doc, entry) {
      const valid = schema.parse(entry) as Record<string, unknown>;
      array(doc).push([toMap(valid)]);
    },
    update(doc, id, patch) {
      checkPatch(schema, patch);
      const index = indexOf(doc, id);
      const map = index >= 0 ? array(doc).get(index) : undefined;
      if (!map) return false;
      doc.transact(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) map.set(key, value);
      });
      return true;
    },
    remove(doc, id) {
      const index = indexOf(doc, id);
      if (index < 0) return false;
      array(doc).delete(index, 1);
      return true;
    },
  };
}

/** Builds typed helpers over a top-level Y.Map of Y.Map keyed by id. */
export function mapCollection<T extends { id: string }>(options: {
  name: string;
  schema: EntrySchema;
}): MapCollection<T> {
  const { name, schema } = options;
  const root = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(name);
  return {
    name,
    schema,
    read: (doc) => [...root(doc).values()].flatMap((map) => parse<T>(schema, map) ?? []),
    find: (doc, id) => parse<T>(schema, root(doc).get(id)),
    put(doc, entry) {
      const valid = schema.parse(entry) as Record<string, unknown> & { id: string };
      root(doc).set(valid.id, toMap(valid));
    },
    update(doc, id, patch) {
      checkPatch(schema, patch);
      const map = root(doc).get(id);
      if (!(map instanceof Y.Map)) return false;
      doc.transact(() => {
        for (const [key, value] of Object.entries(patch)) if (value !== undefined) map.set(key, value);
      });
      return true;
    },
    remove(doc, id) {
      if (!root(doc).has(id)) return false;
      root(doc).delete(id);
      return true;
    },
  };
}
