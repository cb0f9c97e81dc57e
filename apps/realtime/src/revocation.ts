import { sessions } from '@atelier/db';
import type { Logger } from 'pino';
import { revokeRequestSchema, type RevokeRequest } from '@atelier/domain';
import type { Fanout } from './yjs/fanout.ts';

// The web server's revocation channel in: `POST INTERNAL_REVOKE_PATH` (the request's schema is
// shared with the web server in packages/domain), sent after it has ended sessions or changed
// seats in the database.
export { INTERNAL_REVOKE_PATH, revokeRequestSchema } from '@atelier/domain';
export type { RevokeRequest };

/** What a connection is, for matching a revocation request. */
export interface Holder {
  token: string;
  userId: string;
  /** The workshop of a Yjs or /workshop connection; none for /me. */
  workshopId?: string;
}

/** Whether a revocation request concerns this connection. */
export function concerns(request: RevokeRequest, holder: Holder): boolean {
  if (request.userIds?.includes(holder.userId)) return true;
  if (
    holder.workshopId !== undefined &&
    request.workshops?.some(
      (seat) =>
        seat.workshopId === holder.workshopId && (seat.userId === undefined || seat.userId === holder.userId),
    )
  )
    return true;
  return request.sessionIds ? request.sessionIds.includes(sessions.sessionIdOf(holder.token)) : false;
}

/** A kind of connection that can check its sessions again (Yjs, /workshop, /me). */
export interface RevocationTarget {
  /** Checks the matching connections again and closes those whose session or seat ended; returns how many closed. */
  revoke(request: RevokeRequest): Promise<number>;
}

export interface Revocation {
  /** Checks again here, tells the other instances (through Redis), and returns once this instance is done. */
  revoke(request: RevokeRequest): Promise<{ closed: number }>;
  /**
   * Increases with every revocation handled here. A connection whose authentication
   * started before an increase authenticates again before it is admitted, so a
   * connection that was being opened while its session ended is not let in.
   */
  epoch(): number;
}

/**
 * Revocation across instances: the instance the web server calls publishes the request
 * on the Redis channel `atelier:control:revoke`, then checks its own connections; every
 * other instance checks its own when the message arrives. Without Redis there is one
 * instance.
 */
export async function createRevocation(options: {
  fanout: Fanout | undefined;
  log: Logger;
  targets: () => readonly RevocationTarget[];
}): Promise<Revocation> {
  let epoch = 0;
  const local = async (request: RevokeRequest): Promise<number> => {
    epoch++;
    const closed = await Promise.all(options.targets().map((target) => target.revoke(request)));
    return closed.reduce((sum, n) => sum + n, 0);
  };
  await options.fanout?.listen('revoke', (payload) => {
    let request: RevokeRequest;
    try {
      request = revokeRequestSchema.parse(JSON.parse(Buffer.from(payload).toString('utf8')));
    } catch (error) {
      options.log.warn({ err: error }, 'malformed revocation from another instance');
      return;
    }
    void local(request).catch((error: unknown) =>
      options.log.error({ err: error }, 'revocation from another instance failed'),
    );
  });
  return {
    async revoke(request) {
      const published = options.fanout?.announce(
        'revoke',
        new Uint8Array(Buffer.from(JSON.stringify(request), 'utf8')),
      );
      const [closed] = await Promise.all([local(request), published]);
      return { closed };
    },
    epoch: () => epoch,
  };
}
