import { sessions } from '@atelier/db';
import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/cookies.ts';
import { getDb } from '$lib/server/db.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ locals, cookies, url }) => {
    if (locals.session) {
      const { sql } = await getDb();
      await sessions.invalidate(sql, { sessionId: locals.session.id });
      await revokeRealtime({ sessionIds: [locals.session.id] });
    }
    deleteSessionCookie({ cookies, url });
    redirect(303, '/');
  },
};
