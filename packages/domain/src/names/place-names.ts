// The names of the mobility model's places in French, English and German: zones, external areas,
// named roads and PT lines. The territory's data name them once (in French for towns, in English
// for the areas and roads its generator describes); the lab, the map, the charts and the report
// never show those raw, they name them through these functions (the one source of these names).
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import type { ModelLocale } from './locale.ts';

type Names = Readonly<Record<ModelLocale, string>>;

/** External areas of the default territory (zones `X-…`). */
export const EXTERNAL_AREA_NAMES: Readonly<Record<string, Names>> = {
  'X-LUX': { fr: 'Luxembourg (ville)', en: 'Luxembourg (city)', de: 'Luxemburg (Stadt)' },
  'X-ESCH': { fr: 'Esch-sur-Alzette', en: 'Esch-sur-Alzette', de: 'Esch an der Alzette' },
  'X-SAAR': { fr: 'Sarre (Sarrebruck)', en: 'Saarland (Saarbrücken)', de: 'Saarland (Saarbrücken)' },
  'X-NANCY': { fr: 'Nancy', en: 'Nancy', de: 'Nancy' },
  'X-WEST': {
    fr: 'Verdun et Paris (A4 ouest)',
    en: 'Verdun and Paris (A4 west)',
    de: 'Verdun und Paris (A4 West)',
  },
  'X-BEL': { fr: 'Belgique (Arlon)', en: 'Belgium (Arlon)', de: 'Belgien (Arlon)' },
};

/** Named roads of the default territory (the model's `roadLinks[].name`). */
export const ROAD_NAMES: Readonly<Record<string, Names>> = {
  A31: { fr: 'A31', en: 'A31', de: 'A31' },
  A4: { fr: 'A4', en: 'A4', de: 'A4' },
  A30: { fr: 'A30', en: 'A30', de: 'A30' },
  N52: { fr: 'N52', en: 'N52', de: 'N52' },
  'A4 (Luxembourg)': { fr: 'A4 (Luxembourg)', en: 'A4 (Luxembourg)', de: 'A4 (Luxemburg)' },
  'Metz east (A31-N431 link, estimated)': {
    fr: 'Metz est (liaison A31-N431, estimée)',
    en: 'Metz east (A31-N431 link, estimated)',
    de: 'Metz Ost (Verbindung A31-N431, geschätzt)',
  },
  'Moselle east bank': { fr: 'Rive droite de la Moselle', en: 'Moselle east bank', de: 'Moselostufer' },
  'Moselle west bank south': {
    fr: 'Rive gauche de la Moselle (sud)',
    en: 'Moselle west bank south',
    de: 'Moselwestufer (Süd)',
  },
  'Orne valley': { fr: "Vallée de l'Orne", en: 'Orne valley', de: 'Orne-Tal' },
  'Metz–Briey': { fr: 'Metz – Briey', en: 'Metz–Briey', de: 'Metz–Briey' },
  'Briey–Longwy': { fr: 'Briey – Longwy', en: 'Briey–Longwy', de: 'Briey–Longwy' },
  'Briey–Jarny': { fr: 'Briey – Jarny', en: 'Briey–Jarny', de: 'Briey–Jarny' },
  'Fensch–Esch': { fr: 'Fensch – Esch', en: 'Fensch–Esch', de: 'Fensch–Esch' },
  'Villerupt–Esch': { fr: 'Villerupt – Esch', en: 'Villerupt–Esch', de: 'Villerupt–Esch' },
  'Longwy–Pétange–Esch': {
    fr: 'Longwy – Pétange – Esch',
    en: 'Longwy–Pétange–Esch',
    de: 'Longwy–Pétange–Esch',
  },
  'Thionville–Cattenom': {
    fr: 'Thionville – Cattenom',
    en: 'Thionville–Cattenom',
    de: 'Thionville–Cattenom',
  },
  'Thionville–Kédange': { fr: 'Thionville – Kédange', en: 'Thionville–Kédange', de: 'Thionville–Kédange' },
  'Metz–Rémilly': { fr: 'Metz – Rémilly', en: 'Metz–Rémilly', de: 'Metz–Rémilly' },
  'Metz–Vigy': { fr: 'Metz – Vigy', en: 'Metz–Vigy', de: 'Metz–Vigy' },
  'Longwy–Villerupt': { fr: 'Longwy – Villerupt', en: 'Longwy–Villerupt', de: 'Longwy–Villerupt' },
  'Thionville–Fameck–Rombas': {
    fr: 'Thionville – Fameck – Rombas',
    en: 'Thionville–Fameck–Rombas',
    de: 'Thionville–Fameck–Rombas',
  },
  'A13 (Luxembourg)': { fr: 'A13 (Luxembourg)', en: 'A13 (Luxembourg)', de: 'A13 (Luxemburg)' },
  'D953 (ex-N53)': { fr: 'D953 (ex-N53)', en: 'D953 (former N53)', de: 'D953 (ehem. N53)' },
  interchange: { fr: 'échangeur', en: 'interchange', de: 'Anschlussstelle' },
  'local road': { fr: 'route locale', en: 'local road', de: 'Landstraße' },
  connector: { fr: 'accès de zone', en: 'zone access', de: 'Zonenanbindung' },
};

/** The French name the territory's generator gives a zone grouping communes: "Fontoy et 5 communes". */
const GROUPED = / et (\d+) communes\b/g;

function groupedSuffix(others: number, locale: ModelLocale): string {
  switch (locale) {
    case 'fr':
      return ` et ${others} ${others === 1 ? 'autre commune' : 'autres communes'}`;
    case 'en':
      return ` and ${others} other ${others === 1 ? 'commune' : 'communes'}`;
    case 'de':
      return ` und ${others} ${others === 1 ? 'weitere Gemeinde' : 'weitere Gemeinden'}`;
  }
}

/**
 * A text of the territory's data (a zone's or a line's name) with its grouped zones named in the
 * language: "Fontoy et 5 communes" reads "Fontoy and 5 other communes" in English.
 *
 * @example localisePlaceText('Citéline Fontoy et 5 communes–Thionville', 'de') // 'Citéline Fontoy und 5 weitere Gemeinden–Thionville'
 */
export function localisePlaceText(text: string, locale: ModelLocale): string {
  return text.replace(GROUPED, (_, others: string) => groupedSuffix(Number(others), locale));
}

/**
 * The name of a zone of any territory in the language: an external area of the default territory
 * from its table, else the territory's name with its grouped communes in words.
 *
 * @example nameOfZone({ id: 'X-WEST', name: 'Verdun and Paris (A4 west)' }, 'fr') // 'Verdun et Paris (A4 ouest)'
 */
export function nameOfZone(zone: { id: string; name: string }, locale: ModelLocale): string {
  return EXTERNAL_AREA_NAMES[zone.id]?.[locale] ?? localisePlaceText(zone.name, locale);
}

let zonesById: Map<string, { id: string; name: string }> | undefined;

/**
 * The name of a zone of the default territory (internal or external) in the language.
 *
 * @example zoneName('X-LUX', 'fr') // 'Luxembourg (ville)'
 */
export function zoneName(id: string, locale: ModelLocale): string {
  zonesById ??= new Map(NORTH_LORRAINE.zones.map((z) => [z.id, z]));
  const zone = zonesById.get(id);
  return zone ? nameOfZone(zone, locale) : (EXTERNAL_AREA_NAMES[id]?.[locale] ?? id);
}

/**
 * The name of a road of the model in the language (the name as given when unknown, e.g. a road a
 * scenario adds).
 *
 * @example roadName('Orne valley', 'fr') // "Vallée de l'Orne"
 */
export function roadName(name: string, locale: ModelLocale): string {
  return ROAD_NAMES[name]?.[locale] ?? name;
}

let linesById: Map<string, string> | undefined;

/**
 * The name of a PT line of the default territory in the language: its network and terminal
 * towns, grouped zones named as `zoneName` names them.
 *
 * @example ptLineName('CITE-G57226', 'en') // 'Citéline Fontoy and 5 other communes–Thionville'
 */
export function ptLineName(id: string, locale: ModelLocale): string {
  linesById ??= new Map(NORTH_LORRAINE.ptLines.map((line) => [line.id, line.name]));
  const name = linesById.get(id);
  return name ? localisePlaceText(name, locale) : id;
}
