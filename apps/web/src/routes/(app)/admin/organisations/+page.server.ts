import { organisations } from '@atelier/db';
import { fail } from '@sveltejs/kit';
import { requirePlatform } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { setOrganisationVerified } from '$lib/server/membership.ts';
import type { Actions, PageServerLoad } from './$types';

// Issue 20: platform administrators verify organisations; calls limited to verified
// organisations reach only those.
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  await requirePlatform(sql, user, 'organisation.verify');
  const list = await organisations.listForVerification(sql);
  return {
    organisations: list.map((organisation) => ({
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      siren: organisation.siren ?? '',
      communeCode: organisation.communeCode,
      memberCount: organisation.memberCount,
      createdAt: organisation.createdAt.toISOString(),
      verifiedAt: organisation.verifiedAt?.toISOString() ?? null,
      verifiedByName: organisation.verifiedByName,
    })),
  };
};

export const actions: Actions = {
  verify: async (event) => {
    const user = requireUser(event);
    const { sql } = await getDb();
    const actor = await requirePlatform(sql, user, 'organisation.verify');
    const form = await event.request.formData();
    const changed = await setOrganisationVerified(sql, {
      actor,
      organisationId: String(form.get('organisationId') ?? ''),
      verified: form.get('verified') === 'true',
      now: new Date(),
    });
    if (!changed) return fail(404, { done: false });
    return { done: true };
  },
};
