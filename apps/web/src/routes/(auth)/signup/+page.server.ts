import { invitations } from '@atelier/db';
import { fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { signUpSchema } from '$lib/server/auth/account-schemas.ts';
import { clientOf, setSessionCookie } from '$lib/server/auth/cookies.ts';
import { deviceOf, setDeviceCookie } from '$lib/server/auth/devices.ts';
import { signUp } from '$lib/server/auth/sign-up.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { limitAction, SIGN_UP } from '$lib/server/rate-limits.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import type { Actions, PageServerLoad } from './$types';

/** The address an invitation was sent to (issue 20): the account is created for it. */
async function invitedAddress(token: string): Promise<string | null> {
  if (!token) return null;
  const { sql } = await getDb();
  return (await invitations.findByToken(sql, { token }))?.email ?? null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const invitation = url.searchParams.get('invitation') ?? '';
  const validToken = invitations.isTokenShaped(invitation) ? invitation : '';
  // A guest may create an account (the invitation made for them turns the guest into it).
  if (locals.user?.kind === 'account') redirect(303, validToken ? `/invite/${validToken}` : '/workshops');
  return { invitation: validToken, invitedEmail: await invitedAddress(validToken) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    // Whoever follows an invitation sent to an address creates the account of that address.
    const token = String(form.get('invitation') ?? '');
    const invitedEmail = invitations.isTokenShaped(token) ? await invitedAddress(token) : null;
    if (invitedEmail) form.set('email', invitedEmail);
    const parsed = parseForm(form, ['email', 'displayName', 'password', 'invitation'], signUpSchema);
    const invitation = invitations.isTokenShaped(parsed.values.invitation ?? '')
      ? parsed.values.invitation!
      : '';
    const organisationTyped = String(form.get('organisation') ?? '').slice(0, 200);
    if (!parsed.ok)
      return fail(400, {
        values: { ...echo(parsed.values), organisation: organisationTyped },
        errors: parsed.errors,
      });
    const limited = await limitAction(event, {
      rule: SIGN_UP,
      account: parsed.data.email,
      extra: { values: echo(parsed.values) },
    });
    if (limited) return limited;
    const { sql } = await getDb();
    const now = new Date();
    const device = deviceOf(event);
    const result = await signUp(sql, {
      ...parsed.data,
      locale: getLocale(),
      now,
      ...clientOf(event),
      device,
    });
    if (!result.ok) return fail(400, { values: echo(parsed.values), errors: result.errors });
    setSessionCookie(event, result);
    setDeviceCookie(event, device);
    if (invitation) {
      // An invitation for a named organisation seats the newcomer at once; one by kind asks which organisation.
      const joined = await invitations.accept(sql, { token: invitation, userId: result.userId, now });
      if (!joined.ok) redirect(303, `/invite/${invitation}`);
      // An invitation made for a guest: the guest's realtime connections end with their guest seat.
      if (joined.convertedGuestId) await revokeRealtime({ userIds: [joined.convertedGuestId] });
      // A link that points at a call for contributions leads to the call.
      const callId = await invitations.callIdOf(sql, { token: invitation });
      redirect(303, callId ? `/contribute/${callId}` : `/workshops/${joined.workshopId}`);
    }
    // Issue 20: the organisation typed is looked up, to join it rather than create a duplicate.
    const organisation = String(form.get('organisation') ?? '')
      .trim()
      .slice(0, 200);
    redirect(303, organisation ? `/organisations/join?q=${encodeURIComponent(organisation)}` : '/workshops');
  },
};
