import { audit } from '@atelier/db';
import { requirePlatform } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

const PAGE = 100;

export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  await requirePlatform(sql, user, 'audit.read');
  const before = url.searchParams.get('before');
  const entries = await audit.list(sql, {
    limit: PAGE,
    beforeId: before && /^[0-9]{1,18}$/.test(before) ? before : undefined,
  });
  return {
    entries: entries.map((entry) => ({
      id: entry.id,
      actorName: entry.actorName,
      action: entry.action,
      subject: `${entry.subjectType} ${entry.subjectId}`,
      details: JSON.stringify(entry.details),
      createdAt: entry.createdAt.toISOString(),
    })),
    older: entries.length === PAGE ? entries.at(-1)?.id : undefined,
  };
};
