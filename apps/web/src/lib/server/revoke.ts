// Revocation as the web server announces it: once a session has ended or a seat has changed in
// the database, the realtime server is told to check the open connections concerned again, so
// that they close within a second on every realtime instance (it publishes to the others).
import { getConfig } from './config.ts';
import { log } from './log.ts';

/** The realtime server's endpoint (apps/realtime/src/revocation.ts validates the body). */
const INTERNAL_REVOKE_PATH = '/internal/revoke';

/**
 * Whose connections to check again: sessions by id (the SHA-256 stored in `sessions.id`),
 * every session of some people, or seats in a workshop (without `userId`, everyone there).
 * The realtime server reads the database itself: the request carries no verdict.
 */
export interface RealtimeRevocation {
  sessionIds?: string[];
  userIds?: string[];
  workshops?: { workshopId: string; userId?: string }[];
}

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
  const config = getConfig();
  if (!config.REALTIME_INTERNAL_TOKEN) return;
  const base = config.REALTIME_INTERNAL_URL ?? `http://127.0.0.1:${config.REALTIME_PORT}`;
  const chunks = (list: readonly string[] = []) =>
    Array.from({ length: Math.ceil(list.length / 500) }, (_, i) => list.slice(i * 500, i * 500 + 500));
  const bodies: RealtimeRevocation[] = [
    ...chunks(revocation.sessionIds).map((sessionIds) => ({ sessionIds })),
    ...chunks(revocation.userIds).map((userIds) => ({ userIds })),
    ...Array.from({ length: Math.ceil((revocation.workshops?.length ?? 0) / 500) }, (_, i) => ({
      workshops: revocation.workshops!.slice(i * 500, i * 500 + 500),
    })),
  ];
  await Promise.all(
    bodies.map(async (body) => {
      try {
        const response = await fetch(new URL(INTERNAL_REVOKE_PATH, base), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${config.REALTIME_INTERNAL_TOKEN}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(2000),
        });
        if (!response.ok) log.warn({ status: response.status }, 'realtime server refused the revocation');
      } catch (error) {
        log.warn({ err: error }, 'realtime server unreachable for the revocation');
      }
    }),
  );
}
