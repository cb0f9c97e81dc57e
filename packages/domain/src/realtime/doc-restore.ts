import * as Y from 'yjs';
import { documentSchemaOf } from './doc-rules.ts';
import type { RoomKind } from './room.ts';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A Y.Map's fields made equal to `target`'s; returns whether anything changed. */
function setFields(map: Y.Map<unknown>, target: Record<string, unknown>): boolean {
  let changed = false;
  for (const key of [...map.keys()]) {
    if (!(key in target)) {
      map.delete(key);
      changed = true;
    }
  }
  for (const [key, value] of Object.entries(target)) {
    if (!same(map.get(key), value)) {
      map.set(key, value);
      changed = true;
    }
  }
  return changed;
}

function mapOf(fields: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}

/** An array of entries (Y.Map with an `id`) made equal to the version's, entry by entry. */
function restoreArray(live: Y.Array<unknown>, version: Y.Array<unknown>): number {
  const wanted = new Map<string, Record<string, unknown>>();
  for (const item of version.toArray()) {
    if (item instanceof Y.Map) wanted.set(String(item.get('id')), item.toJSON() as Record<string, unknown>);
  }
  let changes = 0;
  const kept = new Set<string>();
  for (let index = live.length - 1; index >= 0; index--) {
    const item = live.get(index);
    const id = item instanceof Y.Map ? String(item.get('id')) : undefined;
    const target = id === undefined ? undefined : wanted.get(id);
    if (id === undefined || !target || kept.has(id)) {
      live.delete(index, 1);
      changes++;
      continue;
    }
    kept.add(id);
    if (setFields(item as Y.Map<unknown>, target)) changes++;
  }
  for (const [id, fields] of wanted) {
    if (kept.has(id)) continue;
    live.push([mapOf(fields)]);
    changes++;
  }
  return changes;
}

/** A map of entries (Y.Map of Y.Map) or of plain fields made equal to the version's. */
function restoreMap(live: Y.Map<unknown>, version: Y.Map<unknown>): number {
  let changes = 0;
  for (const key of [...live.keys()]) {
    if (!version.has(key)) {
      live.delete(key);
      changes++;
    }
  }
  for (const [key, value] of version.entries()) {
    const current = live.get(key);
    if (value instanceof Y.Map) {
      const fields = value.toJSON() as Record<string, unknown>;
      if (current instanceof Y.Map) {
        if (setFields(current, fields)) changes++;
      } else {
        live.set(key, mapOf(fields));
        changes++;
      }
    } else if (!same(current, value)) {
      live.set(key, value);
      changes++;
    }
  }
  return changes;
}

/** A rich text replaced by the version's when they differ. */
function restoreXml(live: Y.XmlFragment, version: Y.XmlFragment): number {
  if (live.toString() === version.toString()) return 0;
  live.delete(0, live.length);
  // The synthesis holds elements and texts only (the schema refuses hooks).
  const children = version
    .toArray()
    .flatMap((child) => (child instanceof Y.XmlElement || child instanceof Y.XmlText ? [child.clone()] : []));
  live.insert(0, children);
  return 1;
}

/**
 * Makes a room's live document hold what a saved version holds, in one transaction and as
 * edits of its entries: entries the version lacks are deleted, those it has are given its
 * fields (only the fields that differ are written), the missing ones are added back; a rich
 * text that differs is replaced. Edits to the live document made meanwhile stay where they do
 * not touch what is restored.
 *
 * @param options.doc - the live document (the realtime service's copy of the room)
 * @param options.version - the saved version of the same kind of document
 * @returns how many entries (or texts, fields) changed
 * @example restoreDocument({ doc, version, kind: 'content' }) // 3
 */
export function restoreDocument(options: { doc: Y.Doc; version: Y.Doc; kind: RoomKind }): number {
  const { doc, version, kind } = options;
  let changes = 0;
  doc.transact(() => {
    for (const [name, spec] of Object.entries(documentSchemaOf(kind))) {
      switch (spec.type) {
        case 'array':
          changes += restoreArray(doc.getArray(name), version.getArray(name));
          break;
        case 'map':
          changes += restoreMap(doc.getMap(name), version.getMap(name));
          break;
        case 'xml':
          changes += restoreXml(doc.getXmlFragment(name), version.getXmlFragment(name));
          break;
        default: {
          const unreachable: never = spec.type;
          return unreachable;
        }
      }
    }
  });
  return changes;
}
