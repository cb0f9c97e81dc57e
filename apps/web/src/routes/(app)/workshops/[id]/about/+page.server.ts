import { contributions } from '@atelier/db';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // Not a guest's page; the layout has checked that the person may read this workshop.
  requireUser(event);
  const { workshop } = await event.parent();
  const { sql } = await getDb();
  const list = await contributions.listForWorkshop(sql, { workshopId: workshop.id });
  return {
    contributions: list.map((c) => ({
      id: c.id,
      kind: c.kind,
      authorName: c.authorName,
      organisationName: c.organisationName,
      createdAt: c.createdAt.toISOString(),
    })),
  };
};
