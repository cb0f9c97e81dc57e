import { workshops } from '@atelier/db';
import { can } from '@atelier/domain';
import { actorOf } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  const [list, actor] = await Promise.all([
    workshops.listForUser(sql, { userId: user.id }),
    actorOf(sql, user),
  ]);
  // Administrators manage workshops without a seat: they see the others too.
  const others = user.isAdmin
    ? (await workshops.listAll(sql)).filter((w) => !list.some((mine) => mine.id === w.id))
    : [];
  return {
    others: others.map((w) => ({ id: w.id, title: w.title, status: w.status })),
    canCreate: can(actor, 'workshop.create', { type: 'platform' }),
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
