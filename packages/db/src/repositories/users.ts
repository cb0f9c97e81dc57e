import type { Queryable } from '../client.ts';

export interface User {
  id: string;
  email: string;
  displayName: string;
  isAdmin: boolean;
  locale: string;
  createdAt: Date;
}

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
    from users where email = ${options.email.trim().toLowerCase()}`;
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
