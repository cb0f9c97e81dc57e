import { can } from '@atelier/domain';
import { fail, redirect } from '@sveltejs/kit';
import { actorOf } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import { suggestOrganisations } from '$lib/server/membership.ts';
import { createOrganisation, ORGANISATION_FIELDS, organisationSchema } from '$lib/server/organisations.ts';
import { safeRedirectTarget } from '$lib/server/redirect.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { url } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const actor = await actorOf(sql, user);
  return {
    allowMetropole: can(actor, 'organisation.createMetropole', { type: 'platform' }),
    kind: url.searchParams.get('kind') ?? '',
    name: (url.searchParams.get('name') ?? '').slice(0, 200),
  };
};

export const actions: Actions = {
  default: async ({ request, locals, url }) => {
    const user = requireUser({ locals, url });
    const form = await request.formData();
    const parsed = parseForm(form, ORGANISATION_FIELDS, organisationSchema);
    if (!parsed.ok) return fail(400, { values: echo(parsed.values), errors: parsed.errors });
    const { sql } = await getDb();
    const actor = await actorOf(sql, user);
    if (!can(actor, 'organisation.create', { type: 'platform' }))
      return fail(403, { values: {}, errors: {} });
    // Issue 20: existing organisations with this name or SIREN are offered first; creating one
    // anyway takes a second, explicit post (a SIREN is unique: that one can only be joined).
    const suggestions = await suggestOrganisations(sql, {
      name: parsed.data.name,
      siren: parsed.data.siren ?? '',
    });
    const sameSiren = suggestions.find((suggestion) => suggestion.match === 'siren');
    const confirmed = String(form.get('confirmNew') ?? '').trim() === parsed.data.name;
    if (sameSiren || (suggestions.length > 0 && !confirmed)) {
      return fail(409, {
        values: echo(parsed.values),
        errors: sameSiren ? { siren: 'siren_taken' } : {},
        suggestions,
        sirenOf: sameSiren?.name ?? '',
      });
    }
    const result = await createOrganisation(sql, { actor, input: parsed.data, now: new Date() });
    if (!result.ok) return fail(400, { values: echo(parsed.values), errors: result.errors });
    redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), `/organisations/${result.id}`));
  },
};
