import { membershipRequests, organisations } from '@atelier/db';
import { can } from '@atelier/domain';
import { fail } from '@sveltejs/kit';
import { organisationAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { decideRequest } from '$lib/server/membership.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import {
  addMemberSchema,
  ORGANISATION_FIELDS,
  organisationSchema,
  removeOrganisationMember,
  setOrganisationMember,
  updateOrganisation,
} from '$lib/server/organisations.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await organisationAccess(sql, { user, organisationId: params.id });
  const { organisation } = access;
  const manage = access.allows('organisation.manageMembers');
  const members = await organisations.listMembers(sql, { organisationId: organisation.id });
  const requests = manage
    ? await membershipRequests.listPending(sql, { organisationId: organisation.id })
    : [];
  return {
    organisation: {
      id: organisation.id,
      kind: organisation.kind,
      name: organisation.name,
      siren: organisation.siren ?? '',
      communeCode: organisation.communeCode,
      fictional: organisation.fictional,
      verified: organisation.verifiedAt !== null,
    },
    requests: requests.map((request) => ({
      id: request.id,
      displayName: request.displayName,
      email: request.email ?? '',
      message: request.message,
      createdAt: request.createdAt.toISOString(),
    })),
    canUpdate: access.allows('organisation.update'),
    canManage: manage,
    allowMetropole: can(access.actor, 'organisation.createMetropole', { type: 'platform' }),
    members: members.map((member) => ({
      userId: member.userId,
      displayName: member.displayName,
      // Members see each other's names; e-mails are for those who manage the organisation.
      email: manage ? member.email : null,
      role: member.role,
    })),
  };
};

export const actions: Actions = {
  update: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await organisationAccess(sql, {
      user,
      organisationId: params.id,
      action: 'organisation.update',
    });
    const parsed = parseForm(await request.formData(), ORGANISATION_FIELDS, organisationSchema);
    if (!parsed.ok) return fail(400, { form: 'update', values: echo(parsed.values), errors: parsed.errors });
    const result = await updateOrganisation(sql, {
      actor: access.actor,
      id: access.organisation.id,
      currentKind: access.organisation.kind,
      input: parsed.data,
      now: new Date(),
    });
    if (!result.ok) return fail(400, { form: 'update', values: echo(parsed.values), errors: result.errors });
    return { form: 'update', saved: true };
  },
  member: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await organisationAccess(sql, {
      user,
      organisationId: params.id,
      action: 'organisation.manageMembers',
    });
    const parsed = parseForm(await request.formData(), ['email', 'role'], addMemberSchema);
    if (!parsed.ok) return fail(400, { form: 'member', values: echo(parsed.values), errors: parsed.errors });
    const result = await setOrganisationMember(sql, {
      actor: access.actor,
      organisationId: access.organisation.id,
      ...parsed.data,
      now: new Date(),
    });
    if (!result.ok) return fail(400, { form: 'member', values: echo(parsed.values), errors: result.errors });
    return { form: 'member', saved: true };
  },
  decide: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await organisationAccess(sql, {
      user,
      organisationId: params.id,
      action: 'organisation.manageMembers',
    });
    const form = await request.formData();
    const decision = form.get('decision') === 'approved' ? 'approved' : 'refused';
    const outcome = await decideRequest(sql, {
      actor: access.actor,
      organisationId: access.organisation.id,
      requestId: String(form.get('requestId') ?? ''),
      decision,
      now: new Date(),
    });
    if (outcome === 'not_found') return fail(409, { form: 'decide', values: {}, errors: { decide: 'gone' } });
    return { form: 'decide', saved: true };
  },
  remove: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await organisationAccess(sql, {
      user,
      organisationId: params.id,
      action: 'organisation.manageMembers',
    });
    const userId = String((await request.formData()).get('userId') ?? '');
    const result = await removeOrganisationMember(sql, {
      actor: access.actor,
      organisationId: access.organisation.id,
      userId,
      now: new Date(),
    });
    if (!result.ok) return fail(400, { form: 'remove', values: {}, errors: { remove: result.error } });
    await revokeRealtime({ userIds: [userId] });
    return { form: 'remove', saved: true };
  },
};
