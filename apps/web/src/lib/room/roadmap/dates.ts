// Roadmap dates as people read them: `J+N` against the workshop's day 0, and the calendar
// date it falls on (or the other way round), both shown so neither has to be worked out.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RELATIVE = /^J\+(\d{1,4})$/;
const DAY_MS = 86_400_000;

function isoDay(value: string): number | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? undefined : Math.round(ms / DAY_MS);
}

/** A roadmap date resolved: days after day 0 and the ISO date, each when it can be known. */
export interface ResolvedDate {
  /** Days after day 0 (negative before it), when day 0 is known or the date is `J+N`. */
  offset: number | undefined;
  /** The calendar date `YYYY-MM-DD`, when the date is one or day 0 is known. */
  iso: string | undefined;
  /** `J+N` (or `J-N`), when the offset is known. */
  relative: string | undefined;
}

/**
 * Resolves a roadmap date against day 0.
 *
 * @param options.date - `J+N` or `YYYY-MM-DD`
 * @param options.dayZero - the workshop's day 0 (`YYYY-MM-DD`), when known
 * @example resolveDate({ date: 'J+10', dayZero: '2026-11-26' }) // { offset: 10, iso: '2026-12-06', relative: 'J+10' }
 */
export function resolveDate(options: { date: string; dayZero?: string | undefined }): ResolvedDate {
  const zero = options.dayZero === undefined ? undefined : isoDay(options.dayZero);
  const relative = RELATIVE.exec(options.date);
  if (relative) {
    const offset = Number(relative[1]);
    const iso =
      zero === undefined ? undefined : new Date((zero + offset) * DAY_MS).toISOString().slice(0, 10);
    return { offset, iso, relative: `J+${offset}` };
  }
  const day = isoDay(options.date);
  if (day === undefined) return { offset: undefined, iso: undefined, relative: undefined };
  const offset = zero === undefined ? undefined : day - zero;
  const label = offset === undefined ? undefined : offset >= 0 ? `J+${offset}` : `J${offset}`;
  return { offset, iso: options.date, relative: label };
}

/** A calendar date for people, in their language, e.g. "6 déc. 2026". */
export function formatIsoDate(options: { iso: string; locale: string }): string {
  const day = isoDay(options.iso);
  if (day === undefined) return options.iso;
  return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(day * DAY_MS),
  );
}
