import { exportHistory, versions } from '@atelier/db';
import { OPEN_DATA_LICENCES, OPEN_DATA_LICENCE_IDS } from '@atelier/domain';
import { error, fail } from '@sveltejs/kit';
import { isUuid, workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { exportRights } from '$lib/server/exports/access.ts';
import { publishExport } from '$lib/server/exports/service.ts';
import { requireUser } from '$lib/server/guard.ts';
import { getLocale } from '$lib/paraglide/runtime.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  const rights = exportRights(access);
  if (!rights.manage && !rights.downloadPublic) error(403, 'Forbidden');
  const [history, saved] = await Promise.all([
    exportHistory.listForWorkshop(sql, { workshopId: access.workshop.id, publicOnly: !rights.manage }),
    rights.manage ? versions.listForWorkshop(sql, { workshopId: access.workshop.id }) : [],
  ]);
  return {
    manage: rights.manage,
    locale: getLocale(),
    licences: OPEN_DATA_LICENCE_IDS.map((id) => ({ id, name: OPEN_DATA_LICENCES[id].name })),
    versions: saved.map((v) => ({ id: v.id, name: v.name, createdAt: v.createdAt.toISOString() })),
    history: history.map((e) => ({
      id: e.id,
      format: e.format,
      locale: e.locale,
      anonymised: e.anonymised,
      versionName: e.versionName,
      fileName: e.fileName,
      size: e.size,
      public: e.public,
      // Participants see the published reports, not who made them.
      authorName: rights.manage ? e.authorName : null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
};

export const actions: Actions = {
  publish: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.export' });
    const form = await request.formData();
    const exportId = String(form.get('exportId') ?? '');
    const value = form.get('public') === 'true';
    if (!isUuid(exportId)) return fail(400, { published: null });
    const changed = await publishExport(sql, {
      actor: access.actor,
      workshopId: access.workshop.id,
      exportId,
      public: value,
      now: new Date(),
    });
    if (!changed) return fail(404, { published: null });
    return { published: value };
  },
};
