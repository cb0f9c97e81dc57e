import { organisations, workshops } from '@atelier/db';
import { fail } from '@sveltejs/kit';
import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import {
  MEMBER_FIELDS,
  memberSchema,
  removeWorkshopMember,
  setWorkshopMember,
} from '$lib/server/workshops.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  const manage = access.allows('workshop.manageMembers');
  const members = await workshops.listMembers(sql, { workshopId: access.workshop.id });
  return {
    canManage: manage,
    members: members.map((member) => ({
      userId: member.userId,
      displayName: member.displayName,
      email: manage ? member.email : null,
      role: member.role,
      organisationName: member.organisationName,
    })),
    organisations: manage ? (await organisations.list(sql)).map((o) => ({ id: o.id, name: o.name })) : [],
  };
};

export const actions: Actions = {
  member: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, {
      user,
      workshopId: params.id,
      action: 'workshop.manageMembers',
    });
    const parsed = parseForm(await request.formData(), MEMBER_FIELDS, memberSchema);
    if (!parsed.ok) return fail(400, { form: 'member', values: echo(parsed.values), errors: parsed.errors });
    const result = await setWorkshopMember(sql, {
      actor: access.actor,
      workshopId: access.workshop.id,
      ...parsed.data,
      now: new Date(),
    });
    if (!result.ok) return fail(400, { form: 'member', values: echo(parsed.values), errors: result.errors });
    await revokeRealtime({ workshops: [{ workshopId: access.workshop.id }] });
    return { form: 'member', saved: true };
  },
  remove: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, {
      user,
      workshopId: params.id,
      action: 'workshop.manageMembers',
    });
    const userId = String((await request.formData()).get('userId') ?? '');
    const result = await removeWorkshopMember(sql, {
      actor: access.actor,
      workshopId: access.workshop.id,
      userId,
      now: new Date(),
    });
    if (!result.ok) return fail(400, { form: 'remove', values: {}, errors: { remove: result.error } });
    await revokeRealtime({ workshops: [{ workshopId: access.workshop.id, userId }] });
    return { form: 'remove', saved: true };
  },
};
