import { yjsStore, type Queryable } from '@atelier/db';
import { roadmap, roomName } from '@atelier/domain';
import * as Y from 'yjs';

/**
 * The roadmap actions of a workshop as stored (snapshot and log), for contributors who
 * comment on them between sessions; what the realtime server has not flushed yet is missing.
 */
export async function storedRoadmapActions(
  sql: Queryable,
  options: { workshopId: string },
): Promise<{ id: string; title: string }[]> {
  const stored = await yjsStore.load(sql, { docName: roomName(options.workshopId, 'content') });
  const doc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
    for (const row of stored.updates) Y.applyUpdate(doc, row.update);
    return roadmap.read(doc).map((action) => ({ id: action.id, title: action.title }));
  } finally {
    doc.destroy();
  }
}
