import { fail, redirect } from '@sveltejs/kit';
import { requirePlatform } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import { MAX_BUNDLE_BYTES, readBundle } from '$lib/server/open-data-import.ts';
import {
  createWorkshop,
  WORKSHOP_FIELDS,
  WorkshopImportError,
  workshopSchema,
} from '$lib/server/workshops.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  await requirePlatform(sql, user, 'workshop.create');
  return { maxBundleBytes: MAX_BUNDLE_BYTES };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const actor = await requirePlatform(sql, user, 'workshop.create');
    const form = await request.formData();
    const parsed = parseForm(form, WORKSHOP_FIELDS, workshopSchema);
    // An optional open-data bundle to start from; a refused file creates nothing.
    const file = form.get('bundle');
    const bundle = file instanceof File && file.size > 0 ? await readBundle(file) : undefined;
    if (!parsed.ok || (bundle && !bundle.ok)) {
      return fail(400, {
        values: echo(parsed.values),
        errors: parsed.ok ? {} : parsed.errors,
        bundle: bundle && !bundle.ok ? { problem: bundle.problem, detail: bundle.detail } : undefined,
      });
    }
    let id: string;
    try {
      id = await createWorkshop(sql, { actor, input: parsed.data, now: new Date(), bundle });
    } catch (error) {
      if (!(error instanceof WorkshopImportError)) throw error;
      return fail(503, {
        values: echo(parsed.values),
        errors: {},
        bundle: { problem: 'unavailable' as const, detail: '' },
      });
    }
    redirect(303, `/workshops/${id}/settings`);
  },
};
