/**
 * The coupling of the two models in the lab: the mobility model's door-to-door minutes (skims) of a
 * scenario become the skills model's commuting times, and each mobility zone is tied to the skills
 * territory (EPCI) holding its communes, so skills figures can be drawn on the mobility zones.
 */
import type { ModelResult } from '../mobility/model/run-model.ts';
import type { Territory as MobilityTerritory } from '../mobility/territory/territory.ts';
import type { TravelTimes } from '../skills/reach.ts';

/** Zone-to-zone minutes of a mobility result (origin-major; `Infinity` where PT does not connect). */
export type Skims = ModelResult['skims'];

/** Skims with the hash of the mobility inputs that produced them (see `mobilityInputsHash`). */
export interface LabSkims {
  mobilityHash: string;
  skims: Skims;
}

/** Which travel times the skills part used: the provenance shown with its results. */
export type LabTravelTimesSource = 'mobility-skims' | 'crow-fly-estimate' | 'none';

/**
 * The skills model's travel times from a mobility result's skims: car and PT matrices over the
 * mobility zones, and each commune's zone from the territory's zone lists. A commune of the skills
 * territories that no zone lists (the zoning covers the mobility perimeter, the EPCIs may reach a
 * little beyond it) takes the nearest internal zone by its centroid, when `communes` gives one.
 *
 * @param options.skims - `ModelResult.skims` (not copied: the skills model never mutates matrices)
 * @param options.territory - the mobility territory the skims were computed on
 * @param options.communes - the skills territories' communes with their centroids (optional)
 * @example labTravelTimes({ skims: runModel().skims, territory: NORTH_LORRAINE }).communeToZone['57463'] // '57463'
 */
export function labTravelTimes(options: {
  skims: Skims;
  territory: Pick<MobilityTerritory, 'zones'>;
  communes?: readonly { code: string; lon?: number | undefined; lat?: number | undefined }[];
}): TravelTimes {
  const { skims, territory } = options;
  const communeToZone: Record<string, string> = {};
  for (const zone of territory.zones) for (const commune of zone.communes) communeToZone[commune] = zone.id;
  const internal = territory.zones.filter((zone) => zone.kind === 'internal');
  for (const commune of options.communes ?? []) {
    if (communeToZone[commune.code] !== undefined) continue;
    if (commune.lon === undefined || commune.lat === undefined) continue;
    const nearest = nearestZone(internal, commune.lon, commune.lat);
    if (nearest) communeToZone[commune.code] = nearest;
  }
  return {
    car: { zones: skims.zones, minutes: skims.car },
    pt: { zones: skims.zones, minutes: skims.pt },
    communeToZone,
  };
}

/** The zone whose centroid is nearest (equirectangular distance, fine at this scale). */
function nearestZone(
  zones: readonly Pick<MobilityTerritory['zones'][number], 'id' | 'lon' | 'lat'>[],
  lon: number,
  lat: number,
): string | undefined {
  const cos = Math.cos((lat * Math.PI) / 180);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const zone of zones) {
    const distance = ((zone.lon - lon) * cos) ** 2 + (zone.lat - lat) ** 2;
    if (distance < bestDistance) {
      best = zone.id;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The skills territory of each mobility zone: the one holding most of the population of the zone's
 * communes. A zone none of whose communes a territory lists is left out (external zones).
 *
 * @param options.zones - the mobility territory's zones (ids and INSEE communes)
 * @param options.territories - the skills scenario's territories with their communes and populations
 * @example zoneTerritories({ zones: NORTH_LORRAINE.zones, territories: defaultSkillsScenario().territories })['57463'] // '200039865'
 */
export function zoneTerritories(options: {
  zones: readonly { id: string; communes: readonly string[] }[];
  territories: readonly { id: string; communes: readonly { code: string; population: number }[] }[];
}): Record<string, string> {
  const home = new Map<string, { territory: string; population: number }>();
  for (const territory of options.territories)
    for (const commune of territory.communes)
      home.set(commune.code, { territory: territory.id, population: commune.population });
  const result: Record<string, string> = {};
  for (const zone of options.zones) {
    const weights = new Map<string, number>();
    for (const code of zone.communes) {
      const found = home.get(code);
      // A commune without inhabitants still says which territory the zone lies in.
      if (found) weights.set(found.territory, (weights.get(found.territory) ?? 0) + found.population + 1e-9);
    }
    let best: string | undefined;
    let bestWeight = -1;
    for (const [territory, weight] of weights)
      if (weight > bestWeight || (weight === bestWeight && territory < best!)) {
        best = territory;
        bestWeight = weight;
      }
    if (best !== undefined) result[zone.id] = best;
  }
  return result;
}
