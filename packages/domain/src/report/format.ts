// Number and date formats of the report: the locale's conventions, Paris time.

/** The languages a report is written in (the facilitator's interface language). */
export const REPORT_LOCALES = ['fr', 'en', 'de'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** Workshops take place in Lorraine: every date of a report is Paris wall-clock time. */
export const REPORT_TIME_ZONE = 'Europe/Paris';

const TAGS: Record<ReportLocale, string> = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' };

/**
 * A number in the locale's format (French: narrow no-break space between thousands, comma decimals).
 *
 * @example formatNumber({ locale: 'fr', value: 1234.5, digits: 1 }) // '1 234,5'
 */
export function formatNumber(options: { locale: ReportLocale; value: number; digits?: number }): string {
  const digits = options.digits ?? 0;
  return new Intl.NumberFormat(TAGS[options.locale], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(options.value);
}

/**
 * A share (0..1) as a percentage.
 *
 * @example formatPercent({ locale: 'fr', value: 0.125 }) // '12,5 %'
 */
export function formatPercent(options: { locale: ReportLocale; value: number; digits?: number }): string {
  const digits = options.digits ?? 1;
  return new Intl.NumberFormat(TAGS[options.locale], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(options.value);
}

/**
 * A calendar day, in Paris time when given an instant.
 *
 * @example formatDate({ locale: 'fr', value: '2026-11-26' }) // '26 novembre 2026'
 */
export function formatDate(options: { locale: ReportLocale; value: Date | string }): string {
  const { value } = options;
  // A bare ISO day has no time zone: format it as that day, whatever the zone.
  const date = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : value;
  const text = new Intl.DateTimeFormat(TAGS[options.locale], {
    timeZone: typeof value === 'string' ? 'UTC' : REPORT_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  // French writes the first day of a month as an ordinal: « 1er décembre ».
  return options.locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/**
 * An instant with its time, in Paris time.
 *
 * @example formatDateTime({ locale: 'fr', value: new Date('2026-11-26T08:30:00Z') }) // '26 novembre 2026 à 09:30'
 */
export function formatDateTime(options: { locale: ReportLocale; value: Date }): string {
  const text = new Intl.DateTimeFormat(TAGS[options.locale], {
    timeZone: REPORT_TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(options.value);
  return options.locale === 'fr' ? text.replace(/^1 /, '1er ') : text;
}

/**
 * The ISO day of a roadmap date: `J+N` counts N days from the workshop's day 0; without a day 0
 * it stays undefined.
 *
 * @example resolveRoadmapDate({ value: 'J+30', dayZero: '2026-11-26' }) // '2026-12-26'
 */
export function resolveRoadmapDate(options: {
  value: string;
  dayZero?: string | undefined;
}): string | undefined {
  const relative = /^J\+(\d{1,4})$/.exec(options.value);
  if (!relative) return options.value;
  if (!options.dayZero) return undefined;
  const day = new Date(`${options.dayZero}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + Number(relative[1]));
  return day.toISOString().slice(0, 10);
}
