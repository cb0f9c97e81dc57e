import type { MapIndicator } from '@atelier/domain';

/**
 * Formats an indicator value in the interface language: a share (PT share, unfilled share of
 * positions) as a percentage, a difference of shares in percentage points, job counts as whole
 * numbers (signed when a difference).
 *
 * @example formatIndicator({ indicator: 'ptShare', value: 0.071, locale: 'fr' }) // "7,1 %"
 */
export function formatIndicator(options: {
  indicator: MapIndicator;
  value: number | null;
  locale: string;
  difference?: boolean;
  points?: (value: string) => string;
}): string {
  const { indicator, value, locale, difference = false } = options;
  if (value === null || !Number.isFinite(value)) return '—';
  const signDisplay = difference ? 'exceptZero' : 'auto';
  switch (indicator) {
    // Both are shares (0–1): the skills gap is the zone's EPCI's unfilled share of positions.
    case 'ptShare':
    case 'skillsGap':
      if (difference) {
        const text = new Intl.NumberFormat(locale, {
          maximumFractionDigits: 1,
          minimumFractionDigits: 1,
          signDisplay,
        }).format(value * 100);
        return options.points ? options.points(text) : `${text} pt`;
      }
      return new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        minimumFractionDigits: 1,
      }).format(value);
    case 'pt45':
    case 'car30':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay }).format(value);
  }
}

/** A plain number with `digits` decimals in the interface language. */
export function formatNumber(value: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);
}
