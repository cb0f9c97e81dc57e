/** Workshops take place in Lorraine: dates typed in forms are Paris wall-clock times. */
export const TIME_ZONE = 'Europe/Paris';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

function offsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((wall - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a `datetime-local` value read as Paris time, or undefined when
 * the value is not a real date (2026-02-30T10:00).
 *
 * @example parisLocalToDate('2026-07-01T09:30') // 2026-07-01T07:30:00.000Z
 */
export function parisLocalToDate(value: string): Date | undefined {
  const match = LOCAL.exec(value);
  if (!match) return undefined;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(naive);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return undefined;
  // Two passes settle the offset around daylight-saving changes.
  let instant = naive - offsetMinutes(new Date(naive)) * 60_000;
  instant = naive - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant);
}

/** A date as a `datetime-local` value in Paris time. */
export function dateToParisLocal(date: Date): string {
  const shifted = new Date(date.getTime() + offsetMinutes(date) * 60_000);
  return shifted.toISOString().slice(0, 16);
}
