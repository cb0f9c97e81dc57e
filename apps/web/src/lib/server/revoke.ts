// Revocation as the web server announces it: once a session has ended or a seat has changed in
// the database, the realtime server is told to check the open connections concerned again, so
// that they close within a second on every realtime instance (it publishes to the others).
import { INTERNAL_REVOKE_PATH, type RevokeRequest } from '@atelier/domain';
import { batches, postInternal } from './realtime-internal.ts';

/**
 * Whose connections to check again: sessions by id (the SHA-256 stored in `sessions.id`),
 * every session of some people, or seats in a workshop (without `userId`, everyone there).
 * The realtime server reads the database itself: the request carries no verdict.
 */
export type RealtimeRevocation = RevokeRequest;

/**
 * Tells the realtime server that sessions or seats ended; call it after the change is
 * committed. Awaited (it takes milliseconds) so that the response to a logout comes after
 * the realtime connections closed; never fails the request: without
 * `REALTIME_INTERNAL_TOKEN`, or if the realtime server is unreachable, the periodic
 * re-check (`REALTIME_SESSION_RECHECK_MS`) closes them later.
 *
 * @example await revokeRealtime({ sessionIds: [locals.session.id] })
 */
export async function revokeRealtime(revocation: RealtimeRevocation): Promise<void> {
  const bodies: RevokeRequest[] = [
    ...batches(revocation.sessionIds).map((sessionIds) => ({ sessionIds })),
    ...batches(revocation.userIds).map((userIds) => ({ userIds })),
    ...batches(revocation.workshops).map((workshops) => ({ workshops })),
  ];
  await postInternal({ path: INTERNAL_REVOKE_PATH, bodies, what: 'revocation' });
}
