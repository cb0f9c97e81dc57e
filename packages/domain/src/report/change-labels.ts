// A scenario-lab change in plain words, in the report's language: "TER Metz–Thionville–Luxembourg:
// one train every 7.5 min at peak hours", never its key (`mobility.pt.TER-LUX.headwayMinutes`).
import { parseKey } from '../scenario-lab/keys.ts';
import { occupationFamilyName } from '../skills/families.ts';
import { findRomeOccupation } from '../workshop/rome/rome.ts';
import { formatNumber, formatPercent, type ReportLocale } from './format.ts';
import { ptLineName, roadName, zoneName } from '../names/place-names.ts';

type Value = number | string | boolean;

interface Words {
  fuelPrice: (v: string) => string;
  teleworkShare: (v: string) => string;
  cyclingQuality: (v: string) => string;
  populationDelta: (zone: string, v: string) => string;
  jobsDelta: (zone: string, v: string) => string;
  parkingCost: (zone: string, v: string) => string;
  capacityFactor: (road: string, v: string) => string;
  roadSpeed: (road: string, v: string) => string;
  roadClosed: (road: string, closed: boolean) => string;
  road: (name: string, from: string, to: string) => string;
  headway: (line: string, v: string) => string;
  offPeakHeadway: (line: string, v: string) => string;
  fare: (line: string, v: string) => string;
  lineSpeed: (line: string, v: string) => string;
  lineClosed: (line: string, closed: boolean) => string;
  newRoad: (name: string) => string;
  newLine: (name: string, headway: string | null) => string;
  crossBorderPull: (v: string) => string;
  jobSeekerMatchRate: (v: string) => string;
  reachCarMinutes: (v: string) => string;
  reachPtMinutes: (v: string) => string;
  reachCarAccessShare: (v: string) => string;
  growth: (family: string, v: string) => string;
  lever: Record<string, string>;
  leverLine: (kind: string, label: string, detail: string) => string;
  seats: (n: string) => string;
  unknown: (key: string, value: string) => string;
}

const WORDS: Record<ReportLocale, Words> = {
  fr: {
    fuelPrice: (v) => `Prix du carburant : ${v} € par litre`,
    teleworkShare: (v) => `Part du télétravail : ${v}`,
    cyclingQuality: (v) => `Qualité des aménagements cyclables : ×${v}`,
    populationDelta: (z, v) => `Habitants en plus à ${z} : ${v}`,
    jobsDelta: (z, v) => `Emplois en plus à ${z} : ${v}`,
    parkingCost: (z, v) => `Stationnement à ${z} : ${v} € par déplacement`,
    capacityFactor: (r, v) => `${r} : capacité ×${v}`,
    roadSpeed: (r, v) => `${r} : ${v} km/h`,
    roadClosed: (r, c) => (c ? `${r} : fermée` : `${r} : ouverte`),
    road: (n, a, b) => `${n} entre ${a} et ${b}`,
    headway: (l, v) => `${l} : un passage toutes les ${v} min en pointe`,
    offPeakHeadway: (l, v) => `${l} : un passage toutes les ${v} min en heures creuses`,
    fare: (l, v) => `${l} : tarif ${v} €`,
    lineSpeed: (l, v) => `${l} : vitesse commerciale ${v} km/h`,
    lineClosed: (l, c) => (c ? `${l} : supprimée` : `${l} : maintenue`),
    newRoad: (n) => `Nouvelle route : ${n}`,
    newLine: (n, h) =>
      h ? `Nouvelle ligne : ${n}, un passage toutes les ${h} min` : `Nouvelle ligne : ${n}`,
    crossBorderPull: (v) => `Candidats attirés par le Luxembourg : ${v}`,
    jobSeekerMatchRate: (v) => `Placement des demandeurs d'emploi : ${v} par an`,
    reachCarMinutes: (v) => `Trajet domicile-travail accepté en voiture : ${v} min`,
    reachPtMinutes: (v) => `Trajet domicile-travail accepté en transports en commun : ${v} min`,
    reachCarAccessShare: (v) => `Candidats disposant d'une voiture : ${v}`,
    growth: (f, v) => `Croissance annuelle de l'emploi, ${f} : ${v}`,
    lever: {
      'training-seats': 'Places de formation',
      apprenticeship: 'Apprentissage',
      'recruitment-drive': 'Campagne de recrutement',
      'travel-time': 'Temps de trajet',
      'cross-border-pull': 'Attraction transfrontalière',
    },
    leverLine: (k, l, d) => `${k} : ${l}${d ? ` (${d})` : ''}`,
    seats: (n) => `${n} places`,
    unknown: (k, v) => `${k} = ${v} (hypothèse que les modèles ne lisent pas)`,
  },
  en: {
    fuelPrice: (v) => `Fuel price: €${v} a litre`,
    teleworkShare: (v) => `Telework share: ${v}`,
    cyclingQuality: (v) => `Cycling infrastructure quality: ×${v}`,
    populationDelta: (z, v) => `More residents in ${z}: ${v}`,
    jobsDelta: (z, v) => `More jobs in ${z}: ${v}`,
    parkingCost: (z, v) => `Parking in ${z}: €${v} a trip`,
    capacityFactor: (r, v) => `${r}: capacity ×${v}`,
    roadSpeed: (r, v) => `${r}: ${v} km/h`,
    roadClosed: (r, c) => (c ? `${r}: closed` : `${r}: open`),
    road: (n, a, b) => `${n} between ${a} and ${b}`,
    headway: (l, v) => `${l}: one every ${v} min at peak hours`,
    offPeakHeadway: (l, v) => `${l}: one every ${v} min off-peak`,
    fare: (l, v) => `${l}: fare €${v}`,
    lineSpeed: (l, v) => `${l}: commercial speed ${v} km/h`,
    lineClosed: (l, c) => (c ? `${l}: withdrawn` : `${l}: kept`),
    newRoad: (n) => `New road: ${n}`,
    newLine: (n, h) => (h ? `New line: ${n}, one every ${h} min` : `New line: ${n}`),
    crossBorderPull: (v) => `Candidates drawn to Luxembourg: ${v}`,
    jobSeekerMatchRate: (v) => `Job seekers placed: ${v} a year`,
    reachCarMinutes: (v) => `Commute accepted by car: ${v} min`,
    reachPtMinutes: (v) => `Commute accepted by public transport: ${v} min`,
    reachCarAccessShare: (v) => `Candidates with a car: ${v}`,
    growth: (f, v) => `Yearly employment growth, ${f}: ${v}`,
    lever: {
      'training-seats': 'Training seats',
      apprenticeship: 'Apprenticeship',
      'recruitment-drive': 'Recruitment drive',
      'travel-time': 'Travel time',
      'cross-border-pull': 'Cross-border pull',
    },
    leverLine: (k, l, d) => `${k}: ${l}${d ? ` (${d})` : ''}`,
    seats: (n) => `${n} seats`,
    unknown: (k, v) => `${k} = ${v} (an assumption the models do not read)`,
  },
  de: {
    fuelPrice: (v) => `Kraftstoffpreis: ${v} € pro Liter`,
    teleworkShare: (v) => `Telearbeitsanteil: ${v}`,
    cyclingQuality: (v) => `Qualität der Radinfrastruktur: ×${v}`,
    populationDelta: (z, v) => `Mehr Einwohner in ${z}: ${v}`,
    jobsDelta: (z, v) => `Mehr Arbeitsplätze in ${z}: ${v}`,
    parkingCost: (z, v) => `Parken in ${z}: ${v} € pro Weg`,
    capacityFactor: (r, v) => `${r}: Kapazität ×${v}`,
    roadSpeed: (r, v) => `${r}: ${v} km/h`,
    roadClosed: (r, c) => (c ? `${r}: gesperrt` : `${r}: offen`),
    road: (n, a, b) => `${n} zwischen ${a} und ${b}`,
    headway: (l, v) => `${l}: alle ${v} Min. in der Hauptverkehrszeit`,
    offPeakHeadway: (l, v) => `${l}: alle ${v} Min. in der Nebenverkehrszeit`,
    fare: (l, v) => `${l}: Fahrpreis ${v} €`,
    lineSpeed: (l, v) => `${l}: Reisegeschwindigkeit ${v} km/h`,
    lineClosed: (l, c) => (c ? `${l}: eingestellt` : `${l}: beibehalten`),
    newRoad: (n) => `Neue Straße: ${n}`,
    newLine: (n, h) => (h ? `Neue Linie: ${n}, alle ${h} Min.` : `Neue Linie: ${n}`),
    crossBorderPull: (v) => `Von Luxemburg angezogene Bewerber: ${v}`,
    jobSeekerMatchRate: (v) => `Vermittlung von Arbeitsuchenden: ${v} pro Jahr`,
    reachCarMinutes: (v) => `Akzeptierter Arbeitsweg mit dem Pkw: ${v} Min.`,
    reachPtMinutes: (v) => `Akzeptierter Arbeitsweg mit dem ÖPNV: ${v} Min.`,
    reachCarAccessShare: (v) => `Bewerber mit Pkw: ${v}`,
    growth: (f, v) => `Jährliches Beschäftigungswachstum, ${f}: ${v}`,
    lever: {
      'training-seats': 'Ausbildungsplätze',
      apprenticeship: 'Ausbildung im Betrieb',
      'recruitment-drive': 'Rekrutierungskampagne',
      'travel-time': 'Reisezeit',
      'cross-border-pull': 'Grenzüberschreitender Sog',
    },
    leverLine: (k, l, d) => `${k}: ${l}${d ? ` (${d})` : ''}`,
    seats: (n) => `${n} Plätze`,
    unknown: (k, v) => `${k} = ${v} (eine Annahme, die die Modelle nicht lesen)`,
  },
};

function parseJson(value: Value): Record<string, unknown> | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A change of the scenario lab in words, in the report's language.
 *
 * @example describeChange({ key: 'mobility.pt.TER-LUX.headwayMinutes', value: 7.5, locale: 'fr' })
 * // 'TER Metz–Thionville–Luxembourg : un passage toutes les 7,5 min en pointe'
 */
export function describeChange(options: { key: string; value: Value; locale: ReportLocale }): string {
  const { key: text, value, locale } = options;
  const w = WORDS[locale];
  const n = (digits = 0) =>
    typeof value === 'number' ? formatNumber({ locale, value, digits }) : String(value);
  const short = () =>
    typeof value === 'number'
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
      : String(value);
  const pct = () => (typeof value === 'number' ? formatPercent({ locale, value, digits: 0 }) : String(value));
  const signed = () =>
    typeof value === 'number'
      ? new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(value)
      : String(value);
  const key = parseKey(text);
  if (!key) return w.unknown(text, String(value));
  if (key.model === 'mobility') {
    switch (key.kind) {
      case 'global':
        return key.field === 'fuelPrice'
          ? w.fuelPrice(n(2))
          : key.field === 'teleworkShare'
            ? w.teleworkShare(pct())
            : w.cyclingQuality(short());
      case 'zone': {
        const zone = zoneName(key.zone, locale);
        return key.field === 'populationDelta'
          ? w.populationDelta(zone, signed())
          : key.field === 'jobsDelta'
            ? w.jobsDelta(zone, signed())
            : w.parkingCost(zone, n(2));
      }
      case 'road': {
        const road = w.road(
          roadName(key.name ?? 'local road', locale),
          zoneName(key.from, locale),
          zoneName(key.to, locale),
        );
        return key.field === 'capacityFactor'
          ? w.capacityFactor(road, short())
          : key.field === 'speedKmh'
            ? w.roadSpeed(road, short())
            : w.roadClosed(road, value === true);
      }
      case 'pt': {
        const line = ptLineName(key.line, locale);
        switch (key.field) {
          case 'headwayMinutes':
            return w.headway(line, short());
          case 'offPeakHeadwayMinutes':
            return w.offPeakHeadway(line, short());
          case 'fare':
            return w.fare(line, n(2));
          case 'speedKmh':
            return w.lineSpeed(line, short());
          case 'closed':
            return w.lineClosed(line, value === true);
        }
        break;
      }
      case 'newRoad': {
        const json = parseJson(value);
        return w.newRoad(typeof json?.name === 'string' ? json.name : key.id);
      }
      case 'newPtLine': {
        const json = parseJson(value);
        const headway = typeof json?.headwayMinutes === 'number' ? json.headwayMinutes : null;
        return w.newLine(
          typeof json?.name === 'string' ? json.name : key.id,
          headway === null
            ? null
            : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(headway),
        );
      }
    }
  }
  if (key.model === 'skills') {
    switch (key.kind) {
      case 'global':
        switch (key.field) {
          case 'crossBorderPull':
            return w.crossBorderPull(pct());
          case 'jobSeekerMatchRate':
            return w.jobSeekerMatchRate(pct());
          case 'reachCarMinutes':
            return w.reachCarMinutes(short());
          case 'reachPtMinutes':
            return w.reachPtMinutes(short());
          case 'reachCarAccessShare':
            return w.reachCarAccessShare(pct());
        }
        break;
      case 'growth':
        return w.growth(
          occupationFamilyName(key.family, locale),
          typeof value === 'number'
            ? new Intl.NumberFormat(locale, {
                style: 'percent',
                signDisplay: 'exceptZero',
                maximumFractionDigits: 1,
              }).format(value)
            : String(value),
        );
      case 'lever': {
        const json = parseJson(value) ?? {};
        const kind = typeof json.kind === 'string' ? (w.lever[json.kind] ?? json.kind) : key.id;
        const label = typeof json.label === 'string' && json.label ? json.label : key.id;
        const details: string[] = [];
        if (typeof json.seats === 'number')
          details.push(w.seats(formatNumber({ locale, value: json.seats })));
        if (typeof json.occupation === 'string') {
          const occupation = findRomeOccupation(json.occupation);
          details.push(occupation ? `${occupation.label}` : json.occupation);
        }
        return w.leverLine(kind, label, details.join(', '));
      }
    }
  }
  return w.unknown(text, String(value));
}
