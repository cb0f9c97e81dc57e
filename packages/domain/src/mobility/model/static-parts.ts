/**
 * The parts of a model run that depend only on the road links, or only on the PT lines, and on
 * the zones' fixed geometry: the road graph, walking and cycling distances, free-flow car skims,
 * the PT graphs and skims of both periods. A scenario that leaves the road links (or the lines)
 * alone keeps the very same array (`applyScenario` copies only what it changes), so these are
 * computed once per array and reused: the live view re-runs the model on every edit.
 *
 * The cache is invisible in results: a hit returns exactly what the computation would (the
 * same deterministic inputs), and callers get copies of anything the run modifies.
 */
import { skimZones } from '../assignment/all-or-nothing.ts';
import type { RoadNetwork } from '../network/road-network.ts';
import { ShortestPathSolver } from '../network/shortest-path.ts';
import type { Territory, TerritoryPtLine, TerritoryRoadLink } from '../territory/territory.ts';
import { skimPt, type PtSkims } from '../transit/pt-assignment.ts';
import { buildPtGraph, type PtGraph, type PtLine, type PtWeights } from '../transit/pt-network.ts';

/** What a run reads from the zones besides the links and lines: their position and intrazonal length. */
function zoneKey(territory: Territory): Float64Array {
  const key = new Float64Array(3 * territory.zones.length);
  territory.zones.forEach((zone, z) => {
    key[3 * z] = zone.lon;
    key[3 * z + 1] = zone.lat;
    key[3 * z + 2] = zone.intrazonalKm;
  });
  return key;
}

function sameKey(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface RoadStatics {
  road: RoadNetwork;
  solver: ShortestPathSolver;
  /** Walking and cycling km between zones (no motorways or expressways); intrazonal on the diagonal. */
  activeKm: Float64Array;
  /** Free-flow car minutes and km between zones (intrazonal on the diagonal). Copy before changing. */
  freeFlowTime: Float64Array;
  freeFlowKm: Float64Array;
}

export interface PtStatics {
  ptLines: PtLine[];
  ptLinesOffPeak: PtLine[];
  access: { zone: number; stop: number; walkMinutes: number }[];
  pt: PtGraph;
  ptSkims: PtSkims;
  ptOffPeak: PtGraph;
  ptSkimsOffPeak: PtSkims;
}

const roadCache = new WeakMap<readonly TerritoryRoadLink[], { key: Float64Array; value: RoadStatics }>();
const ptCache = new WeakMap<
  readonly TerritoryPtLine[],
  { key: Float64Array; walkSpeedKmh: number; weights: PtWeights; value: PtStatics }
>();

/**
 * @param options.build - builds the road graph from the territory
 * @param options.carSkim - congested or free-flow car minutes and km under link costs
 */
export function roadStatics(options: {
  territory: Territory;
  build: (territory: Territory) => RoadNetwork;
  carSkim: (
    road: RoadNetwork,
    solver: ShortestPathSolver,
    cost: Float64Array,
  ) => {
    time: Float64Array;
    km: Float64Array;
  };
}): RoadStatics {
  const { territory } = options;
  const key = zoneKey(territory);
  const hit = roadCache.get(territory.roadLinks);
  if (hit && sameKey(hit.key, key)) return hit.value;
  const zones = territory.zones;
  const Z = zones.length;
  const road = options.build(territory);
  const solver = new ShortestPathSolver(road);
  const activeCost = new Float64Array(road.linkCount);
  territory.roadLinks.forEach((link, i) => {
    activeCost[i] =
      link.roadClass === 'motorway' || link.roadClass === 'expressway' ? Infinity : link.lengthKm;
  });
  const activeKm = skimZones({ network: road, cost: activeCost, solver }).cost;
  for (let z = 0; z < Z; z++) activeKm[z * Z + z] = zones[z]!.intrazonalKm;
  const freeFlow = options.carSkim(road, solver, Float64Array.from(road.freeFlowTime));
  const value = { road, solver, activeKm, freeFlowTime: freeFlow.time, freeFlowKm: freeFlow.km };
  roadCache.set(territory.roadLinks, { key, value });
  return value;
}

/**
 * @param options.buildLines - the territory's lines with one period's headways
 */
export function ptStatics(options: {
  territory: Territory;
  walkSpeedKmh: number;
  weights: PtWeights;
  buildLines: (territory: Territory, period: 'peak' | 'offPeak') => PtLine[];
}): PtStatics {
  const { territory, walkSpeedKmh, weights } = options;
  const key = zoneKey(territory);
  const hit = ptCache.get(territory.ptLines);
  if (hit && hit.walkSpeedKmh === walkSpeedKmh && hit.weights === weights && sameKey(hit.key, key)) {
    return hit.value;
  }
  const Z = territory.zones.length;
  const ptLines = options.buildLines(territory, 'peak');
  const ptLinesOffPeak = options.buildLines(territory, 'offPeak');
  const access = territory.zones.map((zone, z) => ({
    zone: z,
    stop: z,
    walkMinutes: Math.min(12, Math.max(3, (zone.intrazonalKm / 2 / walkSpeedKmh) * 60)),
  }));
  const pt = buildPtGraph({ zoneCount: Z, stopCount: Z, lines: ptLines, access, weights });
  const ptOffPeak = buildPtGraph({ zoneCount: Z, stopCount: Z, lines: ptLinesOffPeak, access, weights });
  const value = {
    ptLines,
    ptLinesOffPeak,
    access,
    pt,
    ptSkims: skimPt({ pt, weights }),
    ptOffPeak,
    ptSkimsOffPeak: skimPt({ pt: ptOffPeak, weights }),
  };
  ptCache.set(territory.ptLines, { key, walkSpeedKmh, weights, value });
  return value;
}
