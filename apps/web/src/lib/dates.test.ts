import { describe, expect, it } from 'vitest';
import { dateToParisLocal, parisLocalToDate } from './dates.ts';

describe('Paris wall-clock dates', () => {
  it('reads summer and winter times with their offsets', () => {
    expect(parisLocalToDate('2026-07-01T09:30')?.toISOString()).toBe('2026-07-01T07:30:00.000Z');
    expect(parisLocalToDate('2026-12-01T09:30')?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
  });

  it('refuses dates that do not exist and other shapes', () => {
    expect(parisLocalToDate('2026-02-30T10:00')).toBeUndefined();
    expect(parisLocalToDate('2026-07-01T24:00')).toBeUndefined();
    expect(parisLocalToDate('demain')).toBeUndefined();
  });

  it('writes a date back as the value it was read from', () => {
    expect(dateToParisLocal(new Date('2026-07-01T07:30:00Z'))).toBe('2026-07-01T09:30');
  });
});
