import { randomBytes } from 'node:crypto';
import type { Queryable } from '../client.ts';

/**
 * The key that signs unsubscribe links: made on first use and kept in the database, so every
 * web instance shares it and no variable has to be set for it.
 */
export async function unsubscribeKey(sql: Queryable): Promise<string> {
  await sql`
    insert into email_secrets (id, secret) values (1, ${randomBytes(32).toString('hex')})
    on conflict (id) do nothing`;
  const [row]: [{ secret: string }?] = await sql`select secret from email_secrets where id = 1`;
  if (!row) throw new Error('email secret missing');
  return row.secret;
}
