/**
 * Frequency-based public-transport assignment: each trip takes its best path under the
 * weighted cost (waiting = headway / 2, transfers penalised); loads per line segment and
 * direction, compared with the capacity the line offers in the period.
 */
import { allOrNothing, skimZones } from '../assignment/all-or-nothing.ts';
import { ShortestPathSolver } from '../network/shortest-path.ts';
import type { PtGraph, PtLine, PtWeights } from './pt-network.ts';
import { DEFAULT_PT_WEIGHTS } from './pt-network.ts';

export interface PtSegmentLoad {
  line: string;
  /** Segment index along the line's stop list. */
  segment: number;
  direction: 'forward' | 'backward';
  load: number;
  capacity: number;
  /** load / capacity. */
  crowding: number;
}

export interface PtAssignmentResult {
  segments: PtSegmentLoad[];
  boardingsPerLine: Float64Array;
  passengerKm: number;
}

/**
 * Assigns a PT demand matrix (trips in the period) to the line network.
 *
 * @param options.pt - the PT graph
 * @param options.lines - the lines it was built from
 * @param options.demand - origin-major PT trips in the period
 * @param options.periodHours - length of the period the demand covers (capacities scale with it)
 */
export function assignPt(options: {
  pt: PtGraph;
  lines: readonly PtLine[];
  demand: Float64Array;
  periodHours: number;
}): PtAssignmentResult {
  const { pt, lines, demand, periodHours } = options;
  const flows = new Float64Array(pt.graph.linkCount);
  allOrNothing({
    network: pt.graph,
    demand,
    cost: pt.cost,
    solver: new ShortestPathSolver(pt.graph),
    out: flows,
  });
  const segments: PtSegmentLoad[] = [];
  const boardingsPerLine = new Float64Array(lines.length);
  let passengerKm = 0;
  for (let link = 0; link < pt.graph.linkCount; link++) {
    const q = flows[link]!;
    passengerKm += q * pt.km[link]!;
    const l = pt.lineOf[link]!;
    if (l < 0) continue;
    const line = lines[l]!;
    const capacity = ((periodHours * 60) / line.headwayMinutes) * line.vehicleCapacity;
    const code = pt.segmentOf[link]!;
    segments.push({
      line: line.id,
      segment: code >= 0 ? code : -1 - code,
      direction: code >= 0 ? 'forward' : 'backward',
      load: q,
      capacity,
      crowding: q / capacity,
    });
  }
  // Boardings: flow on boarding links, attributed to the line of the riding link they feed.
  const { outStart, outLinks, to, from } = pt.graph;
  for (let link = 0; link < pt.graph.linkCount; link++) {
    if (pt.boardings[link]! === 0 || flows[link]! === 0) continue;
    const node = to[link]!;
    for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
      const ride = outLinks[k]!;
      if (pt.lineOf[ride]! >= 0 && from[ride] === node) boardingsPerLine[pt.lineOf[ride]!]! += flows[link]!;
    }
  }
  return { segments, boardingsPerLine, passengerKm };
}

export interface PtSkims {
  /** Generalised minutes for routing (first boarding penalty removed); Infinity: no PT path. */
  cost: Float64Array;
  inVehicle: Float64Array;
  wait: Float64Array;
  walk: Float64Array;
  transfers: Float64Array;
  fare: Float64Array;
  km: Float64Array;
}

/**
 * Zone-to-zone PT skims. A pair whose best path boards nothing (walking only) has no PT path.
 *
 * @param options.pt - the PT graph
 */
export function skimPt(options: { pt: PtGraph; weights?: PtWeights }): PtSkims {
  const { pt } = options;
  const w = options.weights ?? DEFAULT_PT_WEIGHTS;
  const solver = new ShortestPathSolver(pt.graph);
  const { cost, attributes } = skimZones({
    network: pt.graph,
    cost: pt.cost,
    solver,
    attributes: [pt.inVehicleMinutes, pt.waitMinutes, pt.walkMinutes, pt.boardings, pt.fare, pt.km],
  });
  const [inVehicle, wait, walk, boardings, fare, km] = attributes as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const transfers = new Float64Array(cost.length);
  for (let k = 0; k < cost.length; k++) {
    if (!(boardings[k]! >= 1)) {
      cost[k] = Infinity;
      transfers[k] = Infinity;
      continue;
    }
    cost[k]! -= w.transferPenalty;
    transfers[k] = boardings[k]! - 1;
  }
  return { cost, inVehicle, wait, walk, transfers, fare, km };
}
