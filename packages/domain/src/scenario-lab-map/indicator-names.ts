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
    ptShare: 'Anteil des öffentlichen Verkehrs',
    pt45: 'Mit dem ÖV in 45 Min. erreichbare Arbeitsplätze',
    car30: 'Mit dem Auto in 30 Min. erreichbare Arbeitsplätze',
    skillsGap: 'Unbesetzte Stellen in 5 Jahren (% der zu besetzenden Stellen des EPCI)',
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
