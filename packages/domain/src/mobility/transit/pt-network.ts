/**
 * The public-transport network as a graph for frequency-based path search: zones
 * (centroids, never passed through), stops, and one node per (line, stop). Boarding costs
 * the weighted expected wait (headway / 2) plus a transfer penalty, riding costs the
 * in-vehicle time, walking links join zones to stops. The first boarding's penalty is
 * not a transfer: skims subtract it.
 */
import { createRoadNetwork, type RoadLinkInput, type RoadNetwork } from '../network/road-network.ts';

export const PT_KINDS = ['rail', 'brt', 'bus'] as const;
export type PtKind = (typeof PT_KINDS)[number];

export interface PtLine {
  id: string;
  name: string;
  kind: PtKind;
  /** Stop indices in running order; the line runs both ways. */
  stops: number[];
  /** Minutes between two stops, one entry per segment (stops.length − 1). */
  segmentMinutes: number[];
  segmentKm: number[];
  /** Peak-period headway, minutes. */
  headwayMinutes: number;
  /** Places per vehicle (seated and standing). */
  vehicleCapacity: number;
  /** Fare per boarding, euros, plus per kilometre (rail). */
  fare: number;
  farePerKm: number;
}

export interface PtAccessLink {
  zone: number;
  stop: number;
  walkMinutes: number;
}

export interface PtWeights {
  wait: number;
  walk: number;
  /** Minutes per transfer. */
  transferPenalty: number;
  /** Value of time used to route (euros per hour); mode choice re-weights fares per purpose. */
  routingValueOfTime: number;
}

export const DEFAULT_PT_WEIGHTS: Readonly<PtWeights> = {
  wait: 2,
  walk: 2,
  transferPenalty: 7.5,
  routingValueOfTime: 10,
};

/** Per link attributes of the PT graph, for skims and loads. */
export interface PtGraph {
  graph: RoadNetwork;
  cost: Float64Array;
  inVehicleMinutes: Float64Array;
  waitMinutes: Float64Array;
  walkMinutes: Float64Array;
  boardings: Float64Array;
  fare: Float64Array;
  km: Float64Array;
  /** For riding links: the line index, else −1. */
  lineOf: Int32Array;
  /** For riding links: the segment index along the line, negative (−1 − index) in the reverse direction. */
  segmentOf: Int32Array;
}

/**
 * Builds the PT graph.
 *
 * @param options.zoneCount - zones are nodes 0..zoneCount−1
 * @param options.stopCount - number of stops
 * @param options.lines - the lines
 * @param options.access - zone-stop walking links (both directions)
 */
export function buildPtGraph(options: {
  zoneCount: number;
  stopCount: number;
  lines: readonly PtLine[];
  access: readonly PtAccessLink[];
  weights?: PtWeights;
}): PtGraph {
  const { zoneCount, stopCount, lines, access } = options;
  const w = options.weights ?? DEFAULT_PT_WEIGHTS;
  const links: RoadLinkInput[] = [];
  const attrs = { ivt: [] as number[], wait: [] as number[], walk: [] as number[], board: [] as number[] };
  const fares: number[] = [];
  const km: number[] = [];
  const lineOf: number[] = [];
  const segmentOf: number[] = [];
  const add = (
    from: number,
    to: number,
    a: {
      ivt?: number;
      wait?: number;
      walk?: number;
      board?: number;
      fare?: number;
      km?: number;
      line?: number;
      segment?: number;
    },
  ) => {
    const cost =
      (a.ivt ?? 0) +
      w.wait * (a.wait ?? 0) +
      w.walk * (a.walk ?? 0) +
      w.transferPenalty * (a.board ?? 0) +
      ((a.fare ?? 0) * 60) / w.routingValueOfTime;
    links.push({ from, to, capacity: 1, length: a.km ?? 0, freeFlowTime: cost, alpha: 0 });
    attrs.ivt.push(a.ivt ?? 0);
    attrs.wait.push(a.wait ?? 0);
    attrs.walk.push(a.walk ?? 0);
    attrs.board.push(a.board ?? 0);
    fares.push(a.fare ?? 0);
    km.push(a.km ?? 0);
    lineOf.push(a.line ?? -1);
    segmentOf.push(a.segment ?? 0);
  };
  const stopNode = (stop: number) => zoneCount + stop;
  let next = zoneCount + stopCount;
  for (const { zone, stop, walkMinutes } of access) {
    add(zone, stopNode(stop), { walk: walkMinutes });
    add(stopNode(stop), zone, { walk: walkMinutes });
  }
  lines.forEach((line, l) => {
    if (
      line.segmentMinutes.length !== line.stops.length - 1 ||
      line.segmentKm.length !== line.stops.length - 1
    ) {
      throw new RangeError(`line ${line.id}: one segment time and length per pair of stops expected`);
    }
    if (!(line.headwayMinutes > 0)) throw new RangeError(`line ${line.id}: headway must be positive`);
    for (const direction of [1, -1] as const) {
      const order = direction === 1 ? line.stops : [...line.stops].reverse();
      const nodes = order.map(() => next++);
      order.forEach((stop, i) => {
        const node = nodes[i]!;
        if (i < order.length - 1)
          add(stopNode(stop), node, { wait: line.headwayMinutes / 2, board: 1, fare: line.fare });
        if (i > 0) add(node, stopNode(stop), {});
        if (i < order.length - 1) {
          const segment = direction === 1 ? i : order.length - 2 - i;
          const minutes = line.segmentMinutes[segment]!;
          const length = line.segmentKm[segment]!;
          add(node, nodes[i + 1]!, {
            ivt: minutes,
            km: length,
            fare: line.farePerKm * length,
            line: l,
            segment: direction === 1 ? segment : -1 - segment,
          });
        }
      });
    }
  });
  const graph = createRoadNetwork({ nodeCount: next, zoneCount, firstThruNode: zoneCount, links });
  return {
    graph,
    cost: graph.freeFlowTime,
    inVehicleMinutes: Float64Array.from(attrs.ivt),
    waitMinutes: Float64Array.from(attrs.wait),
    walkMinutes: Float64Array.from(attrs.walk),
    boardings: Float64Array.from(attrs.board),
    fare: Float64Array.from(fares),
    km: Float64Array.from(km),
    lineOf: Int32Array.from(lineOf),
    segmentOf: Int32Array.from(segmentOf),
  };
}
