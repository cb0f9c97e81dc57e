import { organisations, sessions, users, workshops, type Db } from '@atelier/db';
import type { OrganisationKind } from '@atelier/domain';
import type { Person, World } from '../support.ts';

/** The people of a fault run: a facilitator and two participants of different organisations. */
export type FaultPerson = Extract<Person, 'facilitator' | 'company' | 'school'>;

/** What a fault run needs of a world: one live workshop, three seats, a session each. */
export type FaultWorld = Pick<World, 'db' | 'liveId'> & {
  tokens: Record<FaultPerson, string>;
  userIds: Record<FaultPerson, string>;
  seatOrganisationIds: Record<FaultPerson, string>;
};

/**
 * A small world of its own, made in a few queries: the demo seed is far heavier than a fault
 * run needs, and a run must not depend on what the demo contains.
 */
export async function openFaultWorld(db: Db): Promise<FaultWorld> {
  const sql = db.sql;
  const suffix = Math.random().toString(36).slice(2, 10);
  const workshop = await workshops.create(sql, {
    title: `Atelier ${suffix}`,
    status: 'live',
    territory: 'Nord lorrain',
  });
  const seats: Record<FaultPerson, { kind: OrganisationKind; role: 'facilitator' | 'participant' }> = {
    facilitator: { kind: 'metropole', role: 'facilitator' },
    company: { kind: 'company', role: 'participant' },
    school: { kind: 'school', role: 'participant' },
  };
  const world = { db, liveId: workshop.id, tokens: {}, userIds: {}, seatOrganisationIds: {} } as FaultWorld;
  for (const [person, seat] of Object.entries(seats) as [FaultPerson, (typeof seats)[FaultPerson]][]) {
    const user = await users.create(sql, {
      email: `${person}-${suffix}@faults.example`,
      displayName: `${person} ${suffix}`,
      passwordHash: 'x',
    });
    const organisation = await organisations.create(sql, {
      kind: seat.kind,
      name: `${person} ${suffix}`,
      communeCode: '57463',
    });
    await organisations.addMember(sql, { organisationId: organisation.id, userId: user.id, role: 'admin' });
    await workshops.addMember(sql, {
      workshopId: workshop.id,
      userId: user.id,
      organisationId: organisation.id,
      role: seat.role,
    });
    const token = sessions.generateToken();
    await sessions.create(sql, { token, userId: user.id, now: new Date() });
    world.tokens[person] = token;
    world.userIds[person] = user.id;
    world.seatOrganisationIds[person] = organisation.id;
  }
  return world;
}
