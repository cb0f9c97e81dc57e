/**
 * The territory's road and PT networks in the form the path searches take: the road graph with
 * free-flow times, car skims under any link costs, and the PT lines with one period's headways.
 */
import { skimZones } from '../assignment/all-or-nothing.ts';
import { createRoadNetwork, type RoadNetwork } from '../network/road-network.ts';
import type { ShortestPathSolver } from '../network/shortest-path.ts';
import type { Territory } from '../territory/territory.ts';
import type { PtLine } from '../transit/pt-network.ts';
import { zoneDistanceKm } from './apply-scenario.ts';

// Speed of intrazonal car trips, km/h.
const INTRAZONAL_CAR_KMH = 25;

/** The road graph: zone centroids, then zone road nodes, with free-flow minutes per link. */
export function buildRoadNetwork(territory: Territory): RoadNetwork {
  const Z = territory.zones.length;
  // Nodes: zone centroids, zone road nodes, then any further nodes (motorway interchanges).
  let nodeCount = 2 * Z;
  for (const link of territory.roadLinks) nodeCount = Math.max(nodeCount, link.from + 1, link.to + 1);
  return createRoadNetwork({
    nodeCount,
    zoneCount: Z,
    firstThruNode: Z,
    links: territory.roadLinks.map((link) => ({
      from: link.from,
      to: link.to,
      capacity: link.capacity,
      length: link.lengthKm,
      freeFlowTime: (link.lengthKm / link.speedKmh) * 60,
      vdf: link.vdf,
    })),
  });
}

/** Car minutes and km between zones under link costs; intrazonal trips at 25 km/h on the diagonal. */
export function carSkim(
  territory: Territory,
  road: RoadNetwork,
  solver: ShortestPathSolver,
  cost: Float64Array,
): { time: Float64Array; km: Float64Array } {
  const zones = territory.zones;
  const Z = zones.length;
  const skim = skimZones({ network: road, cost, solver, attributes: [road.length] });
  for (let z = 0; z < Z; z++) {
    skim.cost[z * Z + z] = (zones[z]!.intrazonalKm / INTRAZONAL_CAR_KMH) * 60;
    skim.attributes[0]![z * Z + z] = zones[z]!.intrazonalKm;
  }
  return { time: skim.cost, km: skim.attributes[0]! };
}

/** The territory's PT lines for path search, with the headways of one period of the day. */
export function buildPtLines(territory: Territory, period: 'peak' | 'offPeak' = 'peak'): PtLine[] {
  return territory.ptLines.map((line) => {
    const segmentKm = line.zones
      .slice(1)
      .map((z, i) => Math.max(0.5, zoneDistanceKm(territory, line.zones[i]!, z) * 1.2));
    return {
      id: line.id,
      name: line.name,
      kind: line.kind,
      stops: line.zones,
      segmentKm,
      // Half a minute's dwell at each stop.
      segmentMinutes: segmentKm.map((km) => (km / line.speedKmh) * 60 + 0.5),
      headwayMinutes: period === 'peak' ? line.headwayMinutes : line.offPeakHeadwayMinutes,
      vehicleCapacity: line.vehicleCapacity,
      fare: line.fare,
      farePerKm: line.farePerKm,
    };
  });
}
