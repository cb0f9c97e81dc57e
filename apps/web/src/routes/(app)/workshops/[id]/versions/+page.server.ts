import { versions } from '@atelier/db';
import { fail } from '@sveltejs/kit';
import { saveVersion, VERSION_FIELDS, versionFormSchema } from '$lib/room/versions/versions.server.ts';
import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

/** Saved versions of the workshop: everyone who reads the workshop sees them; facilitators save. */
export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  const list = await versions.listForWorkshop(sql, { workshopId: access.workshop.id });
  return {
    canSave: access.allows('workshop.writeFacilitation'),
    versions: list.map((version) => ({
      id: version.id,
      name: version.name,
      authorName: version.authorName,
      createdAt: version.createdAt.toISOString(),
    })),
  };
};

export const actions: Actions = {
  save: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, {
      user,
      workshopId: params.id,
      action: 'workshop.writeFacilitation',
    });
    const parsed = parseForm(await request.formData(), VERSION_FIELDS, versionFormSchema);
    if (!parsed.ok) return fail(400, { values: echo(parsed.values), errors: parsed.errors });
    const saved = await saveVersion(sql, {
      workshopId: access.workshop.id,
      name: parsed.data.name,
      actorId: user.id,
      now: new Date(),
    });
    return { saved: { id: saved.id, name: parsed.data.name } };
  },
};
