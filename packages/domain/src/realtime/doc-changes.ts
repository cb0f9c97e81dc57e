import * as Y from 'yjs';
import { CONTENT_DOC_SCHEMA } from './content-doc.ts';
import type { RoomSection } from './facilitation-doc.ts';
import {
  CONTENT_COLLECTIONS,
  type ContentCollection,
  type EntryChange,
  type EntryFields,
} from './write-rules.ts';

/** What one transaction did to the `content` document, entry by entry. */
export interface ContentChanges {
  entries: EntryChange[];
  /** Sections written outside entries (the synthesis, which is rich text). */
  sections: Set<RoomSection>;
  /** Collections of the schema written without write rules of their own (facilitators only). */
  unruled: Set<string>;
}

const COLLECTIONS: ReadonlySet<string> = new Set(CONTENT_COLLECTIONS);
/** Collections of the schema that have no write rules yet. */
const UNRULED: ReadonlySet<string> = new Set(
  Object.entries(CONTENT_DOC_SCHEMA)
    .filter(([name, spec]) => spec.type !== 'xml' && !COLLECTIONS.has(name))
    .map(([name]) => name),
);

/**
 * Lists the entries one transaction added, modified or deleted in a `content`
 * document, with their fields before and after. Call it from
 * `doc.on('afterTransaction')`: deleted entries are read there, before Yjs garbage
 * collects their content. Only the transaction's new structs, its delete set and the
 * types it changed are visited, so the cost follows the update, not the document.
 *
 * @param options.doc - the document the transaction was applied to
 * @param options.transaction - the transaction
 */
export function collectContentChanges(options: { doc: Y.Doc; transaction: Y.Transaction }): ContentChanges {
  const { doc, transaction } = options;
  const names = new Map<unknown, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  const unruled = new Set<string>();
  const collectionOf = (type: unknown): ContentCollection | undefined => {
    if (!(type instanceof Y.AbstractType) || type._item !== null) return undefined;
    const name = names.get(type);
    if (name !== undefined && UNRULED.has(name)) unruled.add(name);
    return name !== undefined && COLLECTIONS.has(name) ? (name as ContentCollection) : undefined;
  };
  const isSynthesis = (type: unknown): boolean => {
    let current = type;
    for (let depth = 0; depth < 1000 && current instanceof Y.AbstractType; depth++) {
      if (current._item === null) return names.get(current) === 'synthesis';
      current = current._item.parent;
    }
    return false;
  };
  const adds = (item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);
  const deletes = (item: Y.Item) => Y.isDeleted(transaction.deleteSet, item.id);
  const entries: EntryChange[] = [];
  const sections = new Set<RoomSection>();

  // Entries added: new Y.Map items at the top of a collection.
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    const structs = doc.store.clients.get(client);
    if (after <= before || !structs) continue;
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (!struct || struct.id.clock >= after) break;
      if (!(struct instanceof Y.Item)) continue;
      const collection = collectionOf(struct.parent);
      if (collection !== undefined) {
        const map = entryMapOf(struct);
        if (map && !struct.deleted) entries.push({ collection, kind: 'add', after: fieldsOf(map, 'after') });
      } else if (isSynthesis(struct.parent)) {
        sections.add('synthesis');
      }
    }
  }

  // Entries deleted (and synthesis content removed): the transaction's delete set.
  for (const [client, ranges] of transaction.deleteSet.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    for (const range of ranges) {
      for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
        const struct = structs[i];
        if (!struct || struct.id.clock >= range.clock + range.len) break;
        if (!(struct instanceof Y.Item) || adds(struct)) continue;
        const collection = collectionOf(struct.parent);
        if (collection !== undefined) {
          const map = entryMapOf(struct);
          if (map) entries.push({ collection, kind: 'delete', before: fieldsOf(map, 'before') });
        } else if (isSynthesis(struct.parent)) {
          sections.add('synthesis');
        }
      }
    }
  }

  // Entries modified: Yjs lists the types that existed before and are still there.
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.Map) || type._item === null || type._item.deleted) continue;
    const collection = collectionOf(type._item.parent);
    if (collection === undefined) continue;
    entries.push({
      collection,
      kind: 'modify',
      before: fieldsOf(type, 'before'),
      after: fieldsOf(type, 'after'),
    });
  }

  return { entries, sections, unruled };

  /**
   * An entry's fields before or after the transaction, read from each key's items
   * (including those the transaction deleted, whose content is still there).
   */
  function fieldsOf(map: Y.Map<unknown>, when: 'before' | 'after'): EntryFields {
    const fields: Record<string, unknown> = {};
    for (const [key, latest] of map._map) {
      let item: Y.Item | null = latest;
      if (when === 'before') {
        while (item !== null && adds(item)) item = item.left;
        if (item === null || (item.deleted && !deletes(item))) continue;
      } else if (item.deleted) {
        continue;
      }
      fields[key] = item.content.getContent().at(-1);
    }
    return fields;
  }
}

function entryMapOf(item: Y.Item): Y.Map<unknown> | undefined {
  if (!(item.content instanceof Y.ContentType)) return undefined;
  const type: unknown = item.content.type;
  return type instanceof Y.Map ? (type as Y.Map<unknown>) : undefined;
}
