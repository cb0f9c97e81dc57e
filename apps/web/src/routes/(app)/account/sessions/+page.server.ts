import { sessions } from '@atelier/db';
import { requireUser } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { sql } = await getDb();
  const list = await sessions.listForUser(sql, { userId: locals.user!.id, now: new Date() });
  return {
    sessions: list.map((s) => ({
      current: s.id === locals.session?.id,
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      userAgent: s.userAgent,
      ip: s.ip,
    })),
  };
};

export const actions: Actions = {
  others: async ({ locals, url }) => {
    const user = requireUser(locals, url);
    const { sql } = await getDb();
    const ended = await sessions.invalidateAllForUser(sql, { userId: user.id, except: locals.session?.id });
    return { ended };
  },
};
