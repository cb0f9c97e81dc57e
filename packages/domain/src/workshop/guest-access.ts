import { z } from 'zod';

/**
 * The letters and digits of a join code: no 0/O, 1/I/L, so that a code read from a
 * projector is typed right the first time (31 symbols, 31⁶ ≈ 887 million codes).
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** A join code, once normalised: six symbols of {@link JOIN_CODE_ALPHABET}. */
export type JoinCode = string & { __brand: 'JoinCode' };

const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/**
 * A new join code from random bytes (rejection sampling: every symbol equally likely).
 *
 * @param randomBytes - fills a buffer with random bytes (`crypto.getRandomValues` in the apps)
 * @example generateJoinCode((bytes) => crypto.getRandomValues(bytes)) // 'K7RQ2M'
 */
export function generateJoinCode(randomBytes: (bytes: Uint8Array) => Uint8Array): JoinCode {
  const size = JOIN_CODE_ALPHABET.length;
  // The largest multiple of the alphabet's size below 256: bytes above it are drawn again.
  const ceiling = 256 - (256 % size);
  let code = '';
  while (code.length < JOIN_CODE_LENGTH) {
    for (const byte of randomBytes(new Uint8Array(16))) {
      if (byte >= ceiling) continue;
      code += JOIN_CODE_ALPHABET[byte % size];
      if (code.length === JOIN_CODE_LENGTH) break;
    }
  }
  return code as JoinCode;
}

/**
 * A code as typed or read from a link, normalised: upper case, without spaces or dashes.
 *
 * @returns the code, or `undefined` when it cannot be a join code (checked before any query)
 * @example normaliseJoinCode(' k7r-q2m ') // 'K7RQ2M'
 */
export function normaliseJoinCode(input: string): JoinCode | undefined {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return JOIN_CODE.test(code) ? (code as JoinCode) : undefined;
}

/** A guest's name as shown in the room: 1 to 60 characters once trimmed. */
export const guestNameSchema = z.string().trim().min(1, 'required').max(60, 'too_long');

/** Guests stay at least this long after access opens, even late in the evening. */
export const GUEST_ACCESS_MIN_MS = 4 * 60 * 60 * 1000;

/**
 * When a guest access opened at `openedAt` ends: at midnight after the workshop day in the
 * workshop's time zone, or four hours after opening if that is later. Guests' sessions and
 * the join code end then.
 *
 * @param options.openedAt - when the facilitator opened guest access
 * @param options.timeZone - an IANA zone (Atelier's workshops meet in `Europe/Paris`)
 * @example guestAccessEnds({ openedAt: new Date('2026-03-10T08:00:00Z'), timeZone: 'Europe/Paris' })
 * // 2026-03-10T23:00:00.000Z (midnight in Paris)
 */
export function guestAccessEnds(options: { openedAt: Date; timeZone: string }): Date {
  const { openedAt, timeZone } = options;
  const { year, month, day } = localParts(openedAt, timeZone);
  const midnight = zonedTime({ year, month, day: day + 1 }, timeZone);
  return new Date(Math.max(midnight, openedAt.getTime() + GUEST_ACCESS_MIN_MS));
}

function localParts(instant: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant (epoch ms) of a local midnight in a zone (days past the month's end roll over). */
function zonedTime(date: { year: number; month: number; day: number }, timeZone: string): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  const first = guess - offsetAt(guess, timeZone);
  // Across a change of offset (summer time), the second reading is the right one.
  return guess - offsetAt(first, timeZone);
}
