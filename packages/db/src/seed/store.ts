import { roomName } from '@atelier/domain';
import type { Queryable } from '../client.ts';
import * as yjsStore from '../repositories/yjs.ts';
import type { RoomDocument } from './room-document.ts';

/**
 * Stores a workshop's two documents as its first state, the way a workshop started from an
 * open-data bundle is stored: one update per document in the log the realtime server loads
 * (`<id>/content`, `<id>/facilitation`), compacted by the server later like any other.
 */
export async function storeDocuments(
  sql: Queryable,
  options: { workshopId: string; content: RoomDocument; facilitation: RoomDocument },
): Promise<void> {
  await yjsStore.append(sql, {
    docName: roomName(options.workshopId, 'content'),
    updates: [options.content.state()],
  });
  await yjsStore.append(sql, {
    docName: roomName(options.workshopId, 'facilitation'),
    updates: [options.facilitation.state()],
  });
}
