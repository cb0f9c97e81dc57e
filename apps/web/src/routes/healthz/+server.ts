import { json } from '@sveltejs/kit';
import { getDb } from '$lib/server/db.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
  try {
    const { sql } = await getDb();
    await sql`select 1`;
    return json({ status: 'ok', database: 'ok' });
  } catch {
    return json({ status: 'error', database: 'unreachable' }, { status: 503 });
  }
};
