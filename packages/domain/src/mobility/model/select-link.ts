/**
 * Select-link analysis: who uses a road section. The daily car and lorry demand of a simulation is
 * loaded all-or-nothing on its equilibrium link costs, and the paths through the section are
 * kept, by zone pair, by kind of flow and by length. At equilibrium a pair may split over
 * near-equal routes: the selected total is close to, not equal to, the section's assigned volume.
 */
import { PURPOSES } from '../demand/purposes.ts';
import { pathLinks, ShortestPathSolver } from '../network/shortest-path.ts';
import type { Territory } from '../territory/territory.ts';
import type { ModelParameters } from './parameters.ts';
import type { Simulation } from './simulate.ts';

// Index of the car (driver) mode in MODES, whose trips load the road network.
const CAR = 0;

export type SelectLinkKind = 'internal' | 'external' | 'hgv';

export interface SelectLinkResult {
  /** Road links of the section (both directions), indices into the territory's road links. */
  links: number[];
  /** Two-way daily passenger-car units on the section at equilibrium (the model's volume). */
  equilibrium: number;
  /** Two-way daily passenger-car units of the shortest paths through it on the equilibrium costs. */
  selected: number;
  /** `internal`: both ends in the perimeter; `external`: one end outside (cars); `hgv`: lorries. */
  byKind: Record<SelectLinkKind, number>;
  /** Passenger-car units by path length (road km, centroid connectors left out), up to `upToKm`. */
  byDistance: { upToKm: number; pcu: number }[];
  /** Zone pairs (both directions together), most loaded first, with their path length. */
  pairs: { a: string; b: string; pcu: number; km: number; kind: SelectLinkKind }[];
}

/** Upper bounds of the length bands, km. */
const BANDS = [5, 10, 20, 40, Infinity];

/**
 * Who uses the road section between two zones (every non-connector link joining their road or
 * interchange nodes, both directions).
 *
 * @param options.territory - the territory the simulation ran on (after the scenario)
 * @param options.simulation - the result of `simulate`
 * @param options.parameters - the parameters of that run (for the peak-hour share)
 * @param options.between - the two zone ids of the section, e.g. `['57751', '57433']`
 * @param options.name - only the links of this road name (e.g. `'A31'`); default: every road
 * @throws Error when no road link joins the two zones
 * @example selectLink({ territory, simulation, parameters, between: ['57751', '57433'], name: 'A31' }).byKind
 */
export function selectLink(options: {
  territory: Territory;
  simulation: Simulation;
  parameters: ModelParameters;
  between: readonly [string, string];
  name?: string;
}): SelectLinkResult {
  const { territory, simulation, parameters, between, name } = options;
  const zones = territory.zones;
  const Z = zones.length;
  const ends = between.map((id) => {
    const z = zones.findIndex((zone) => zone.id === id);
    if (z < 0) throw new Error(`select-link: no zone "${id}"`);
    return z;
  });
  const roadLinks = territory.roadLinks;
  const links: number[] = [];
  roadLinks.forEach((link, i) => {
    if (link.roadClass === 'connector' || (name !== undefined && link.name !== name)) return;
    const a = link.from % Z;
    const b = link.to % Z;
    if ((a === ends[0] && b === ends[1]) || (a === ends[1] && b === ends[0])) links.push(i);
  });
  if (links.length === 0) {
    throw new Error(`select-link: no ${name ?? 'road'} link between ${between[0]} and ${between[1]}`);
  }
  const selectedLinks = new Set(links);
  const { assignment, road, trips } = simulation;
  let equilibrium = 0;
  for (const i of links) equilibrium += assignment.flows[i]! / parameters.peakHourShare;

  // Daily demand in passenger-car units, by kind: the half-sum of each purpose's car trips (as
  // the model assigns them) and the fixed lorry flows.
  const cars = new Float64Array(Z * Z);
  for (const purpose of PURPOSES) {
    const matrix = trips[purpose][CAR]!;
    for (let o = 0; o < Z; o++) {
      for (let d = 0; d < Z; d++) cars[o * Z + d]! += 0.5 * (matrix[o * Z + d]! + matrix[d * Z + o]!);
    }
  }
  const lorries = new Float64Array(Z * Z);
  for (const flow of territory.roadFlows ?? []) {
    lorries[flow.origin * Z + flow.destination]! += flow.vehiclesPerDay * flow.pcuPerVehicle;
  }

  const byKind: Record<SelectLinkKind, number> = { internal: 0, external: 0, hgv: 0 };
  const byDistance = BANDS.map((upToKm) => ({ upToKm, pcu: 0 }));
  const pairs = new Map<string, { a: string; b: string; pcu: number; km: number; kind: SelectLinkKind }>();
  const solver = new ShortestPathSolver(road);
  for (let o = 0; o < Z; o++) {
    solver.run(o, assignment.costs);
    for (let d = 0; d < Z; d++) {
      const k = o * Z + d;
      if (d === o || !(cars[k]! > 0 || lorries[k]! > 0)) continue;
      const path = pathLinks(solver, d);
      if (!path?.some((i) => selectedLinks.has(i))) continue;
      let km = 0;
      for (const i of path) if (roadLinks[i]!.name !== 'connector') km += roadLinks[i]!.lengthKm;
      const internal = zones[o]!.kind === 'internal' && zones[d]!.kind === 'internal';
      const flows: [SelectLinkKind, number][] = [
        [internal ? 'internal' : 'external', cars[k]!],
        ['hgv', lorries[k]!],
      ];
      for (const [kind, pcu] of flows) {
        if (!(pcu > 0)) continue;
        byKind[kind] += pcu;
        byDistance.find((band) => km <= band.upToKm)!.pcu += pcu;
        const [a, b] = [zones[Math.min(o, d)]!.id, zones[Math.max(o, d)]!.id];
        const key = `${a}|${b}|${kind}`;
        const pair = pairs.get(key) ?? { a, b, pcu: 0, km, kind };
        pair.pcu += pcu;
        pairs.set(key, pair);
      }
    }
  }
  return {
    links,
    equilibrium,
    selected: byKind.internal + byKind.external + byKind.hgv,
    byKind,
    byDistance,
    pairs: [...pairs.values()].sort(
      (x, y) => y.pcu - x.pcu || x.a.localeCompare(y.a) || x.b.localeCompare(y.b),
    ),
  };
}
