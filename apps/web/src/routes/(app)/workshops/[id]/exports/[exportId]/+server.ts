import { exportHistory } from '@atelier/db';
import { error } from '@sveltejs/kit';
import { isUuid, workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { exportRights } from '$lib/server/exports/access.ts';
import { fileResponse } from '$lib/server/exports/service.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { RequestHandler } from './$types';

/** Downloads a kept export again: any for facilitators, published ones for the others once closed. */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  const user = requireUser({ locals, url }, { endpoint: true });
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  if (!isUuid(params.exportId)) error(404, 'Not found');
  const file = await exportHistory.findFile(sql, { workshopId: access.workshop.id, id: params.exportId });
  if (!file) error(404, 'Not found');
  const rights = exportRights(access);
  if (!rights.manage && !(rights.downloadPublic && file.public)) error(403, 'Forbidden');
  return fileResponse(file);
};
