import { invitations } from '@atelier/db';
import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { loadInvitation } from '$lib/server/invite-page.ts';
import { INVITATION, limitAction } from '$lib/server/rate-limits.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
  const { sql } = await getDb();
  return {
    token: params.token,
    invitation: await loadInvitation(sql, { token: params.token, user: locals.user, now: new Date() }),
    // A link may point at a call for contributions: the person lands on it once in.
    callId: await invitations.callIdOf(sql, { token: params.token }),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, params } = event;
    const user = requireUser(event);
    const limited = await limitAction(event, { rule: INVITATION, account: user.id });
    if (limited) return limited;
    const organisationId = String((await request.formData()).get('organisationId') ?? '') || undefined;
    const { sql } = await getDb();
    const result = await invitations.accept(sql, {
      token: params.token,
      userId: user.id,
      organisationId,
      now: new Date(),
    });
    if (!result.ok)
      return fail(result.reason === 'organisation_required' ? 400 : 410, { reason: result.reason });
    // An invitation made for a guest: the guest's realtime connections end with their guest seat.
    if (result.convertedGuestId) await revokeRealtime({ userIds: [result.convertedGuestId] });
    const callId = await invitations.callIdOf(sql, { token: params.token });
    redirect(303, callId ? `/contribute/${callId}` : `/workshops/${result.workshopId}`);
  },
};
