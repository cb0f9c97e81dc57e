import { describe, expect, it } from 'vitest';
import {
  GUEST_ACCESS_MIN_MS,
  JOIN_CODE_ALPHABET,
  generateJoinCode,
  guestAccessEnds,
  guestNameSchema,
  normaliseJoinCode,
} from './guest-access.ts';

describe('join codes', () => {
  it('has no symbol that reads like another (0/O, 1/I/L)', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(JOIN_CODE_ALPHABET).not.toContain(ambiguous);
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length);
  });

  it('draws six symbols of the alphabet, each about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const code = generateJoinCode((bytes) => crypto.getRandomValues(bytes));
      expect(code).toMatch(/^[A-Z2-9]{6}$/);
      for (const symbol of code) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    expect(counts.size).toBe(JOIN_CODE_ALPHABET.length);
    // 12,000 symbols over 31: about 387 each; a biased draw would leave some far below.
    for (const count of counts.values()) expect(count).toBeGreaterThan(280);
  });

  it('skips bytes that would bias the draw', () => {
    let call = 0;
    // 248 is the first byte above the largest multiple of 31 under 256: it is drawn again.
    const code = generateJoinCode((bytes) => bytes.fill(call++ === 0 ? 250 : 0));
    expect(code).toBe('AAAAAA');
  });

  it('reads a code as people type it, and refuses what cannot be one', () => {
    expect(normaliseJoinCode(' k7r-q2m ')).toBe('K7RQ2M');
    expect(normaliseJoinCode('K7RQ2')).toBeUndefined();
    expect(normaliseJoinCode('K7RQ2O')).toBeUndefined();
    expect(normaliseJoinCode("K7RQ2M' or 1=1")).toBeUndefined();
  });
});

describe('guest names', () => {
  it('takes 1 to 60 characters once trimmed', () => {
    expect(guestNameSchema.parse('  Camille ')).toBe('Camille');
    expect(guestNameSchema.safeParse('   ').success).toBe(false);
    expect(guestNameSchema.safeParse('x'.repeat(61)).success).toBe(false);
  });
});

describe('how long guest access lasts', () => {
  const timeZone = 'Europe/Paris';

  it('ends at midnight in Paris after the workshop day (winter and summer time)', () => {
    expect(guestAccessEnds({ openedAt: new Date('2026-03-10T08:00:00Z'), timeZone }).toISOString()).toBe(
      '2026-03-10T23:00:00.000Z',
    );
    expect(guestAccessEnds({ openedAt: new Date('2026-07-01T07:30:00Z'), timeZone }).toISOString()).toBe(
      '2026-07-01T22:00:00.000Z',
    );
    // The day summer time begins has 23 hours; midnight after it is 22:00 UTC.
    expect(guestAccessEnds({ openedAt: new Date('2026-03-29T08:00:00Z'), timeZone }).toISOString()).toBe(
      '2026-03-29T22:00:00.000Z',
    );
    // A month's last day rolls over to the next month.
    expect(guestAccessEnds({ openedAt: new Date('2026-04-30T09:00:00Z'), timeZone }).toISOString()).toBe(
      '2026-04-30T22:00:00.000Z',
    );
  });

  it('lasts at least four hours for an evening workshop', () => {
    const openedAt = new Date('2026-03-10T21:30:00Z'); // 22:30 in Paris
    expect(guestAccessEnds({ openedAt, timeZone }).getTime()).toBe(openedAt.getTime() + GUEST_ACCESS_MIN_MS);
  });
});
