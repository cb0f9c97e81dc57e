/**
 * Applies a scenario's changes to a territory, returning a new territory (the input is
 * never modified). Unknown zone or line ids are errors, not silent no-ops.
 */
import type { Territory, TerritoryRoadLink } from '../territory/territory.ts';
import type { Scenario } from './scenario.ts';

export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

const KM_PER_DEG_LAT = 111.2;
const KM_PER_DEG_LON = 111.2 * Math.cos((49.2 * Math.PI) / 180);

/** Straight-line distance between two zones' centres, km. */
export function zoneDistanceKm(territory: Territory, a: number, b: number): number {
  const za = territory.zones[a]!;
  const zb = territory.zones[b]!;
  return Math.hypot((za.lon - zb.lon) * KM_PER_DEG_LON, (za.lat - zb.lat) * KM_PER_DEG_LAT);
}

/**
 * @param options.territory - the baseline
 * @param options.scenario - validated scenario
 * @example applyScenario({ territory, scenario: parseScenario({}) }) // same content as territory
 */
export function applyScenario(options: { territory: Territory; scenario: Scenario }): Territory {
  const { territory, scenario } = options;
  const index = new Map(territory.zones.map((zone, z) => [zone.id, z]));
  const zoneOf = (id: string): number => {
    const z = index.get(id);
    if (z === undefined) throw new ScenarioError(`unknown zone "${id}"`);
    return z;
  };
  const Z = territory.zones.length;
  const zones = territory.zones.map((zone) => ({ ...zone }));
  for (const change of scenario.zones) {
    const zone = zones[zoneOf(change.zone)]!;
    if (zone.kind === 'external')
      throw new ScenarioError(`zone "${change.zone}" is external: its flows are fixed`);
    const population = zone.population + change.populationDelta;
    const jobs = zone.jobs + change.jobsDelta;
    if (population < 0 || jobs < 0)
      throw new ScenarioError(`zone "${change.zone}": population and jobs stay >= 0`);
    // Students and shops/services follow residents and jobs in proportion.
    if (zone.population > 0) zone.students *= population / zone.population;
    if (zone.jobs > 0) zone.shopsServices *= jobs / zone.jobs;
    else zone.shopsServices += 0.3 * jobs;
    zone.population = population;
    zone.jobs = jobs;
    if (change.parkingCost !== undefined) zone.parkingCost = change.parkingCost;
  }
  let roadLinks: TerritoryRoadLink[] = territory.roadLinks;
  if (scenario.roads.length > 0 || scenario.newRoads.length > 0) {
    roadLinks = territory.roadLinks.map((link) => ({ ...link }));
    for (const change of scenario.roads) {
      const a = zoneOf(change.from);
      const b = zoneOf(change.to);
      // A zone's roads start at its road node, or at its motorway interchange (node 2Z + zone).
      const matching = roadLinks.filter(
        (link) =>
          link.roadClass !== 'connector' &&
          ((link.from % Z === a && link.to % Z === b) || (link.from % Z === b && link.to % Z === a)) &&
          (change.name === undefined || link.name === change.name),
      );
      if (matching.length === 0)
        throw new ScenarioError(`no road ${change.name ?? ''} between "${change.from}" and "${change.to}"`);
      for (const link of matching) {
        if (change.capacityFactor !== undefined) link.capacity *= change.capacityFactor;
        if (change.speedKmh !== undefined) link.speedKmh = change.speedKmh;
      }
      if (change.closed) roadLinks = roadLinks.filter((link) => !matching.includes(link));
    }
    for (const road of scenario.newRoads) {
      const a = Z + zoneOf(road.from);
      const b = Z + zoneOf(road.to);
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        roadLinks.push({
          from,
          to,
          lengthKm: road.lengthKm,
          speedKmh: road.speedKmh,
          lanes: road.lanes,
          capacity: road.lanes * road.capacityPerLane,
          roadClass: road.speedKmh >= 100 ? 'motorway' : road.speedKmh >= 80 ? 'expressway' : 'primary',
          name: road.name,
          vdf: 'bpr',
        });
      }
    }
  }
  let ptLines = territory.ptLines;
  if (scenario.ptLines.length > 0 || scenario.newPtLines.length > 0) {
    ptLines = territory.ptLines.map((line) => ({ ...line }));
    for (const change of scenario.ptLines) {
      const line = ptLines.find((l) => l.id === change.line);
      if (!line) throw new ScenarioError(`unknown PT line "${change.line}"`);
      if (change.headwayMinutes !== undefined) {
        // The line keeps its peak/off-peak pattern unless the off-peak headway is given too.
        line.offPeakHeadwayMinutes *= change.headwayMinutes / line.headwayMinutes;
        line.headwayMinutes = change.headwayMinutes;
      }
      if (change.offPeakHeadwayMinutes !== undefined)
        line.offPeakHeadwayMinutes = change.offPeakHeadwayMinutes;
      if (change.fare !== undefined) line.fare = change.fare;
      if (change.speedKmh !== undefined) line.speedKmh = change.speedKmh;
      if (change.closed) ptLines = ptLines.filter((l) => l !== line);
    }
    for (const line of scenario.newPtLines) {
      if (ptLines.some((l) => l.id === line.id))
        throw new ScenarioError(`PT line "${line.id}" already exists`);
      const offPeakHeadwayMinutes =
        line.offPeakHeadwayMinutes ?? Math.max(line.headwayMinutes, Math.min(2 * line.headwayMinutes, 120));
      ptLines.push({ ...line, offPeakHeadwayMinutes, zones: line.zones.map(zoneOf) });
    }
  }
  return { ...territory, zones, roadLinks, ptLines };
}
