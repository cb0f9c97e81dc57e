import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event, { guests: true });
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  const { workshop } = access;
  return {
    workshop: {
      id: workshop.id,
      title: workshop.title,
      status: workshop.status,
      description: workshop.description,
      agenda: workshop.agenda,
      territory: workshop.territory,
      startsAt: workshop.startsAt?.toISOString() ?? null,
    },
    seat: access.resource.seat ?? null,
    may: {
      update: access.allows('workshop.update'),
      manageMembers: access.allows('workshop.manageMembers'),
      manageInvitations: access.allows('workshop.manageInvitations'),
      manageGuests: access.allows('workshop.manageGuests'),
      present: access.allows('workshop.present'),
      export: access.allows('workshop.export'),
      moderate: access.allows('workshop.moderate'),
      // Settings stay viewable by facilitators and admins once the workshop is closed, read-only.
      seeSettings: access.allows('workshop.export') || access.allows('workshop.update'),
    },
  };
};
