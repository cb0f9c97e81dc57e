import { organisations } from '@atelier/db';
import { error } from '@sveltejs/kit';
import { versionView } from '$lib/room/versions/versions.server.ts';
import { isUuid, workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

/** One saved version, read-only, with the rows changed since highlighted. */
export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  if (!isUuid(params.versionId)) error(404, 'Not found');
  const version = await versionView(sql, { workshopId: access.workshop.id, versionId: params.versionId });
  if (!version) error(404, 'Not found');
  // Only the organisations the rows name: the page shows nothing about others.
  const used = new Set<unknown>();
  for (const rows of Object.values(version.tables)) {
    for (const row of rows) {
      for (const entry of [row.then, row.now]) {
        used.add(entry?.organisationId);
        used.add(entry?.ownerOrganisationId);
        if (Array.isArray(entry?.partnerOrganisationIds))
          for (const id of entry.partnerOrganisationIds) used.add(id);
      }
    }
  }
  const all = await organisations.list(sql);
  const organisationNames = Object.fromEntries(all.filter((o) => used.has(o.id)).map((o) => [o.id, o.name]));
  return { version, organisationNames };
};
