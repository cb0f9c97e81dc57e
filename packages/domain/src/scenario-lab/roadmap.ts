/**
 * A variant from the roadmap: every committed action that carries a `scenarioChange`.
 */
import type { RoadmapAction } from '../realtime/content-doc.ts';
import type { ChangeValue } from './compile.ts';
import { validateChange } from './compile.ts';

export interface RoadmapChange {
  key: string;
  value: ChangeValue;
  /** The action's title, as the change's reason. */
  reason: string;
  actionId: string;
}

export interface RoadmapVariant {
  parentId: string;
  changes: RoadmapChange[];
  /** Keys set by several committed actions: the latest action (updatedAt, then id) wins. */
  conflicts: { key: string; actionIds: string[] }[];
  /** Values refused by the models' schemas (left out). */
  problems: { key: string; actionId: string; message: string }[];
}

/**
 * The changes of a variant built from all `committed` roadmap actions that carry a `scenarioChange`
 * (a record key → value), forked from `baselineId`.
 *
 * @example roadmapVariant(roadmap.read(doc), 'baseline').changes
 */
export function roadmapVariant(actions: readonly RoadmapAction[], baselineId: string): RoadmapVariant {
  const committed = actions
    .filter((a) => a.status === 'committed' && a.scenarioChange && Object.keys(a.scenarioChange).length > 0)
    .sort((a, b) =>
      a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? -1 : 1) : a.id < b.id ? -1 : 1,
    );
  const byKey = new Map<string, RoadmapChange>();
  const setters = new Map<string, string[]>();
  const problems: RoadmapVariant['problems'] = [];
  for (const action of committed) {
    for (const [key, value] of Object.entries(action.scenarioChange!)) {
      const checked = validateChange(key, value);
      if (!checked.ok) {
        problems.push({ key, actionId: action.id, message: checked.message });
        continue;
      }
      byKey.set(key, { key, value, reason: action.title.slice(0, 500), actionId: action.id });
      setters.set(key, [...(setters.get(key) ?? []), action.id]);
    }
  }
  const changes = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const conflicts = [...setters]
    .filter(([, ids]) => ids.length > 1)
    .map(([key, actionIds]) => ({ key, actionIds }));
  return { parentId: baselineId, changes, conflicts, problems };
}
