// The web server's calls to the realtime server's internal endpoints (`REALTIME_INTERNAL_URL`,
// bearer `REALTIME_INTERNAL_TOKEN`). Best effort by design: what they announce is already in the
// database, so a realtime server that is down or slow only delays its effect (the realtime
// server's periodic re-checks catch up); a call never fails the request that made it.
import { getConfig } from './config.ts';
import { log } from './log.ts';

/** Items per request: the internal endpoints' schemas accept at most 500 of each list. */
export const INTERNAL_BATCH = 500;

/** A list cut into the batches the internal endpoints accept. */
export function batches<T>(list: readonly T[] = []): T[][] {
  return Array.from({ length: Math.ceil(list.length / INTERNAL_BATCH) }, (_, i) =>
    list.slice(i * INTERNAL_BATCH, (i + 1) * INTERNAL_BATCH),
  );
}

/**
 * Posts each body to one internal endpoint, in parallel, within 2 s each; logs a refusal or an
 * unreachable server as `what` and returns. Does nothing without `REALTIME_INTERNAL_TOKEN`.
 *
 * @example await postInternal({ path: INTERNAL_NOTIFY_PATH, bodies: [{ userIds }], what: 'unread update' })
 */
export async function postInternal(options: {
  path: string;
  bodies: readonly object[];
  what: string;
}): Promise<void> {
  const config = getConfig();
  if (!config.REALTIME_INTERNAL_TOKEN) return;
  const base = config.REALTIME_INTERNAL_URL ?? `http://127.0.0.1:${config.REALTIME_PORT}`;
  await Promise.all(
    options.bodies.map(async (body) => {
      try {
        const response = await fetch(new URL(options.path, base), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${config.REALTIME_INTERNAL_TOKEN}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(2000),
        });
        if (!response.ok)
          log.warn({ status: response.status }, `realtime server refused the ${options.what}`);
      } catch (error) {
        log.warn({ err: error }, `realtime server unreachable for the ${options.what}`);
      }
    }),
  );
}
