import { users } from '@atelier/db';
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { RequestHandler } from './$types';

/** Everything stored about the signed-in person, as a JSON download (GDPR, right of access). */
export const GET: RequestHandler = async (event) => {
  const user = requireUser(event, { endpoint: true });
  const { sql } = await getDb();
  const data = await users.exportData(sql, { id: user.id });
  if (!data) error(404, 'Not found');
  const body = JSON.stringify({ exportedAt: new Date().toISOString(), ...data }, null, 2);
  return new Response(body, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="atelier-my-data.json"',
      'cache-control': 'no-store',
    },
  });
};
