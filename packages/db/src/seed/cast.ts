import type { DemoClock } from './clock.ts';
import type { DemoOrganisationIds } from './organisations.ts';
import type { Seats } from './workshops.ts';

/** What the content of a demo workshop is written from: its seats, the organisations' ids, the clock. */
export interface Cast {
  seats: Seats;
  org: DemoOrganisationIds;
  clock: DemoClock;
}
