// Indexes the register and the roadmap read on each change: which actions answer a need,
// the comments of each entry, who is editing which entry, the values the filters offer.
import type { Comment, CommentTarget, Need, RoadmapAction, RoomSection } from '@atelier/domain';
import type { CachedRow } from '../live.svelte.ts';

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Need id → the valid actions whose `needIds` include it, in document order. */
export function actionsByNeed(rows: readonly CachedRow<RoadmapAction>[]): Map<string, RoadmapAction[]> {
  const byNeed = new Map<string, RoadmapAction[]>();
  for (const row of rows)
    if (row.valid) for (const id of new Set(row.value.needIds)) push(byNeed, id, row.value);
  return byNeed;
}

/** Target id → its valid comments of one target type, in document order. */
export function commentsByTarget(
  rows: readonly CachedRow<Comment>[],
  targetType: CommentTarget,
): Map<string, Comment[]> {
  const byTarget = new Map<string, Comment[]>();
  for (const row of rows)
    if (row.valid && row.value.targetType === targetType) push(byTarget, row.value.targetId, row.value);
  return byTarget;
}

/** Entry id → names of the people editing it now in a section (awareness). */
export function editorsByEntry(
  peers: readonly { user: { name: string }; editing?: { section: RoomSection; entryId?: string } | null }[],
  section: RoomSection,
): Map<string, string[]> {
  const byEntry = new Map<string, string[]>();
  for (const peer of peers) {
    const entryId = peer.editing?.section === section ? peer.editing.entryId : undefined;
    if (entryId) push(byEntry, entryId, peer.user.name);
  }
  return byEntry;
}

/** The organisations, horizons and communes present in the register, for the filters. */
export function presentValues(needs: readonly Need[]): {
  organisationIds: string[];
  horizons: number[];
  communeCodes: Set<string>;
} {
  const organisationIds = new Set<string>();
  const horizons = new Set<number>();
  const communeCodes = new Set<string>();
  for (const need of needs) {
    organisationIds.add(need.organisationId);
    horizons.add(need.horizonMonths);
    communeCodes.add(need.communeCode);
  }
  return {
    organisationIds: [...organisationIds],
    horizons: [...horizons].sort((a, b) => a - b),
    communeCodes,
  };
}

/** Ids of entries that are new since the last look, and the ids seen now. */
export function newIds(options: { known: ReadonlySet<string> | null; ids: readonly string[] }): {
  added: string[];
  seen: Set<string>;
} {
  const seen = new Set(options.ids);
  const known = options.known;
  return { added: known ? options.ids.filter((id) => !known.has(id)) : [], seen };
}
