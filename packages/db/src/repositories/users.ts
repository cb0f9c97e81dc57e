import type { Queryable } from '../client.ts';

export interface User {
  id: string;
  /** Null for a guest (a users row of kind guest: no e-mail, no password). */
  email: string | null;
  displayName: string;
  isAdmin: boolean;
  locale: string;
  createdAt: Date;
}

/** An account with its password hash (never a guest: the queries below read accounts only). */
export interface UserWithHash extends User {
  passwordHash: string;
}

/** Creates an account; the e-mail is stored in lower case. */
export async function create(
  sql: Queryable,
  options: { email: string; displayName: string; passwordHash: string; isAdmin?: boolean; locale?: string },
): Promise<User> {
  const [row]: [User?] = await sql`
    insert into users (email, display_name, password_hash, is_admin, locale)
    values (${options.email.trim().toLowerCase()}, ${options.displayName}, ${options.passwordHash},
            ${options.isAdmin ?? false}, ${options.locale ?? 'fr'})
    returning id, email, display_name, is_admin, locale, created_at`;
  if (!row) throw new Error('user insert returned no row');
  return row;
}

/** The account of an e-mail address, with its password hash, for sign-in. */
export async function findByEmailForSignIn(
  sql: Queryable,
  options: { email: string },
): Promise<UserWithHash | undefined> {
  const [row]: [UserWithHash?] = await sql`
    select id, email, display_name, is_admin, locale, created_at, password_hash
    from users where email = ${options.email.trim().toLowerCase()} and kind = 'account'`;
  return row;
}

export async function findById(sql: Queryable, options: { id: string }): Promise<User | undefined> {
  const [row]: [User?] = await sql`
    select id, email, display_name, is_admin, locale, created_at from users where id = ${options.id}`;
  return row;
}

export async function count(sql: Queryable): Promise<number> {
  const [row]: [{ count: number }?] = await sql`select count(*)::int as count from users`;
  return row?.count ?? 0;
}

/** The account of an id, with its password hash, to confirm a password change or a deletion. */
export async function findByIdWithHash(
  sql: Queryable,
  options: { id: string },
): Promise<UserWithHash | undefined> {
  const [row]: [UserWithHash?] = await sql`
    select id, email, display_name, is_admin, locale, created_at, password_hash
    from users where id = ${options.id} and kind = 'account'`;
  return row;
}

/** The account of an e-mail address, without its hash. */
export async function findByEmail(sql: Queryable, options: { email: string }): Promise<User | undefined> {
  const [row]: [User?] = await sql`
    select id, email, display_name, is_admin, locale, created_at
    from users where email = ${options.email.trim().toLowerCase()}`;
  return row;
}

/** Replaces the password hash and records when; the caller ends the other sessions. */
export async function updatePassword(
  sql: Queryable,
  options: { id: string; passwordHash: string; now: Date },
): Promise<void> {
  await sql`
    update users set password_hash = ${options.passwordHash}, password_changed_at = ${options.now}
    where id = ${options.id}`;
}

export async function updateProfile(
  sql: Queryable,
  options: { id: string; displayName: string },
): Promise<void> {
  await sql`update users set display_name = ${options.displayName} where id = ${options.id}`;
}

/** Remembers a person's interface language (used where no request says it: exports, e-mails). */
export async function updateLocale(
  sql: Queryable,
  options: { id: string; locale: 'fr' | 'en' | 'de' },
): Promise<void> {
  await sql`update users set locale = ${options.locale} where id = ${options.id}`;
}

/**
 * Deletes an account. Its sessions, memberships and workshop seats go with it
 * (foreign keys); its contributions stay, without an author, and so do the audit
 * entries it caused, without an actor.
 */
export async function remove(sql: Queryable, options: { id: string }): Promise<boolean> {
  const rows = await sql`delete from users where id = ${options.id} returning id`;
  return rows.length === 1;
}

/** Everything stored about one person, for the GDPR export. Secrets (password hash, session ids) are left out. */
export async function exportData(
  sql: Queryable,
  options: { id: string },
): Promise<Record<string, unknown> | undefined> {
  const [account]: [Record<string, unknown>?] = await sql`
    select id, email, display_name, is_admin, locale, created_at, password_changed_at
    from users where id = ${options.id}`;
  if (!account) return undefined;
  const sessions = await sql`
    select created_at, expires_at, user_agent, ip from sessions where user_id = ${options.id}
    order by created_at`;
  // The browsers signed in from (issue 20's new-device alert): family and dates, not the token.
  const knownDevices = await sql`
    select browser, first_seen_at, last_seen_at from known_devices where user_id = ${options.id}
    order by first_seen_at`;
  const organisations = await sql`
    select o.id, o.name, o.kind, m.role, m.created_at as member_since
    from memberships m join organisations o on o.id = m.organisation_id
    where m.user_id = ${options.id} order by o.name`;
  const workshops = await sql`
    select w.id, w.title, wm.role, o.name as organisation, wm.created_at as member_since
    from workshop_members wm join workshops w on w.id = wm.workshop_id
    join organisations o on o.id = wm.organisation_id
    where wm.user_id = ${options.id} order by w.title`;
  const contributions = await sql`
    select id, workshop_id, organisation_id, kind, payload, status, created_at, updated_at
    from contributions where author_id = ${options.id} order by created_at`;
  const invitationsCreated = await sql`
    select id, workshop_id, role, organisation_id, organisation_kind, expires_at, max_uses, uses,
           revoked_at, created_at
    from invitations where created_by = ${options.id} order by created_at`;
  const auditEntries = await sql`
    select action, subject_type, subject_id, details, created_at from audit_log
    where actor_id = ${options.id} or (subject_type = 'user' and subject_id = ${options.id})
    order by id`;
  return {
    account,
    sessions,
    knownDevices,
    organisations,
    workshops,
    contributions,
    invitationsCreated,
    auditEntries,
  };
}
