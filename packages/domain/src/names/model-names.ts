// Every data name of the models in the three languages, listed once: what the tests check for
// completeness, and what the browser test looks for on French pages (an English name there is a
// name that did not go through these functions).
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import { compareResults } from '../scenario-lab/compare.ts';
import { MAP_INDICATOR_NAMES, MAP_INDICATOR_SHORT_NAMES } from '../scenario-lab-map/indicator-names.ts';
import { MAP_INDICATORS } from '../scenario-lab-map/map-layers.ts';
import { OCCUPATION_FAMILIES, OCCUPATION_FAMILY_NAMES } from '../skills/families.ts';
import { MODEL_LOCALES, type ModelLocale } from './locale.ts';
import { ptLineName, roadName, zoneName } from './place-names.ts';

export type ModelNameKind =
  | 'zone'
  | 'external-area'
  | 'road'
  | 'pt-line'
  | 'occupation-family'
  | 'indicator'
  | 'map-indicator'
  | 'map-indicator-short';

/** One data name of the models: what it names, its key in the model, and its text per language. */
export interface ModelName {
  kind: ModelNameKind;
  key: string;
  names: Readonly<Record<ModelLocale, string>>;
}

const inEvery = (name: (locale: ModelLocale) => string): Record<ModelLocale, string> =>
  Object.fromEntries(MODEL_LOCALES.map((locale) => [locale, name(locale)])) as Record<ModelLocale, string>;

/** The lab's indicators by id in one language, as its comparison names them (the report does the same). */
function indicatorNames(locale: ModelLocale): Map<string, string> {
  const empty = { hash: '', versions: {} as never, problems: [], ms: {} };
  return new Map(compareResults(empty, empty, locale).map((row) => [row.id, row.name]));
}

/**
 * Every zone, external area, road, PT line of the default territory, every occupation family and
 * every indicator of the lab and of the map, named in French, English and German by the functions the lab, the map, the
 * charts and the report use.
 *
 * @example modelNames().find((n) => n.key === 'Orne valley')?.names.fr // "Vallée de l'Orne"
 */
export function modelNames(): ModelName[] {
  const roads = [...new Set(NORTH_LORRAINE.roadLinks.map((link) => link.name))];
  const indicators = new Map(MODEL_LOCALES.map((locale) => [locale, indicatorNames(locale)]));
  return [
    ...NORTH_LORRAINE.zones.map((zone): ModelName => ({
      kind: zone.kind === 'external' ? 'external-area' : 'zone',
      key: zone.id,
      names: inEvery((locale) => zoneName(zone.id, locale)),
    })),
    ...roads.map((road): ModelName => ({
      kind: 'road',
      key: road,
      names: inEvery((l) => roadName(road, l)),
    })),
    ...NORTH_LORRAINE.ptLines.map((line): ModelName => ({
      kind: 'pt-line',
      key: line.id,
      names: inEvery((l) => ptLineName(line.id, l)),
    })),
    ...OCCUPATION_FAMILIES.map((family): ModelName => ({
      kind: 'occupation-family',
      key: family,
      names: inEvery((l) => OCCUPATION_FAMILY_NAMES[l][family]),
    })),
    ...[...indicators.get('fr')!.keys()].map((id): ModelName => ({
      kind: 'indicator',
      key: id,
      names: inEvery((l) => indicators.get(l)!.get(id) ?? ''),
    })),
    ...MAP_INDICATORS.map((indicator): ModelName => ({
      kind: 'map-indicator',
      key: indicator,
      names: inEvery((l) => MAP_INDICATOR_NAMES[l][indicator]),
    })),
    ...MAP_INDICATORS.map((indicator): ModelName => ({
      kind: 'map-indicator-short',
      key: indicator,
      names: inEvery((l) => MAP_INDICATOR_SHORT_NAMES[l][indicator]),
    })),
  ];
}

/**
 * The English names of the models that differ from their French name: none of them may appear on
 * a French page. A name the same in both (`A31`, `Nancy`) is not one.
 *
 * @example englishOnlyNames().includes('local road') // true
 */
export function englishOnlyNames(): string[] {
  return [...new Set(modelNames().flatMap(({ names }) => (names.en !== names.fr ? [names.en] : [])))];
}
