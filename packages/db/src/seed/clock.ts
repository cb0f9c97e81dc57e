/** Times of the demo, relative to the moment it is loaded: the live workshop is always "today". */
export interface DemoClock {
  now: Date;
  /** `now` moved by some minutes (negative: before). */
  minutes(offset: number): Date;
  /** `now` moved by some days (negative: before). */
  days(offset: number): Date;
  /** As `minutes`, as the ISO timestamp the documents store. */
  iso(offsetMinutes: number): string;
  /** The Paris calendar day of `now` moved by some days, as YYYY-MM-DD (a roadmap's day 0). */
  parisDay(offsetDays: number): string;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export function demoClock(now: Date): DemoClock {
  const minutes = (offset: number) => new Date(now.getTime() + offset * MINUTE);
  return {
    now,
    minutes,
    days: (offset) => new Date(now.getTime() + offset * DAY),
    iso: (offset) => minutes(offset).toISOString(),
    parisDay: (offset) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
        new Date(now.getTime() + offset * DAY),
      ),
  };
}
