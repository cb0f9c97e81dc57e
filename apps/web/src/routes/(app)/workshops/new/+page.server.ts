import { fail, redirect } from '@sveltejs/kit';
import { requirePlatform, requireUser } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { createWorkshop, WORKSHOP_FIELDS, workshopSchema } from '$lib/server/workshops.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  const { sql } = await getDb();
  await requirePlatform(sql, locals.user!, 'workshop.create');
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = requireUser(locals, url);
    const { sql } = await getDb();
    const actor = await requirePlatform(sql, user, 'workshop.create');
    const parsed = parseForm(await request.formData(), WORKSHOP_FIELDS, workshopSchema);
    if (!parsed.ok) return fail(400, { values: echo(parsed.values), errors: parsed.errors });
    const id = await createWorkshop(sql, { actor, input: parsed.data, now: new Date() });
    redirect(303, `/workshops/${id}/settings`);
  },
};
