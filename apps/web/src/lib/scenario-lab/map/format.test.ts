import { describe, expect, it } from 'vitest';
import { formatIndicator, formatNumber } from './format.ts';

// Intl puts a narrow no-break space before "%" and between thousands in French.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatIndicator', () => {
  it('shows a share as a percentage in the interface language', () => {
    expect(plain(formatIndicator({ indicator: 'ptShare', value: 0.071, locale: 'fr' }))).toBe('7,1 %');
    expect(formatIndicator({ indicator: 'ptShare', value: 0.071, locale: 'en' })).toBe('7.1%');
  });

  it('shows a difference of shares in signed percentage points', () => {
    const text = formatIndicator({
      indicator: 'ptShare',
      value: 0.013,
      locale: 'fr',
      difference: true,
      points: (value) => `${value} pt`,
    });
    expect(text).toBe('+1,3 pt');
    expect(formatIndicator({ indicator: 'ptShare', value: 0, locale: 'en', difference: true })).toBe(
      '0.0 pt',
    );
  });

  it('shows jobs as whole numbers, signed when a difference', () => {
    expect(plain(formatIndicator({ indicator: 'pt45', value: 22941.4, locale: 'fr' }))).toBe('22 941');
    expect(formatIndicator({ indicator: 'car30', value: -1200, locale: 'en', difference: true })).toBe(
      '-1,200',
    );
  });

  it('shows the skills gap as the unfilled share of positions, its difference in points', () => {
    expect(plain(formatIndicator({ indicator: 'skillsGap', value: 0.182, locale: 'de' }))).toBe('18,2 %');
    expect(formatIndicator({ indicator: 'skillsGap', value: -0.004, locale: 'en', difference: true })).toBe(
      '-0.4 pt',
    );
    expect(formatIndicator({ indicator: 'skillsGap', value: null, locale: 'de' })).toBe('—');
  });

  it('formats plain numbers with the decimals asked', () => {
    expect(formatNumber(1.2345, 'de', 2)).toBe('1,23');
  });
});
