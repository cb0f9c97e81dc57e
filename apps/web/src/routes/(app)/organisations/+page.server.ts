import { membershipRequests, organisations } from '@atelier/db';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  const mine = await organisations.listForUser(sql, { userId: user.id });
  const all = user.isAdmin ? await organisations.list(sql) : [];
  const strip = (o: {
    id: string;
    name: string;
    kind: (typeof mine)[number]['kind'];
    communeCode: string;
    verifiedAt: Date | null;
  }) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    communeCode: o.communeCode,
    verified: o.verifiedAt !== null,
  });
  const pending = await membershipRequests.listPendingForUser(sql, { userId: user.id });
  return {
    mine: mine.map((o) => ({ ...strip(o), role: o.role })),
    others: all.filter((o) => !mine.some((x) => x.id === o.id)).map(strip),
    pending: pending.map((request) => ({ id: request.id, organisationName: request.organisationName })),
  };
};
