import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Queryable } from '../client.ts';

/** Sessions last 30 days and are renewed once half of that has passed. */
export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
export const SESSION_COOKIE = 'atelier_session';

export interface Session {
  id: string;
  userId: string;
  expiresAt: Date;
  createdAt: Date;
  userAgent: string | null;
  ip: string | null;
}

export interface SessionUser {
  id: string;
  /** Null for a guest (joined one workshop by its code, without an account). */
  email: string | null;
  displayName: string;
  isAdmin: boolean;
  locale: string;
  /** `guest`: no e-mail, no password, a seat in one workshop, a session that ends with its day. */
  kind: 'account' | 'guest';
}

/** A new random session token (160 bits, base32): what goes in the cookie. */
export function generateToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** The session id stored in the database: the SHA-256 of the token. */
export function sessionIdOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/**
 * Creates a session for a token; only the token's hash is stored. It lasts
 * `SESSION_LIFETIME_MS` unless `expiresAt` says otherwise (a guest's ends with the workshop day).
 */
export async function create(
  sql: Queryable,
  options: { token: string; userId: string; now: Date; expiresAt?: Date; userAgent?: string; ip?: string },
): Promise<Session> {
  const expiresAt = options.expiresAt ?? new Date(options.now.getTime() + SESSION_LIFETIME_MS);
  const [row]: [Session?] = await sql`
    insert into sessions (id, user_id, expires_at, created_at, user_agent, ip)
    values (${sessionIdOf(options.token)}, ${options.userId}, ${expiresAt}, ${options.now},
            ${options.userAgent?.slice(0, 512) ?? null}, ${options.ip?.slice(0, 64) ?? null})
    returning id, user_id, expires_at, created_at, user_agent, ip`;
  if (!row) throw new Error('session insert returned no row');
  return row;
}

/**
 * Looks up the session of a token. An expired session is deleted; one past half
 * its lifetime is extended (sliding expiry), except a guest's, which ends with the workshop day.
 */
export async function validate(
  sql: Queryable,
  options: { token: string; now: Date },
): Promise<{ session: Session; user: SessionUser; renewed: boolean } | undefined> {
  if (!/^[a-z2-7]{32}$/.test(options.token)) return undefined;
  const id = sessionIdOf(options.token);
  const [row]: [(Session & { user: SessionUser })?] = await sql`
    select s.id, s.user_id, s.expires_at, s.created_at, s.user_agent, s.ip,
           json_build_object('id', u.id, 'email', u.email, 'displayName', u.display_name,
                             'isAdmin', u.is_admin, 'locale', u.locale, 'kind', u.kind) as user
    from sessions s join users u on u.id = s.user_id
    where s.id = ${id}`;
  if (!row) return undefined;
  const { user, ...session } = row;
  const now = options.now.getTime();
  if (now >= session.expiresAt.getTime()) {
    await sql`delete from sessions where id = ${id}`;
    return undefined;
  }
  let renewed = false;
  if (user.kind !== 'guest' && now >= session.expiresAt.getTime() - SESSION_LIFETIME_MS / 2) {
    session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
    await sql`update sessions set expires_at = ${session.expiresAt} where id = ${id}`;
    renewed = true;
  }
  return { session, user, renewed };
}

/** Ends one session. */
export async function invalidate(sql: Queryable, options: { sessionId: string }): Promise<void> {
  await sql`delete from sessions where id = ${options.sessionId}`;
}

/** Ends every session of a user, except the one given. */
export async function invalidateAllForUser(
  sql: Queryable,
  options: { userId: string; except?: string },
): Promise<number> {
  const rows = await sql`
    delete from sessions where user_id = ${options.userId} and id <> ${options.except ?? ''}
    returning id`;
  return rows.length;
}

/** The active sessions of a user, newest first. */
export async function listForUser(
  sql: Queryable,
  options: { userId: string; now: Date },
): Promise<Session[]> {
  return sql<Session[]>`
    select id, user_id, expires_at, created_at, user_agent, ip from sessions
    where user_id = ${options.userId} and expires_at > ${options.now}
    order by created_at desc`;
}
