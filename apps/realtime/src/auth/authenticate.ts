import { SESSION_COOKIE, seats, sessions, type Db } from '@atelier/db';
import {
  CLOSE_CODES,
  can,
  type Actor,
  type CloseCodeName,
  type ContentWriter,
  type WorkshopResource,
} from '@atelier/domain';

/** Who is connected, and their standing in one workshop. */
export interface Identity {
  /** The session token from the cookie, kept to check the session again later. */
  token: string;
  userId: string;
  displayName: string;
  actor: Actor;
  workshop: WorkshopResource;
}

export type AuthFailure = 'unauthenticated' | 'forbidden' | 'unknownRoom';
export type AuthResult = { ok: true; identity: Identity } | { ok: false; failure: AuthFailure };

/** The value of one cookie in a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Authenticates a connection to one workshop: the `atelier_session` cookie against
 * the sessions table, then the person's seat, and `can(actor, 'workshop.read')`.
 *
 * @param options.token - the session token (from the cookie)
 * @example const result = await authenticate({ db, token, workshopId, now: new Date() })
 */
export async function authenticate(options: {
  db: Db;
  token: string | undefined;
  workshopId: string;
  now: Date;
}): Promise<AuthResult> {
  if (!options.token) return { ok: false, failure: 'unauthenticated' };
  const session = await sessions.validate(options.db.sql, { token: options.token, now: options.now });
  if (!session) return { ok: false, failure: 'unauthenticated' };
  const standing = await standingIn({ db: options.db, user: session.user, workshopId: options.workshopId });
  if (!standing) return { ok: false, failure: 'unknownRoom' };
  const { actor, workshop } = standing;
  if (!can(actor, 'workshop.read', workshop)) return { ok: false, failure: 'forbidden' };
  return {
    ok: true,
    identity: {
      token: options.token,
      userId: session.user.id,
      displayName: session.user.displayName,
      actor,
      workshop,
    },
  };
}

/**
 * A person's standing in one workshop: what `can()` reads (their organisations, their seat, the
 * workshop's status); undefined when there is no such workshop. Connections read it after their
 * session; the web server's internal requests for the person they name (`actorId`).
 *
 * @example const standing = await standingIn({ db, user: { id, isAdmin: false }, workshopId })
 */
export async function standingIn(options: {
  db: Db;
  user: { id: string; isAdmin: boolean };
  workshopId: string;
}): Promise<{ actor: Actor; workshop: WorkshopResource } | undefined> {
  const access = await seats.accessTo(options.db.sql, {
    workshopId: options.workshopId,
    userId: options.user.id,
  });
  if (!access) return undefined;
  const actor: Actor = {
    userId: options.user.id,
    isAdmin: options.user.isAdmin,
    organisations: access.organisations,
  };
  const workshop: WorkshopResource = {
    type: 'workshop',
    id: access.workshop.id,
    status: access.workshop.status,
    seat: access.seat,
  };
  return { actor, workshop };
}

/** The writer the content rules see for a person in a workshop (without a seat, nothing passes them). */
export function writerOf(userId: string, workshop: WorkshopResource): ContentWriter {
  const seat = workshop.seat ?? { role: 'observer', organisationId: '' };
  // A guest's seat carries its guest rights (issue 19): the write rules narrow what a guest writes.
  return { userId, role: seat.role, organisationId: seat.organisationId, guest: seat.guest };
}

/**
 * Checks an open connection's session and seat again, for the periodic re-check.
 * A refusal is confirmed by a second reading before it counts, so that one answer
 * read while the embedded database was busy never cuts a valid participant off;
 * a database error counts as no answer (`undefined`): the connection stays as it is.
 */
export async function recheckSession(options: {
  db: Db;
  token: string;
  workshopId: string;
}): Promise<AuthResult | undefined> {
  const check = () => authenticate({ ...options, now: new Date() }).catch(() => undefined);
  const first = await check();
  if (!first || first.ok) return first;
  return check();
}

/** A Socket.IO `connect_error` carrying the close code the Yjs endpoint would use (`error.data.code`). */
export function connectRefusal(name: CloseCodeName): Error & { data: { code: number } } {
  const error = new Error(CLOSE_CODES[name].reason) as Error & { data: { code: number } };
  error.data = { code: CLOSE_CODES[name].code };
  return error;
}

export { SESSION_COOKIE };
