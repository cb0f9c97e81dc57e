import { guests } from '@atelier/db';
import { normaliseJoinCode } from '@atelier/domain';
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db.ts';
import type { PageServerLoad } from './$types';

/**
 * Typing a workshop's code (`/j?code=…` from the form below), and where a guest comes back to:
 * a guest with a seat goes to their workshop's room.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
  if (locals.user?.kind === 'guest') {
    const workshopId = await guests.workshopOf((await getDb()).sql, { userId: locals.user.id });
    if (workshopId) redirect(303, `/workshops/${workshopId}`);
  }
  const typed = url.searchParams.get('code');
  if (typed === null) return { typed: '', invalid: false };
  const code = normaliseJoinCode(typed);
  if (code) redirect(303, `/j/${code}`);
  return { typed: typed.slice(0, 20), invalid: true };
};
