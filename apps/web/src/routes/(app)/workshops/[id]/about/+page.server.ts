import { contributions } from '@atelier/db';
import { getDb } from '$lib/server/db.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
  // The layout has checked that the person may read this workshop.
  const { workshop } = await parent();
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
