// Writes of the scenario lab on the room's content document. Every value is validated with the
// domain's schemas before it is written; nothing invalid reaches the document.
import {
  roadmap,
  scenarioChanges,
  scenarios,
  validateChange,
  type ChangeValue,
  type RoadmapAction,
  type Scenario,
  type ScenarioChange,
} from '@atelier/domain';
import type * as Y from 'yjs';

export interface Writer {
  userId: string;
  /** Facilitators may change and delete anyone's changes. */
  facilitator: boolean;
}

const now = () => new Date().toISOString();
const newId = () => crypto.randomUUID();
/** Now, or 1 ms after `iso` when the clock is behind it. */
const after = (iso: string) => new Date(Math.max(Date.now(), Date.parse(iso) + 1)).toISOString();

/** Creates a scenario (a baseline without parent, or a variant); returns its id. */
export function createScenario(
  doc: Y.Doc,
  writer: Writer,
  input: { title: string; description?: string; parentId?: string },
): string {
  const scenario: Scenario = {
    id: newId(),
    title: input.title.trim(),
    description: input.description ?? '',
    assumptions: {},
    ...(input.parentId ? { parentId: input.parentId } : {}),
    createdBy: writer.userId,
    updatedAt: now(),
  };
  scenarios.put(doc, scenario);
  return scenario.id;
}

/** This scenario's own changes of a key, newest last. */
export function ownChanges(
  changes: readonly ScenarioChange[],
  scenarioId: string,
  key: string,
): ScenarioChange[] {
  return changes
    .filter((c) => c.scenarioId === scenarioId && c.key === key)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Sets an input of a scenario. Updates the writer's own change of that key when there is one,
 * else adds a change (the newest wins over others' changes of the same key).
 *
 * @returns an error message (the value was not written) or null
 */
export function setChange(
  doc: Y.Doc,
  writer: Writer,
  changes: readonly ScenarioChange[],
  input: { scenarioId: string; key: string; value: ChangeValue; reason: string },
): string | null {
  const checked = validateChange(input.key, input.value);
  if (!checked.ok) return checked.message;
  const reason = input.reason.slice(0, 500);
  const existing = ownChanges(changes, input.scenarioId, input.key);
  const latest = existing.at(-1);
  // After the newest change this browser has seen, even with a slow clock: the later edit wins.
  const at = latest ? after(latest.updatedAt) : now();
  const mine = latest && (latest.createdBy === writer.userId || writer.facilitator) ? latest : undefined;
  if (mine) {
    scenarioChanges.update(doc, mine.id, { value: input.value, reason, updatedAt: at });
  } else {
    scenarioChanges.add(doc, {
      id: newId(),
      scenarioId: input.scenarioId,
      key: input.key,
      value: input.value,
      reason,
      createdBy: writer.userId,
      updatedAt: at,
    });
  }
  return null;
}

/** Whether this person may revert a key of a scenario (delete every change of it there). */
export function mayRevert(
  changes: readonly ScenarioChange[],
  writer: Writer,
  scenarioId: string,
  key: string,
): boolean {
  const own = ownChanges(changes, scenarioId, key);
  return own.length > 0 && (writer.facilitator || own.every((c) => c.createdBy === writer.userId));
}

/** Deletes a scenario's changes of a key: the input goes back to its parent's value. */
export function revertChange(
  doc: Y.Doc,
  changes: readonly ScenarioChange[],
  scenarioId: string,
  key: string,
): void {
  doc.transact(() => {
    for (const change of ownChanges(changes, scenarioId, key)) scenarioChanges.remove(doc, change.id);
  });
}

/** Adds several changes to a new variant in one transaction (e.g. from the roadmap). */
export function addChanges(
  doc: Y.Doc,
  writer: Writer,
  scenarioId: string,
  list: readonly { key: string; value: ChangeValue; reason: string }[],
): void {
  doc.transact(() => {
    for (const item of list)
      scenarioChanges.add(doc, {
        id: newId(),
        scenarioId,
        key: item.key,
        value: item.value,
        reason: item.reason.slice(0, 500),
        createdBy: writer.userId,
        updatedAt: now(),
      });
  });
}

/** Links a roadmap action to a scenario change (facilitators): the action carries key → value. */
export function linkAction(
  doc: Y.Doc,
  action: RoadmapAction,
  key: string,
  value: ChangeValue,
): string | null {
  const checked = validateChange(key, value);
  if (!checked.ok) return checked.message;
  roadmap.update(doc, action.id, {
    scenarioChange: { ...action.scenarioChange, [key]: value },
    updatedAt: now(),
  });
  return null;
}
