/**
 * Side-by-side comparison of two lab results: indicator rows with absolute and relative
 * differences, and one plain-language sentence per indicator in French, English or German,
 * numbers formatted with Intl.NumberFormat.
 */
import type { LabResult } from './run.ts';

export const LAB_LOCALES = ['fr', 'en', 'de'] as const;
export type LabLocale = (typeof LAB_LOCALES)[number];

export type IndicatorUnit = 'share' | 'minutes' | 'count' | 'km' | 'tonnes';
export const INDICATORS = [
  'ptShare',
  'carShare',
  'bikeShare',
  'walkShare',
  'tripsUpTo1Km',
  'tripsUpTo3Km',
  'meanMinutesCar',
  'meanMinutesPt',
  'vehicleKm',
  'co2',
  'linksOver100',
  'slowPtPairs',
  'ptJobs45',
  'skillsGap5',
  'skillsGap10',
  'skillsTension5',
  'skillsPulled5',
] as const;
export type IndicatorId = (typeof INDICATORS)[number];

const UNITS: Record<IndicatorId, IndicatorUnit> = {
  ptShare: 'share',
  carShare: 'share',
  bikeShare: 'share',
  walkShare: 'share',
  tripsUpTo1Km: 'share',
  tripsUpTo3Km: 'share',
  meanMinutesCar: 'minutes',
  meanMinutesPt: 'minutes',
  vehicleKm: 'km',
  co2: 'tonnes',
  linksOver100: 'count',
  slowPtPairs: 'count',
  ptJobs45: 'count',
  skillsGap5: 'count',
  skillsGap10: 'count',
  skillsTension5: 'share',
  skillsPulled5: 'count',
};

/** Short name (tables) and sentence subject, with the subject's grammatical number. */
type Label = { name: string; subject: string; plural?: boolean };
const LABELS: Record<LabLocale, Record<IndicatorId, Label>> = {
  fr: {
    ptShare: { name: 'Part des transports en commun', subject: 'La part des transports en commun' },
    carShare: { name: 'Part de la voiture (conducteur)', subject: 'La part de la voiture (conducteur)' },
    bikeShare: { name: 'Part du vélo', subject: 'La part du vélo' },
    walkShare: { name: 'Part de la marche', subject: 'La part de la marche' },
    tripsUpTo1Km: {
      name: 'Déplacements de 1 km au plus',
      subject: 'La part des déplacements de 1 km au plus',
    },
    tripsUpTo3Km: {
      name: 'Déplacements de 3 km au plus',
      subject: 'La part des déplacements de 3 km au plus',
    },
    meanMinutesCar: { name: 'Temps moyen en voiture', subject: 'Le temps moyen d’un trajet en voiture' },
    meanMinutesPt: {
      name: 'Temps moyen en transports en commun',
      subject: 'Le temps moyen d’un trajet en transports en commun',
    },
    vehicleKm: { name: 'Véhicules-kilomètres par jour', subject: 'Le trafic automobile quotidien' },
    co2: {
      name: 'CO2 par jour (tonnes)',
      subject: 'Les émissions quotidiennes de CO2 (tonnes)',
      plural: true,
    },
    linksOver100: { name: 'Tronçons routiers saturés', subject: 'Le nombre de tronçons routiers saturés' },
    slowPtPairs: {
      name: 'Liaisons où le TC est 2× plus lent',
      subject: 'Le nombre de liaisons où les transports en commun sont deux fois plus lents que la voiture',
    },
    ptJobs45: {
      name: 'Emplois à 45 min en TC (moyenne)',
      subject: 'Le nombre moyen d’emplois accessibles en 45 minutes en transports en commun',
    },
    skillsGap5: { name: 'Postes non pourvus à 5 ans', subject: 'Le nombre de postes non pourvus à 5 ans' },
    skillsGap10: { name: 'Postes non pourvus à 10 ans', subject: 'Le nombre de postes non pourvus à 10 ans' },
    skillsTension5: {
      name: 'Tension des recrutements à 5 ans',
      subject: 'La tension des recrutements à 5 ans',
    },
    skillsPulled5: {
      name: 'Candidats partis travailler au Luxembourg en 5 ans',
      subject: 'Le nombre de candidats partis travailler au Luxembourg en 5 ans',
    },
  },
  en: {
    ptShare: { name: 'Public transport share', subject: 'The public transport share' },
    carShare: { name: 'Car share (driver)', subject: 'The car share (driver)' },
    bikeShare: { name: 'Cycling share', subject: 'The cycling share' },
    walkShare: { name: 'Walking share', subject: 'The walking share' },
    tripsUpTo1Km: { name: 'Trips of 1 km or less', subject: 'The share of trips of 1 km or less' },
    tripsUpTo3Km: { name: 'Trips of 3 km or less', subject: 'The share of trips of 3 km or less' },
    meanMinutesCar: { name: 'Mean travel time by car', subject: 'The mean travel time by car' },
    meanMinutesPt: {
      name: 'Mean travel time by public transport',
      subject: 'The mean travel time by public transport',
    },
    vehicleKm: { name: 'Vehicle-kilometres per day', subject: 'Daily car traffic' },
    co2: { name: 'CO2 per day (tonnes)', subject: 'Daily CO2 emissions (tonnes)', plural: true },
    linksOver100: {
      name: 'Road sections over capacity',
      subject: 'The number of road sections over capacity',
    },
    slowPtPairs: {
      name: 'Links where PT is 2× slower',
      subject: 'The number of links where public transport takes twice as long as the car',
    },
    ptJobs45: {
      name: 'Jobs within 45 min by PT (mean)',
      subject: 'The mean number of jobs within 45 minutes by public transport',
    },
    skillsGap5: {
      name: 'Unfilled positions at 5 years',
      subject: 'The number of unfilled positions at 5 years',
    },
    skillsGap10: {
      name: 'Unfilled positions at 10 years',
      subject: 'The number of unfilled positions at 10 years',
    },
    skillsTension5: { name: 'Hiring tension at 5 years', subject: 'Hiring tension at 5 years' },
    skillsPulled5: {
      name: 'Candidates gone to work in Luxembourg within 5 years',
      subject: 'The number of candidates gone to work in Luxembourg within 5 years',
    },
  },
  de: {
    ptShare: { name: 'ÖPNV-Anteil', subject: 'Der ÖPNV-Anteil' },
    carShare: { name: 'Pkw-Anteil (Fahrer)', subject: 'Der Pkw-Anteil (Fahrer)' },
    bikeShare: { name: 'Radverkehrsanteil', subject: 'Der Radverkehrsanteil' },
    walkShare: { name: 'Fußverkehrsanteil', subject: 'Der Fußverkehrsanteil' },
    tripsUpTo1Km: { name: 'Wege bis 1 km', subject: 'Der Anteil der Wege bis 1 km' },
    tripsUpTo3Km: { name: 'Wege bis 3 km', subject: 'Der Anteil der Wege bis 3 km' },
    meanMinutesCar: { name: 'Mittlere Reisezeit mit dem Pkw', subject: 'Die mittlere Reisezeit mit dem Pkw' },
    meanMinutesPt: { name: 'Mittlere Reisezeit im ÖPNV', subject: 'Die mittlere Reisezeit im ÖPNV' },
    vehicleKm: { name: 'Fahrzeugkilometer pro Tag', subject: 'Der tägliche Autoverkehr' },
    co2: { name: 'CO2 pro Tag (Tonnen)', subject: 'Die täglichen CO2-Emissionen (Tonnen)', plural: true },
    linksOver100: {
      name: 'Überlastete Straßenabschnitte',
      subject: 'Die Zahl der überlasteten Straßenabschnitte',
    },
    slowPtPairs: {
      name: 'Verbindungen mit 2× langsamerem ÖPNV',
      subject: 'Die Zahl der Verbindungen, auf denen der ÖPNV doppelt so lange braucht wie der Pkw',
    },
    ptJobs45: {
      name: 'Arbeitsplätze in 45 Min. mit dem ÖPNV (Mittel)',
      subject: 'Die mittlere Zahl der in 45 Minuten mit dem ÖPNV erreichbaren Arbeitsplätze',
    },
    skillsGap5: {
      name: 'Unbesetzte Stellen in 5 Jahren',
      subject: 'Die Zahl der unbesetzten Stellen in 5 Jahren',
    },
    skillsGap10: {
      name: 'Unbesetzte Stellen in 10 Jahren',
      subject: 'Die Zahl der unbesetzten Stellen in 10 Jahren',
    },
    skillsTension5: {
      name: 'Rekrutierungsspannung in 5 Jahren',
      subject: 'Die Rekrutierungsspannung in 5 Jahren',
    },
    skillsPulled5: {
      name: 'Nach Luxemburg abgewanderte Bewerber in 5 Jahren',
      subject: 'Die Zahl der nach Luxemburg abgewanderten Bewerber in 5 Jahren',
    },
  },
};

const INTL_LOCALE: Record<LabLocale, string> = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' };

/** The value of an indicator in a result, or null when the result lacks that model. */
export function indicatorValue(result: LabResult, id: IndicatorId): number | null {
  const m = result.mobility;
  const s = result.skills;
  const total = (h: number) => s?.totals.find((t) => t.horizon === h);
  switch (id) {
    case 'ptShare':
      return m ? m.modeShares.pt : null;
    case 'carShare':
      return m ? m.modeShares.car : null;
    case 'bikeShare':
      return m ? m.modeShares.bike : null;
    case 'walkShare':
      return m ? m.modeShares.walk : null;
    case 'tripsUpTo1Km':
      return m ? m.tripLengths.upTo1Km : null;
    case 'tripsUpTo3Km':
      return m ? m.tripLengths.upTo3Km : null;
    case 'meanMinutesCar':
      return m ? m.meanTravelMinutes.car : null;
    case 'meanMinutesPt':
      return m ? m.meanTravelMinutes.pt : null;
    case 'vehicleKm':
      return m ? m.vehicleKm : null;
    case 'co2':
      return m ? m.co2TonnesPerDay : null;
    case 'linksOver100':
      return m ? m.dysfunctions.linksOver100 : null;
    case 'slowPtPairs':
      return m ? m.dysfunctions.slowPtPairCount : null;
    case 'ptJobs45':
      return m ? m.meanPtJobs45 : null;
    case 'skillsGap5':
      return total(5)?.gap ?? null;
    case 'skillsGap10':
      return total(10)?.gap ?? null;
    case 'skillsTension5':
      return total(5)?.tension ?? null;
    case 'skillsPulled5':
      return total(5)?.pulledToPole ?? null;
  }
}

export interface ComparisonRow {
  id: IndicatorId;
  unit: IndicatorUnit;
  name: string;
  a: number | null;
  b: number | null;
  /** b − a (for shares, in share units: 0.013 = 1.3 points). */
  absolute: number | null;
  /** (b − a) / |a|, null when a is 0 or missing. */
  relative: number | null;
  /** Formatted values, for tables. */
  aText: string;
  bText: string;
  absoluteText: string;
  relativeText: string;
  sentence: string;
}

/** Formats a value of an indicator in the interface language. */
export function formatIndicator(value: number, unit: IndicatorUnit, locale: LabLocale): string {
  const tag = INTL_LOCALE[locale];
  switch (unit) {
    case 'share':
      return new Intl.NumberFormat(tag, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
    case 'minutes':
      return new Intl.NumberFormat(tag, { style: 'unit', unit: 'minute', maximumFractionDigits: 1 }).format(
        value,
      );
    case 'km':
      return new Intl.NumberFormat(tag, {
        style: 'unit',
        unit: 'kilometer',
        maximumFractionDigits: 0,
      }).format(value);
    case 'tonnes':
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value);
    case 'count':
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }).format(value);
  }
}

const POINT_WORDS: Record<LabLocale, Record<'one' | 'other', string>> = {
  fr: { one: 'point', other: 'points' },
  en: { one: 'point', other: 'points' },
  de: { one: 'Prozentpunkt', other: 'Prozentpunkte' },
};

/** A signed difference: percentage points for shares, the unit otherwise. */
export function formatDifference(delta: number, unit: IndicatorUnit, locale: LabLocale): string {
  const tag = INTL_LOCALE[locale];
  if (unit === 'share') {
    const points = Math.round(delta * 1000) / 10;
    const text = new Intl.NumberFormat(tag, {
      signDisplay: 'exceptZero',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(points);
    const plural = new Intl.PluralRules(tag).select(Math.abs(points)) === 'one' ? 'one' : 'other';
    return `${text} ${POINT_WORDS[locale][plural]}`;
  }
  const options: Intl.NumberFormatOptions = {
    signDisplay: 'exceptZero',
    maximumFractionDigits: unit === 'count' || unit === 'km' ? 0 : 1,
  };
  if (unit === 'minutes') Object.assign(options, { style: 'unit', unit: 'minute' });
  if (unit === 'km') Object.assign(options, { style: 'unit', unit: 'kilometer' });
  return new Intl.NumberFormat(tag, options).format(delta);
}

/** A signed relative difference, e.g. "+4,2 %". */
export function formatRelative(relative: number, locale: LabLocale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(relative);
}

function sentence(
  label: Label,
  a: string,
  b: string,
  diff: string,
  direction: -1 | 0 | 1,
  locale: LabLocale,
): string {
  const p = label.plural === true;
  switch (locale) {
    case 'fr':
      return direction === 0
        ? `${label.subject} ${p ? 'restent' : 'reste'} à ${a}.`
        : `${label.subject} ${p ? 'passent' : 'passe'} de ${a} à ${b} (${diff}).`;
    case 'en':
      if (direction === 0) return `${label.subject} ${p ? 'stay' : 'stays'} at ${a}.`;
      return `${label.subject} ${direction > 0 ? (p ? 'rise' : 'rises') : p ? 'fall' : 'falls'} from ${a} to ${b} (${diff}).`;
    case 'de':
      if (direction === 0) return `${label.subject} ${p ? 'bleiben' : 'bleibt'} bei ${a}.`;
      return `${label.subject} ${direction > 0 ? (p ? 'steigen' : 'steigt') : p ? 'sinken' : 'sinkt'} von ${a} auf ${b} (${diff}).`;
  }
}

/**
 * Indicator rows comparing result `b` with result `a` (the reference), in the given language.
 *
 * @example compareResults(baseline, variant, 'fr')[0].sentence
 * // 'La part des transports en commun passe de 7,1 % à 8,4 % (+1,3 point).'
 */
export function compareResults(a: LabResult, b: LabResult, locale: LabLocale): ComparisonRow[] {
  return compareIndicatorValues({ a: indicatorValues(a), b: indicatorValues(b), locale });
}

/** Every indicator's value of a lab result (`indicatorValue` for each of `INDICATORS`). */
export function indicatorValues(result: LabResult): Record<IndicatorId, number | null> {
  return Object.fromEntries(INDICATORS.map((id) => [id, indicatorValue(result, id)])) as Record<
    IndicatorId,
    number | null
  >;
}

/**
 * The rows of `compareResults` from indicator values alone, e.g. those of a stored run: the same
 * texts and sentences as comparing the lab results they were read from.
 *
 * @param options.a - the reference's values
 * @param options.b - the variant's values
 * @example compareIndicatorValues({ a: stored.indicators, b: variant.indicators, locale: 'fr' })[0].sentence
 */
export function compareIndicatorValues(options: {
  a: Readonly<Record<IndicatorId, number | null>>;
  b: Readonly<Record<IndicatorId, number | null>>;
  locale: LabLocale;
}): ComparisonRow[] {
  const { locale } = options;
  return INDICATORS.map((id) => {
    const unit = UNITS[id];
    const label = LABELS[locale][id];
    const va = options.a[id];
    const vb = options.b[id];
    const row: ComparisonRow = {
      id,
      unit,
      name: label.name,
      a: va,
      b: vb,
      absolute: null,
      relative: null,
      aText: va === null ? '—' : formatIndicator(va, unit, locale),
      bText: vb === null ? '—' : formatIndicator(vb, unit, locale),
      absoluteText: '—',
      relativeText: '—',
      sentence: '',
    };
    if (va === null || vb === null) return row;
    const delta = vb - va;
    row.absolute = delta;
    row.relative = va !== 0 ? delta / Math.abs(va) : null;
    row.absoluteText = formatDifference(delta, unit, locale);
    row.relativeText = row.relative === null ? '—' : formatRelative(row.relative, locale);
    // Equal when the shown figures are equal.
    const same = row.aText === row.bText && !/[1-9]/.test(row.absoluteText);
    const direction = same ? 0 : delta > 0 ? 1 : -1;
    row.sentence = sentence(label, row.aText, row.bText, row.absoluteText, direction, locale);
    return row;
  });
}
