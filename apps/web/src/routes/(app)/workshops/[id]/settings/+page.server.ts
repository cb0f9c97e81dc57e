import { nextWorkshopStatus } from '@atelier/domain';
import { error, fail } from '@sveltejs/kit';
import { dateToParisLocal } from '$lib/dates.ts';
import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import {
  advanceStatus,
  statusSchema,
  updateWorkshop,
  WORKSHOP_FIELDS,
  workshopSchema,
} from '$lib/server/workshops.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  if (!access.allows('workshop.export') && !access.allows('workshop.update')) error(403, 'Forbidden');
  const { workshop } = access;
  return {
    canUpdate: access.allows('workshop.update'),
    canChangeStatus: access.allows('workshop.changeStatus'),
    next: nextWorkshopStatus(workshop.status) ?? null,
    values: {
      title: workshop.title,
      description: workshop.description,
      startsAt: workshop.startsAt ? dateToParisLocal(workshop.startsAt) : '',
      territory: workshop.territory,
      agenda: workshop.agenda,
    },
  };
};

export const actions: Actions = {
  update: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.update' });
    const parsed = parseForm(await request.formData(), WORKSHOP_FIELDS, workshopSchema);
    if (!parsed.ok) return fail(400, { form: 'update', values: echo(parsed.values), errors: parsed.errors });
    const changed = await updateWorkshop(sql, {
      actor: access.actor,
      workshopId: access.workshop.id,
      input: parsed.data,
      now: new Date(),
    });
    if (!changed)
      return fail(409, { form: 'update', values: echo(parsed.values), errors: { form: 'workshop_closed' } });
    return { form: 'update', saved: true };
  },
  status: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, {
      user,
      workshopId: params.id,
      action: 'workshop.changeStatus',
    });
    const parsed = parseForm(await request.formData(), ['to'], statusSchema);
    if (!parsed.ok) return fail(400, { form: 'status', errors: { status: 'invalid_choice' } });
    const moved = await advanceStatus(sql, {
      actor: access.actor,
      workshopId: access.workshop.id,
      from: access.workshop.status,
      to: parsed.data.to,
      now: new Date(),
    });
    if (!moved) return fail(409, { form: 'status', errors: { status: 'invalid_choice' } });
    return { form: 'status', saved: true };
  },
};
