import { membershipRequests } from '@atelier/db';
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { requestToJoin, suggestOrganisations } from '$lib/server/membership.ts';
import type { Actions, PageServerLoad } from './$types';

// Issue 20: find one's organisation by name or SIREN and ask to join it, rather than create a
// duplicate. Sign-up leads here with what the person typed as their organisation.
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const query = (event.url.searchParams.get('q') ?? '').trim().slice(0, 200);
  const { sql } = await getDb();
  const [found, pending] = await Promise.all([
    query ? suggestOrganisations(sql, { name: query, siren: query }) : [],
    membershipRequests.listPendingForUser(sql, { userId: user.id }),
  ]);
  return {
    query,
    found,
    pending: pending.map((request) => ({
      id: request.id,
      organisationName: request.organisationName,
      createdAt: request.createdAt.toISOString(),
    })),
  };
};

export const actions: Actions = {
  request: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const organisationId = String(form.get('organisationId') ?? '');
    const { sql } = await getDb();
    const outcome = await requestToJoin(sql, {
      userId: user.id,
      organisationId,
      message: String(form.get('message') ?? '').slice(0, 1000),
      now: new Date(),
    });
    if (outcome === 'not_found') return fail(404, { outcome, organisationId });
    return { outcome, organisationId };
  },
  withdraw: async (event) => {
    const user = requireUser(event);
    const id = String((await event.request.formData()).get('requestId') ?? '');
    const { sql } = await getDb();
    const ok = /^[0-9a-f-]{36}$/i.test(id)
      ? await membershipRequests.withdraw(sql, { id, userId: user.id, now: new Date() })
      : false;
    return { withdrawn: ok };
  },
};
