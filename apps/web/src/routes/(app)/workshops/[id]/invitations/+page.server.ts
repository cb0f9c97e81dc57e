import { calls, invitations, organisations } from '@atelier/db';
import { getLocale } from '$lib/paraglide/runtime.js';
import { invitationState } from '@atelier/domain';
import { error, fail } from '@sveltejs/kit';
import { isUuid, workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import {
  createInvitation,
  INVITATION_FIELDS,
  invitationSchema,
  revokeInvitation,
} from '$lib/server/invitations.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  const canManage = access.allows('workshop.manageInvitations');
  // Once closed, the list stays readable by those who managed it.
  if (!canManage && !access.allows('workshop.export')) error(403, 'Forbidden');
  const now = new Date();
  const list = await invitations.listForWorkshop(sql, { workshopId: access.workshop.id });
  return {
    canManage,
    locale: getLocale(),
    invitations: list.map((invitation) => ({
      id: invitation.id,
      email: invitation.email,
      role: invitation.role,
      organisationName: invitation.organisationName,
      organisationKind: invitation.organisationKind,
      expiresAt: invitation.expiresAt.toISOString(),
      uses: invitation.uses,
      maxUses: invitation.maxUses,
      state: invitationState({ ...invitation, workshopStatus: access.workshop.status }, now),
    })),
    organisations: canManage ? (await organisations.list(sql)).map((o) => ({ id: o.id, name: o.name })) : [],
    // Calls for contributions a link may point at (contributions issue).
    calls: canManage
      ? (await calls.listForWorkshop(sql, { workshopId: access.workshop.id })).map((c) => ({
          id: c.id,
          title: c.title,
        }))
      : [],
  };
};

export const actions: Actions = {
  create: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, {
      user,
      workshopId: params.id,
      action: 'workshop.manageInvitations',
    });
    const formData = await request.formData();
    const callId = String(formData.get('callId') ?? '');
    const parsed = parseForm(formData, INVITATION_FIELDS, invitationSchema);
    if (!parsed.ok) return fail(400, { form: 'create', values: echo(parsed.values), errors: parsed.errors });
    // A link to a call of this workshop; anything else is no call (createInvitation checks it).
    const result = await createInvitation(sql, {
      actor: access.actor,
      workshopId: access.workshop.id,
      input: parsed.data,
      now: new Date(),
      callId: isUuid(callId) ? callId : undefined,
    });
    if (!result.ok) return fail(400, { form: 'create', values: echo(parsed.values), errors: result.errors });
    // The token exists only here, in the link and (until sent) in the outbox: the database keeps its hash.
    return { form: 'create', link: `${url.origin}/invite/${result.token}`, sentTo: parsed.data.email };
  },
  revoke: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, {
      user,
      workshopId: params.id,
      action: 'workshop.manageInvitations',
    });
    const invitationId = String((await request.formData()).get('invitationId') ?? '');
    const revoked = await revokeInvitation(sql, {
      actor: access.actor,
      workshopId: access.workshop.id,
      invitationId,
      now: new Date(),
    });
    if (!revoked) return fail(404, { form: 'revoke', errors: { revoke: 'invalid_choice' } });
    return { form: 'revoke', revoked: true };
  },
};
