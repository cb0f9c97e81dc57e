import { DEMO_ACCOUNTS, DEMO_PASSWORD, users, verifyPassword, type Queryable } from '@atelier/db';

export interface DemoAccount {
  email: string;
  displayName: string;
}

export interface DemoSignIn {
  password: string;
  accounts: DemoAccount[];
}

// The answer changes only when the database is seeded or an account is removed: once a minute
// is enough, and keeps the argon2 check below off every page load.
const TTL_MS = 60_000;
let cached: { at: number; value: DemoSignIn | null } | undefined;

/**
 * The demo accounts the sign-in page offers, or null on a database that is not the demo's.
 *
 * Decided from the database, not from ATELIER_SEED (which only the launcher reads): the demo's
 * administrator exists, is an administrator (no sign-up can make one), and opens with the demo
 * password. A production database (never seeded) has no such account; one whose administrator
 * happened to take that address does not open with the published password. The accounts listed
 * are the demo accounts that exist, with the names they have there.
 */
export async function demoSignIn(sql: Queryable, now = Date.now()): Promise<DemoSignIn | null> {
  if (cached && now - cached.at < TTL_MS) return cached.value;
  const value = await readDemoSignIn(sql);
  cached = { at: now, value };
  return value;
}

async function readDemoSignIn(sql: Queryable): Promise<DemoSignIn | null> {
  const [first] = DEMO_ACCOUNTS;
  const admin = await users.findByEmailForSignIn(sql, { email: first.email });
  if (!admin?.isAdmin) return null;
  if (!(await verifyPassword({ hash: admin.passwordHash, password: DEMO_PASSWORD }))) return null;
  const accounts: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = await users.findByEmail(sql, { email: account.email });
    if (user) accounts.push({ email: account.email, displayName: user.displayName });
  }
  return { password: DEMO_PASSWORD, accounts };
}

/** Forgets the cached answer (tests that seed or empty a database in the same process). */
export function forgetDemoSignIn(): void {
  cached = undefined;
}
