// The header's unread count, kept live: a Socket.IO connection to the realtime server's `/me`
// namespace (the session cookie authenticates it) that receives the count whenever it changes.
// The subpath, not the package's index: this module loads on every page, without the rest of the domain.
import {
  PERSONAL_NAMESPACE,
  unreadUpdateSchema,
  type PersonalServerToClientEvents,
} from '@atelier/domain/personal';
import { io, type Socket } from 'socket.io-client';

/** Close code of a refused or ended session (the realtime server's `unauthenticated`). */
const UNAUTHENTICATED = 4401;

/**
 * Calls `onCount` with each unread count the realtime server sends (checked against its
 * schema; anything else is ignored). Reconnects on its own, except once the session ended.
 *
 * @returns a function that closes the connection
 * @example const stop = watchUnread('http://localhost:3001', (count) => (unread = count));
 */
export function watchUnread(realtimeUrl: string, onCount: (count: number) => void): () => void {
  const socket: Socket<PersonalServerToClientEvents> = io(`${realtimeUrl}${PERSONAL_NAMESPACE}`, {
    withCredentials: true,
    transports: ['websocket'],
  });
  socket.on('notifications:unread', (update: unknown) => {
    const parsed = unreadUpdateSchema.safeParse(update);
    if (parsed.success) onCount(parsed.data.count);
  });
  socket.on('connect_error', (error: Error & { data?: { code?: number } }) => {
    if (error.data?.code === UNAUTHENTICATED) socket.disconnect();
  });
  socket.on('session:ended', () => socket.disconnect());
  return () => {
    socket.disconnect();
  };
}
