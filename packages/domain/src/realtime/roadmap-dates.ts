const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RELATIVE = /^J\+(\d{1,4})$/;
const DAY_MS = 86_400_000;

/** A roadmap date read: an absolute day (days since 1970-01-01) or a day after day 0. */
type RoadmapDay = { kind: 'absolute'; day: number } | { kind: 'relative'; offset: number };

function readDay(date: string): RoadmapDay | undefined {
  const relative = RELATIVE.exec(date);
  if (relative) return { kind: 'relative', offset: Number(relative[1]) };
  const iso = ISO_DATE.exec(date);
  if (!iso) return undefined;
  const ms = Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
  return Number.isNaN(ms) ? undefined : { kind: 'absolute', day: Math.round(ms / DAY_MS) };
}

/**
 * Compares two roadmap dates (ISO dates, or `J+N` days after the workshop's day 0).
 * Two dates of the same form compare directly; an ISO date and a `J+N` date need
 * `dayZero`.
 *
 * @param options.a - the first date
 * @param options.b - the second date
 * @param options.dayZero - the workshop's day 0 (facilitation settings), when known
 * @returns days from `a` to `b` (positive when `b` is later), or `undefined` when they
 *   cannot be compared (unreadable, or mixed forms without day 0)
 * @example compareRoadmapDates({ a: 'J+10', b: '2026-12-01', dayZero: '2026-11-26' }) // -5
 */
export function compareRoadmapDates(options: { a: string; b: string; dayZero?: string }): number | undefined {
  const a = readDay(options.a);
  const b = readDay(options.b);
  if (!a || !b) return undefined;
  if (a.kind === 'relative' && b.kind === 'relative') return b.offset - a.offset;
  if (a.kind === 'absolute' && b.kind === 'absolute') return b.day - a.day;
  const zero = options.dayZero === undefined ? undefined : readDay(options.dayZero);
  if (zero?.kind !== 'absolute') return undefined;
  const absolute = (day: RoadmapDay) => (day.kind === 'absolute' ? day.day : zero.day + day.offset);
  return absolute(b) - absolute(a);
}

/**
 * Whether a roadmap action's `start` is not after its `due` date: the cross-field rule
 * the server applies to each action as it is after an update, and the web forms
 * before they write. Dates that cannot be compared (mixed forms without day 0) pass.
 *
 * @param options.start - the action's start (ISO date or `J+N`)
 * @param options.due - the action's due date (ISO date or `J+N`)
 * @param options.dayZero - the workshop's day 0, when known
 * @example roadmapDatesInOrder({ start: 'J+30', due: 'J+10' }) // false
 */
export function roadmapDatesInOrder(options: { start: string; due: string; dayZero?: string }): boolean {
  const days = compareRoadmapDates({ a: options.start, b: options.due, dayZero: options.dayZero });
  return days === undefined || days >= 0;
}
