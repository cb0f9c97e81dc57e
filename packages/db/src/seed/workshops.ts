import type { ContentWriter, WorkshopRole } from '@atelier/domain';
import type { Queryable } from '../client.ts';
import * as workshops from '../repositories/workshops.ts';
import type { DemoPeopleIds, DemoPerson } from './accounts.ts';
import type { DemoClock } from './clock.ts';
import type { DemoOrganisation, DemoOrganisationIds } from './organisations.ts';

export const LIVE_TITLE = 'Compétences industrielles du Nord lorrain — feuille de route 100 jours';
export const CLOSED_TITLE = 'Mobilités Metz–Thionville–Luxembourg : diagnostic';

/** Who sits where in a workshop: person → organisation represented and role. */
type SeatPlan = Partial<Record<DemoPerson, [DemoOrganisation, WorkshopRole]>>;

const LIVE_SEATS: SeatPlan = {
  facilitator: ['metropole', 'facilitator'],
  company: ['steel', 'participant'],
  school: ['school', 'participant'],
  observer: ['federation', 'observer'],
  admin: ['metropole', 'observer'],
  automotive: ['automotive', 'participant'],
  logistics: ['logistics', 'participant'],
  software: ['software', 'participant'],
  boilermaking: ['boilermaking', 'participant'],
  maintenance: ['maintenance', 'participant'],
  forges: ['forges', 'participant'],
  electromechanics: ['electromechanics', 'participant'],
  schoolYutz: ['schoolYutz', 'participant'],
  schoolLongwy: ['schoolLongwy', 'participant'],
  cfa: ['cfa', 'participant'],
  university: ['university', 'participant'],
};

const CLOSED_SEATS: SeatPlan = {
  facilitator: ['metropole', 'facilitator'],
  company: ['steel', 'participant'],
  school: ['school', 'participant'],
  observer: ['federation', 'observer'],
  automotive: ['automotive', 'participant'],
  logistics: ['logistics', 'participant'],
  cfa: ['cfa', 'participant'],
};

/** A seated person as the write rules see them. */
export type Seats = Partial<Record<DemoPerson, ContentWriter>>;

export interface DemoWorkshop {
  id: string;
  seats: Seats;
}

/** The seat of a person who must have one (the demo's content is written by seated people). */
export function seatOf(seats: Seats, person: DemoPerson): ContentWriter {
  const seat = seats[person];
  if (!seat) throw new Error(`${person} has no seat in this demo workshop`);
  return seat;
}

async function seat(
  sql: Queryable,
  options: { workshopId: string; plan: SeatPlan; org: DemoOrganisationIds; people: DemoPeopleIds },
): Promise<Seats> {
  const seats: Seats = {};
  for (const [person, [organisation, role]] of Object.entries(options.plan)) {
    const userId = options.people[person as DemoPerson];
    const organisationId = options.org[organisation];
    await workshops.addMember(sql, { workshopId: options.workshopId, userId, organisationId, role });
    seats[person as DemoPerson] = { userId, organisationId, role };
  }
  return seats;
}

/**
 * The two demo workshops with their seats: the live one, in session since two hours ago, and the
 * closed mobility diagnosis of a month ago.
 */
export async function createWorkshops(
  sql: Queryable,
  options: { org: DemoOrganisationIds; people: DemoPeopleIds; clock: DemoClock },
): Promise<{ live: DemoWorkshop; closed: DemoWorkshop }> {
  const { clock, people } = options;
  const live = await workshops.create(sql, {
    title: LIVE_TITLE,
    description:
      "Recenser les besoins en compétences des entreprises de la vallée de la Fensch et du Sillon mosellan, et bâtir avec les écoles une feuille de route d'actions sur 100 jours.",
    status: 'live',
    startsAt: clock.minutes(-120),
    territory: 'Nord lorrain',
    createdBy: people.admin,
  });
  const closed = await workshops.create(sql, {
    title: CLOSED_TITLE,
    description:
      "Partager le diagnostic des déplacements domicile-travail vers le Luxembourg et identifier les dysfonctionnements de l'A31 et du TER.",
    status: 'closed',
    startsAt: clock.days(-30),
    territory: 'Sillon mosellan',
    createdBy: people.admin,
  });
  return {
    live: { id: live.id, seats: await seat(sql, { ...options, workshopId: live.id, plan: LIVE_SEATS }) },
    closed: {
      id: closed.id,
      seats: await seat(sql, { ...options, workshopId: closed.id, plan: CLOSED_SEATS }),
    },
  };
}
