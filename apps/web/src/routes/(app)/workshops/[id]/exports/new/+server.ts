import { error } from '@sveltejs/kit';
import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { parseForm } from '$lib/server/forms.ts';
import { UnknownVersionError } from '$lib/server/exports/input.ts';
import { EXPORT_FIELDS, exportOptionsSchema } from '$lib/server/exports/options.ts';
import { createExport, fileResponse } from '$lib/server/exports/service.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { RequestHandler } from './$types';

/**
 * The export form posts here: the file is rendered, kept in the history, and sent back as a
 * download (a plain form post, so it works without JavaScript).
 */
export const POST: RequestHandler = async ({ request, locals, url, params }) => {
  const user = requireUser({ locals, url }, { endpoint: true });
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.export' });
  const parsed = parseForm(await request.formData(), EXPORT_FIELDS, exportOptionsSchema);
  if (!parsed.ok) error(400, 'Invalid export options');
  try {
    const created = await createExport(sql, {
      actor: access.actor,
      user,
      workshop: access.workshop,
      choice: parsed.data,
      now: new Date(),
    });
    return fileResponse(created);
  } catch (cause) {
    if (cause instanceof UnknownVersionError) error(404, 'Not found');
    throw cause;
  }
};
