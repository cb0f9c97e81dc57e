import { describe, expect, it } from 'vitest';
import { formatIsoDate, resolveDate } from './dates.ts';

describe('resolveDate', () => {
  it('places J+N on the calendar from day 0', () => {
    expect(resolveDate({ date: 'J+10', dayZero: '2026-11-26' })).toEqual({
      offset: 10,
      iso: '2026-12-06',
      relative: 'J+10',
    });
  });
  it('gives an ISO date its J+N, or J-N before day 0', () => {
    expect(resolveDate({ date: '2026-12-26', dayZero: '2026-11-26' }).relative).toBe('J+30');
    expect(resolveDate({ date: '2026-11-20', dayZero: '2026-11-26' }).relative).toBe('J-6');
  });
  it('keeps what it can without day 0', () => {
    expect(resolveDate({ date: 'J+5' })).toEqual({ offset: 5, iso: undefined, relative: 'J+5' });
    expect(resolveDate({ date: '2026-12-01' })).toEqual({
      offset: undefined,
      iso: '2026-12-01',
      relative: undefined,
    });
    expect(resolveDate({ date: 'bientôt' }).offset).toBeUndefined();
  });
});

describe('formatIsoDate', () => {
  it('formats in the reader language without shifting the day', () => {
    expect(formatIsoDate({ iso: '2026-12-06', locale: 'fr' })).toMatch(/6 déc/);
    expect(formatIsoDate({ iso: '2026-12-06', locale: 'de' })).toMatch(/06\.12\.2026|6\. Dez/);
  });
});
