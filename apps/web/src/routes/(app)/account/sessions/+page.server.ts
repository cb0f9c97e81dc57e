import { sessions } from '@atelier/db';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { locals } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const list = await sessions.listForUser(sql, { userId: user.id, now: new Date() });
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
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const ended = await sessions.invalidateAllForUser(sql, { userId: user.id, except: locals.session?.id });
    await revokeRealtime({ userIds: [user.id] });
    return { ended };
  },
};
