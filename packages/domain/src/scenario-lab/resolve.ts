/**
 * Effective changes of a scenario variant through its parent chain.
 */
import type * as Y from 'yjs';
import {
  scenarioChanges as scenarioChangesCollection,
  scenarios as scenariosCollection,
  type Scenario,
  type ScenarioChange,
} from '../realtime/content-doc.ts';

/** The scenarios and their changes, as read from the content document. */
export interface LabEntries {
  scenarios: readonly Scenario[];
  changes: readonly ScenarioChange[];
}

/** A change in effect for a scenario, and the scenario of the chain it comes from. */
export interface EffectiveChange extends ScenarioChange {
  /** `self`: set on this scenario; `parent`: inherited from an ancestor. */
  origin: 'self' | 'parent';
  /** Read from the scenario's `assumptions` record (the room's editor), not a change entry. */
  fromAssumptions?: true;
}

export interface ResolvedScenario {
  scenarioId: string;
  /** Scenario ids from the root (the baseline) to this one. */
  chain: string[];
  /** True when the parent chain loops (the loop is cut where it closes). */
  cycle: boolean;
  /** One change per key, sorted by key. */
  changes: EffectiveChange[];
}

/** The newer of two changes of the same key: latest `updatedAt`, then the greater id. */
export function newerChange<T extends Pick<ScenarioChange, 'updatedAt' | 'id'>>(a: T, b: T): T {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return a.id >= b.id ? a : b;
}

/** Reads the scenarios and changes of a content document. */
export function labEntriesOf(doc: Y.Doc): LabEntries {
  return { scenarios: scenariosCollection.read(doc), changes: scenarioChangesCollection.read(doc) };
}

/**
 * The changes in effect for a scenario: its own, over its parent's, over the grandparent's...
 * For one key in one scenario, the latest `updatedAt` (then id) wins. Cycle-safe.
 *
 * @param source - a content Y.Doc, or the entries read from it
 * @example resolveScenario(doc, 'ter-10min').changes.map((c) => c.key)
 */
export function resolveScenario(source: Y.Doc | LabEntries, scenarioId: string): ResolvedScenario {
  const entries =
    'scenarios' in source && Array.isArray(source.scenarios)
      ? (source as LabEntries)
      : labEntriesOf(source as Y.Doc);
  const byId = new Map(entries.scenarios.map((s) => [s.id, s]));
  const chain: string[] = [];
  const seen = new Set<string>();
  let cycle = false;
  for (let id: string | undefined = scenarioId; id !== undefined; id = byId.get(id)?.parentId) {
    if (seen.has(id)) {
      cycle = true;
      break;
    }
    seen.add(id);
    chain.unshift(id);
    if (!byId.has(id)) break;
  }
  const perScenario = new Map<string, Map<string, ScenarioChange>>();
  for (const change of entries.changes) {
    if (!seen.has(change.scenarioId)) continue;
    let keys = perScenario.get(change.scenarioId);
    if (!keys) perScenario.set(change.scenarioId, (keys = new Map()));
    const current = keys.get(change.key);
    keys.set(change.key, current ? newerChange(current, change) : change);
  }
  const effective = new Map<string, EffectiveChange>();
  for (const id of chain) {
    const origin = id === scenarioId ? 'self' : 'parent';
    const own = perScenario.get(id);
    // The `assumptions` record (the room's editor uses the same keys) counts as this scenario's
    // changes, under its change entries: an entry of `scenarioChanges` for the same key wins.
    const scenario = byId.get(id);
    for (const [key, value] of Object.entries(scenario?.assumptions ?? {}))
      if (!own?.has(key))
        effective.set(key, {
          id: `assumptions:${id}:${key}`.slice(0, 100),
          scenarioId: id,
          key,
          value,
          reason: '',
          createdBy: scenario!.createdBy,
          updatedAt: scenario!.updatedAt,
          origin,
          fromAssumptions: true,
        });
    for (const [key, change] of own ?? []) effective.set(key, { ...change, origin });
  }
  const changes = [...effective.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { scenarioId, chain, cycle, changes };
}

/** Whether making `parentId` the parent of `scenarioId` would close a loop. */
export function wouldCycle(entries: LabEntries, scenarioId: string, parentId: string): boolean {
  const byId = new Map(entries.scenarios.map((s) => [s.id, s]));
  const seen = new Set<string>();
  for (let id: string | undefined = parentId; id !== undefined; id = byId.get(id)?.parentId) {
    if (id === scenarioId) return true;
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return false;
}
