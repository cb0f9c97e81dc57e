import { z } from 'zod';

/**
 * The `/me` Socket.IO namespace: one person's own live figures, on every page of the web
 * app. A client connects with `io(url + '/me', { withCredentials: true })`; the
 * `atelier_session` cookie authenticates it and the socket joins that person's room only.
 * The server sends the unread notification count on connection and whenever it changes.
 */
export const PERSONAL_NAMESPACE = '/me';

/** The unread count as the server sends it (clients validate it before showing it). */
export const unreadUpdateSchema = z.object({ count: z.number().int().min(0) }).strict();
export type UnreadUpdate = z.output<typeof unreadUpdateSchema>;

export interface PersonalServerToClientEvents {
  'notifications:unread': (update: UnreadUpdate) => void;
  /** The session was revoked or expired: the server disconnects right after. */
  'session:ended': (reason: { code: number; message: string }) => void;
}

/**
 * The realtime server's internal endpoint through which the web server says whose
 * notifications changed (`POST`, `Authorization: Bearer <REALTIME_INTERNAL_TOKEN>`). The
 * realtime server counts again from the database itself: the request carries no figures.
 */
export const INTERNAL_NOTIFY_PATH = '/internal/notify';
export const notifyRequestSchema = z.object({ userIds: z.array(z.uuid()).min(1).max(500) }).strict();
export type NotifyRequest = z.output<typeof notifyRequestSchema>;
