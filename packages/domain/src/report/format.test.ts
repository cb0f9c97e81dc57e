import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, resolveRoadmapDate } from './format.ts';

describe('report formats', () => {
  it('writes French numbers with a narrow no-break space and a decimal comma', () => {
    expect(formatNumber({ locale: 'fr', value: 1234.5, digits: 1 })).toBe('1\u202f234,5');
    expect(formatPercent({ locale: 'fr', value: 0.125 })).toBe('12,5\u00a0%');
    expect(formatNumber({ locale: 'en', value: 1234.5, digits: 1 })).toBe('1,234.5');
  });

  it('writes instants in Paris time, across daylight saving', () => {
    expect(formatDateTime({ locale: 'fr', value: new Date('2026-07-01T07:30:00Z') })).toBe(
      '1er juillet 2026 à 09:30',
    );
    expect(formatDateTime({ locale: 'fr', value: new Date('2026-01-01T07:30:00Z') })).toBe(
      '1er janvier 2026 à 08:30',
    );
    expect(formatDate({ locale: 'fr', value: new Date('2026-12-31T23:30:00Z') })).toBe('1er janvier 2027');
    expect(formatDate({ locale: 'fr', value: '2026-12-31' })).toBe('31 décembre 2026');
  });

  it('resolves J+N against day 0, and leaves it unresolved without one', () => {
    expect(resolveRoadmapDate({ value: 'J+30', dayZero: '2026-11-26' })).toBe('2026-12-26');
    expect(resolveRoadmapDate({ value: 'J+30' })).toBeUndefined();
    expect(resolveRoadmapDate({ value: '2027-01-15' })).toBe('2027-01-15');
  });
});
