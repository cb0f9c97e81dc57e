import {
  contributions,
  guests,
  organisations,
  workshopOrganisations,
  workshops,
  type Queryable,
} from '@atelier/db';
import { can, guestSections } from '@atelier/domain';
import type { WorkshopAccess } from './access.ts';
import { getConfig } from './config.ts';

/**
 * What a page that opens a workshop's room in the browser (`connectRoom`) needs: who is who,
 * what the policy allows this person, and where the realtime server is. The room page and the
 * presenter view read the same.
 */
export async function loadRoomData(
  sql: Queryable,
  options: { access: WorkshopAccess; user: { id: string; displayName: string } },
) {
  const { access, user } = options;
  const workshopId = access.workshop.id;
  const members = await workshops.listMembers(sql, { workshopId });
  // People and organisations who contributed between workshops need not have a seat: the
  // room still names them on the entries their accepted contributions added.
  const accepted = await contributions.listByStatus(sql, { workshopId, status: 'accepted' });
  // Nor need those of a workshop started from an open-data bundle, recorded at its creation.
  const imported = await workshopOrganisations.listIds(sql, { workshopId });
  const organisationIds = [
    ...new Set([
      ...members.map((member) => member.organisationId),
      ...accepted.map((c) => c.organisationId),
      ...imported,
    ]),
  ];
  const contributors = new Map<string, string>();
  for (const contribution of accepted) {
    if (contribution.authorId && contribution.authorName)
      contributors.set(contribution.authorId, contribution.authorName);
  }
  // Guests (present or gone) have no member row: the room names their ideas and hands from here.
  for (const guest of await guests.list(sql, { workshopId }))
    contributors.set(guest.userId, guest.displayName);
  const all = await organisations.list(sql);
  const seat = access.resource.seat;
  const config = getConfig();
  const allows = (action: Parameters<typeof can>[1]) => can(access.actor, action, access.resource);
  return {
    realtime: { url: config.REALTIME_PUBLIC_URL ?? null, port: config.REALTIME_PORT },
    me: {
      userId: user.id,
      displayName: user.displayName,
      role: seat?.role ?? null,
      // An unaffiliated guest's seat names no organisation ('').
      organisationId: seat?.organisationId || null,
      guest: seat?.guest !== undefined,
    },
    /** What the policy allows this person in the room; the realtime server enforces the same. */
    room: {
      writeContent: allows('workshop.writeContent'),
      facilitate: allows('workshop.writeFacilitation'),
      vote: allows('workshop.vote'),
      raiseHand: allows('workshop.raiseHand'),
      react: allows('workshop.react'),
      ...(seat?.guest ? { sections: guestSections(seat.guest, seat.organisationId) } : {}),
    },
    members: members.map((member) => ({
      userId: member.userId,
      displayName: member.displayName,
      role: member.role,
      organisationId: member.organisationId,
    })),
    contributors: [...contributors].map(([userId, displayName]) => ({ userId, displayName })),
    organisations: all
      .filter((organisation) => organisationIds.includes(organisation.id))
      .map((organisation) => ({ id: organisation.id, name: organisation.name, kind: organisation.kind })),
  };
}
