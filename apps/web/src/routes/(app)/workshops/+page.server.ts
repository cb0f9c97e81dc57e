import { workshops } from '@atelier/db';
import { getDb } from '$lib/server/db.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { sql } = await getDb();
  // The (app) layout guarantees a signed-in user.
  const list = await workshops.listForUser(sql, { userId: locals.user!.id });
  return {
    workshops: list.map((w) => ({
      id: w.id,
      title: w.title,
      description: w.description,
      status: w.status,
      startsAt: w.startsAt?.toISOString() ?? null,
      territory: w.territory,
      role: w.role,
      organisationName: w.organisationName,
      memberCount: w.memberCount,
    })),
  };
};
