import { defineDocument, roomName, type RoomKind } from '@atelier/domain';
import * as Y from 'yjs';
import type { Queryable } from '../../src/client.ts';
import { yjsStore } from '../../src/index.ts';

/** The day the demo is seeded in these tests: the live workshop is in session at 11:00 Paris time. */
export const SEEDED_AT = new Date('2026-12-07T10:00:00Z');

/** A stored document (snapshot and log) applied to a new Y.Doc, as the realtime server loads it. */
export async function loadDocument(
  sql: Queryable,
  options: { workshopId: string; kind: RoomKind },
): Promise<Y.Doc> {
  const stored = await yjsStore.load(sql, { docName: roomName(options.workshopId, options.kind) });
  const doc = new Y.Doc();
  defineDocument(doc, options.kind);
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot.state);
  for (const row of stored.updates) Y.applyUpdate(doc, row.update);
  return doc;
}

/** The ids of the two demo workshops, as the seed's audit entry records them. */
export async function demoWorkshops(sql: Queryable): Promise<{ liveId: string; closedId: string }> {
  const [row]: [{ details: { liveWorkshopId: string; closedWorkshopId: string } }?] = await sql`
    select details from audit_log where action = 'demo.seeded'`;
  if (!row) throw new Error('the demo is not seeded');
  return { liveId: row.details.liveWorkshopId, closedId: row.details.closedWorkshopId };
}
