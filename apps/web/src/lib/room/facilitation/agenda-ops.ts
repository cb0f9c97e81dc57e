// Edits of the facilitation document's agenda that the typed collection does not offer.
import { agenda, type AgendaItem } from '@atelier/domain';
import * as Y from 'yjs';

/**
 * Moves an agenda step up or down by one place. A Y.Map cannot be re-inserted once
 * removed, so the step is copied into a new one, in one transaction.
 *
 * @returns false when the step is missing or already at that end
 * @example moveAgendaItem(doc, stepId, -1) // one place earlier
 */
export function moveAgendaItem(doc: Y.Doc, id: string, delta: -1 | 1): boolean {
  const array = doc.getArray<Y.Map<unknown>>(agenda.name);
  const items = array.toArray();
  const from = items.findIndex((item) => item instanceof Y.Map && item.get('id') === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= items.length) return false;
  const copy = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(items[from]!.toJSON())) copy.set(key, value);
  doc.transact(() => {
    array.delete(from, 1);
    array.insert(to, [copy]);
  });
  return true;
}

/**
 * Replaces a step's fields, removing `section` when the new value has none (the typed
 * `update` only sets keys).
 */
export function replaceAgendaItem(doc: Y.Doc, item: AgendaItem): boolean {
  const valid = agenda.schema.parse(item) as AgendaItem;
  const array = doc.getArray<Y.Map<unknown>>(agenda.name);
  const map = array.toArray().find((entry) => entry instanceof Y.Map && entry.get('id') === valid.id);
  if (!map) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(valid)) if (value !== undefined) map.set(key, value);
    if (valid.section === undefined) map.delete('section');
  });
  return true;
}

/** The step after the current one, or the first step when none is current. */
export function nextStepId(
  items: readonly Pick<AgendaItem, 'id'>[],
  currentId: string | null,
): string | null {
  if (items.length === 0) return null;
  const index = currentId === null ? -1 : items.findIndex((item) => item.id === currentId);
  return items[index + 1]?.id ?? null;
}
