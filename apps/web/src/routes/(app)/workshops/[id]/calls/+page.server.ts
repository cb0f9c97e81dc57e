import { calls, organisations } from '@atelier/db';
import { callState } from '@atelier/domain';
import { fail, redirect } from '@sveltejs/kit';
import { workshopAccess } from '$lib/server/access.ts';
import { createCall, parseCallForm } from '$lib/server/contributions/calls.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, {
    user: user,
    workshopId: params.id,
    action: 'workshop.moderate',
  });
  const now = new Date();
  const list = await calls.listForWorkshop(sql, { workshopId: access.workshop.id });
  return {
    now: now.toISOString(),
    calls: list.map((call) => ({
      id: call.id,
      title: call.title,
      asks: call.asks,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      state: callState(call, now),
      submitted: call.submitted,
      accepted: call.accepted,
      rejected: call.rejected,
    })),
    organisations: (await organisations.list(sql)).map((o) => ({ id: o.id, name: o.name, kind: o.kind })),
  };
};

export const actions: Actions = {
  create: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.moderate' });
    const parsed = parseCallForm(await request.formData());
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values: parsed.values });
    const call = await createCall(sql, {
      workshopId: access.workshop.id,
      userId: user.id,
      input: parsed.input,
      now: new Date(),
    });
    redirect(303, `/workshops/${access.workshop.id}/calls?created=${call.id}`);
  },
};
