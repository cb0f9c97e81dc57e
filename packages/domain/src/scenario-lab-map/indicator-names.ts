// The scenario map's indicators named in the three languages: the one source for the map's
// selector, legend, caption and table (the web app reads them from here, not from its catalogue).
import type { ModelLocale } from '../names/locale.ts';
import type { MapIndicator } from './map-layers.ts';

export const MAP_INDICATOR_NAMES: Readonly<Record<ModelLocale, Readonly<Record<MapIndicator, string>>>> = {
  fr: {
    ptShare: 'Part des transports en commun',
    pt45: 'Emplois accessibles en transports en commun en 45 min',
    car30: 'Emplois accessibles en voiture en 30 min',
    skillsGap: 'Postes non pourvus à 5 ans (% des postes à pourvoir de l’EPCI)',
  },
  en: {
    ptShare: 'Public transport share',
    pt45: 'Jobs reachable by public transport in 45 min',
    car30: 'Jobs reachable by car in 30 min',
    skillsGap: 'Unfilled positions at 5 years (% of the EPCI’s positions to fill)',
  },
  de: {
    ptShare: 'ÖPNV-Anteil',
    pt45: 'Mit dem ÖV in 45 Min. erreichbare Arbeitsplätze',
    car30: 'Mit dem Auto in 30 Min. erreichbare Arbeitsplätze',
    skillsGap: 'Unbesetzte Stellen in 5 Jahren (% der zu besetzenden Stellen des EPCI)',
  },
};

/** Shorter names, for the table's column headers and the selected zone's figures. */
export const MAP_INDICATOR_SHORT_NAMES: Readonly<
  Record<ModelLocale, Readonly<Record<MapIndicator, string>>>
> = {
  fr: {
    ptShare: 'Part des transports en commun',
    pt45: 'Emplois à 45 min en transports en commun',
    car30: 'Emplois à 30 min en voiture',
    skillsGap: 'Postes non pourvus à 5 ans (% de l’EPCI)',
  },
  en: {
    ptShare: 'Public transport share',
    pt45: 'Jobs within 45 min by public transport',
    car30: 'Jobs within 30 min by car',
    skillsGap: 'Unfilled positions at 5 years (% of the EPCI’s)',
  },
  de: {
    ptShare: 'ÖPNV-Anteil',
    pt45: 'Arbeitsplätze in 45 Min. mit dem ÖV',
    car30: 'Arbeitsplätze in 30 Min. mit dem Auto',
    skillsGap: 'Unbesetzte Stellen in 5 Jahren (% des EPCI)',
  },
};

/**
 * A map indicator's name in the language.
 *
 * @example mapIndicatorName('car30', 'de') // 'Mit dem Auto in 30 Min. erreichbare Arbeitsplätze'
 */
export function mapIndicatorName(indicator: MapIndicator, locale: ModelLocale): string {
  return MAP_INDICATOR_NAMES[locale][indicator];
}

/**
 * A map indicator's short name in the language (a column header).
 *
 * @example mapIndicatorShortName('car30', 'fr') // 'Emplois à 30 min en voiture'
 */
export function mapIndicatorShortName(indicator: MapIndicator, locale: ModelLocale): string {
  return MAP_INDICATOR_SHORT_NAMES[locale][indicator];
}
