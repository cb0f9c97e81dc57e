import { organisations } from '@atelier/db';
import { error, fail } from '@sveltejs/kit';
import { restoreVersion, versionView } from '$lib/room/versions/versions.server.ts';
import { isUuid, workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

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
  return { version, organisationNames, canRestore: access.allows('workshop.writeFacilitation') };
};

export const actions: Actions = {
  /** Facilitators restore the version on the live room, through the realtime service. */
  restore: async ({ locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, {
      user,
      workshopId: params.id,
      action: 'workshop.writeFacilitation',
    });
    if (!isUuid(params.versionId)) error(404, 'Not found');
    const outcome = await restoreVersion(sql, {
      workshopId: access.workshop.id,
      versionId: params.versionId,
      actorId: user.id,
      now: new Date(),
    });
    if (outcome === 'not_found') error(404, 'Not found');
    if (outcome === 'failed') return fail(502, { restore: 'failed' as const });
    return { restore: 'restored' as const };
  },
};
