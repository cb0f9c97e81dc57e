import { contributions, organisations, workshopOrganisations, workshops } from '@atelier/db';
import { can } from '@atelier/domain';
import { getConfig } from '$lib/server/config.ts';
import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { PageServerLoad } from './$types';

/** The live room: who is who in this workshop, and where the realtime server is. */
export const load = (async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id });
  const members = await workshops.listMembers(sql, { workshopId: access.workshop.id });
  // People and organisations who contributed between workshops need not have a seat: the
  // room still names them on the entries their accepted contributions added.
  const accepted = await contributions.listByStatus(sql, {
    workshopId: access.workshop.id,
    status: 'accepted',
  });
  // Nor need those of a workshop started from an open-data bundle, recorded at its creation.
  const imported = await workshopOrganisations.listIds(sql, { workshopId: access.workshop.id });
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
  const all = await organisations.list(sql);
  const seat = access.resource.seat;
  const config = getConfig();
  return {
    realtime: { url: config.REALTIME_PUBLIC_URL ?? null, port: config.REALTIME_PORT },
    me: {
      userId: user.id,
      displayName: user.displayName,
      role: seat?.role ?? null,
      organisationId: seat?.organisationId ?? null,
    },
    /** What the policy allows this person in the room; the realtime server enforces the same. */
    room: {
      writeContent: can(access.actor, 'workshop.writeContent', access.resource),
      facilitate: can(access.actor, 'workshop.writeFacilitation', access.resource),
      vote: can(access.actor, 'workshop.vote', access.resource),
      raiseHand: can(access.actor, 'workshop.raiseHand', access.resource),
      react: can(access.actor, 'workshop.react', access.resource),
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
}) satisfies PageServerLoad;
