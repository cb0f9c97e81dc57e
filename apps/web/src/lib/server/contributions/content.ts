import { yjsStore, type Queryable } from '@atelier/db';
import { needs, roadmap, roomName, type Need } from '@atelier/domain';
import type * as Y from 'yjs';

/** Reads a workshop's content document as stored (snapshot and log) into a throwaway Y.Doc. */
async function withStoredContent<T>(
  sql: Queryable,
  options: { workshopId: string },
  read: (doc: Y.Doc) => T,
): Promise<T> {
  const doc = await yjsStore.readDocument(sql, { docName: roomName(options.workshopId, 'content') });
  try {
    return read(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The roadmap actions of a workshop as stored (snapshot and log), for contributors who
 * comment on them between sessions; what the realtime server has not flushed yet is missing.
 */
export async function storedRoadmapActions(
  sql: Queryable,
  options: { workshopId: string },
): Promise<{ id: string; title: string }[]> {
  return withStoredContent(sql, options, (doc) =>
    roadmap.read(doc).map((action) => ({ id: action.id, title: action.title })),
  );
}

/** The needs of a workshop as stored, for the duplicates moderation flags (issue 20). */
export async function storedNeeds(sql: Queryable, options: { workshopId: string }): Promise<Need[]> {
  return withStoredContent(sql, options, (doc) => needs.read(doc));
}
