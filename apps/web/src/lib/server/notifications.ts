// Notifications as the web server writes them: stored, then announced to the realtime
// server so that the person's open pages update their unread count at once.
import { notifications, type Queryable } from '@atelier/db';
import { INTERNAL_NOTIFY_PATH, type NotifyRequest } from '@atelier/domain';
import { log } from './log.ts';
import { batches, postInternal } from './realtime-internal.ts';

/**
 * Tells the realtime server that these people's notifications changed (it counts them again
 * itself). Best effort: the stored notifications are what counts, so a realtime server that
 * is down or slow only delays the header's figure until the next page load; it never fails
 * the request that notified.
 */
export async function announceUnread(userIds: readonly string[]): Promise<void> {
  const bodies: NotifyRequest[] = batches([...new Set(userIds)]).map((ids) => ({ userIds: ids }));
  await postInternal({ path: INTERNAL_NOTIFY_PATH, bodies, what: 'unread update' });
}

/** Stores a notification for several people and updates their open pages' unread count. */
export async function notifyPeople(
  sql: Queryable,
  options: Parameters<typeof notifications.notify>[1],
): Promise<void> {
  await notifications.notify(sql, options);
  announceInBackground(options.userIds);
}

/** Announces without holding up the person's request (the realtime server may take 2 s at worst). */
export function announceInBackground(userIds: readonly string[]): void {
  void announceUnread(userIds).catch((error: unknown) => log.warn({ err: error }, 'unread update failed'));
}

/** Marks some (or all) of a person's notifications read and updates their other open pages. */
export async function markNotificationsRead(
  sql: Queryable,
  options: Parameters<typeof notifications.markRead>[1],
): Promise<number> {
  const read = await notifications.markRead(sql, options);
  if (read > 0) announceInBackground([options.userId]);
  return read;
}
