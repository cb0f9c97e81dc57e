// The web server's calls to the realtime server's internal endpoints (`REALTIME_INTERNAL_URL`,
// bearer `REALTIME_INTERNAL_TOKEN`). Notifications and revocations are best effort by design: what
// they announce is already in the database, so a realtime server that is down or slow only delays
// their effect (the realtime server's periodic re-checks catch up); such a call never fails the
// request that made it. A change to a workshop's documents is not: the realtime service owns them
// (`requestDocChange`), and its answer says whether the change is in.
import { INTERNAL_DOCS_APPLY_PATH, type DocChangeRequest, type DocChangeResponse } from '@atelier/domain';
import { getConfig } from './config.ts';
import { log } from './log.ts';

/** Where the realtime server's HTTP side is: `REALTIME_INTERNAL_URL`, else this host at `REALTIME_PORT`. */
function internalBase(): string {
  const config = getConfig();
  return config.REALTIME_INTERNAL_URL ?? `http://127.0.0.1:${config.REALTIME_PORT}`;
}

/** The realtime server could not be asked, or did not understand the request: nothing was changed by it. */
export class RealtimeRequestError extends Error {
  override name = 'RealtimeRequestError';
}

const DOC_CHANGE_STATUSES: ReadonlySet<string> = new Set<DocChangeResponse['status']>([
  'applied',
  'not_found',
  'forbidden',
  'target_gone',
  'not_empty',
  'invalid',
  'too_large',
  'unavailable',
]);

/**
 * Asks the realtime server to change a workshop's documents (`POST /internal/docs/apply`): it
 * applies the change on the live room like any edit (write rules, storage, every instance) and
 * answers once it is stored, or says why not.
 *
 * @throws RealtimeRequestError without `REALTIME_INTERNAL_TOKEN`, when the server is unreachable or
 *   slower than `timeoutMs`, or when it refuses the token or the body
 * @example const answer = await requestDocChange({ request: { kind: 'merge', workshopId, actorId, entries } })
 */
export async function requestDocChange(options: {
  request: DocChangeRequest;
  timeoutMs?: number;
}): Promise<DocChangeResponse> {
  const token = getConfig().REALTIME_INTERNAL_TOKEN;
  if (!token) {
    throw new RealtimeRequestError(
      'REALTIME_INTERNAL_TOKEN is not set: the web server cannot ask the realtime server to change documents',
    );
  }
  let response: Response;
  try {
    response = await fetch(new URL(INTERNAL_DOCS_APPLY_PATH, internalBase()), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(options.request),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (error) {
    throw new RealtimeRequestError('the realtime server did not answer', { cause: error });
  }
  const body: unknown = await response.json().catch(() => undefined);
  const status = (body as { status?: unknown } | undefined)?.status;
  if (typeof status !== 'string' || !DOC_CHANGE_STATUSES.has(status)) {
    throw new RealtimeRequestError(
      `the realtime server refused the document change (HTTP ${response.status})`,
    );
  }
  return body as DocChangeResponse;
}

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
  const base = internalBase();
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
