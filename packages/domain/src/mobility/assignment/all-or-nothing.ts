/**
 * All-or-nothing loading: every trip on its current shortest path. Flows are pushed back
 * through each origin's shortest-path tree in reverse settling order, O(nodes) per origin
 * instead of O(path length) per origin-destination pair.
 */
import type { RoadNetwork } from '../network/road-network.ts';
import type { ShortestPathSolver } from '../network/shortest-path.ts';

/** Demand between two zones that the network does not connect. Zones are 0-based. */
export class DisconnectedDemandError extends Error {
  override name = 'DisconnectedDemandError';
  constructor(
    readonly origin: number,
    readonly destination: number,
    readonly demand: number,
  ) {
    super(
      `demand ${demand} from zone ${origin + 1} to zone ${destination + 1}, which the network does not connect`,
    );
  }
}

/**
 * Loads `demand` (origin-major, zoneCount × zoneCount) on shortest paths under `cost`.
 * Writes link flows into `out` and returns the total shortest-path cost Σ demand × cost (SPTT).
 *
 * @param options.nodeFlow - scratch buffer of nodeCount entries (reused between calls)
 * @throws DisconnectedDemandError when positive demand has no path
 */
export function allOrNothing(options: {
  network: RoadNetwork;
  demand: Float64Array;
  cost: Float64Array;
  solver: ShortestPathSolver;
  out: Float64Array;
  nodeFlow?: Float64Array;
}): number {
  const { network, demand, cost, solver, out } = options;
  const zones = network.zoneCount;
  const from = network.from;
  const nodeFlow = options.nodeFlow ?? new Float64Array(network.nodeCount);
  const dist = solver.dist;
  const pred = solver.predLink;
  const order = solver.order;
  out.fill(0);
  solver.setCosts(cost);
  let sptt = 0;
  for (let o = 0; o < zones; o++) {
    const row = o * zones;
    let any = false;
    for (let d = 0; d < zones; d++) {
      if (d !== o && demand[row + d]! > 0) {
        any = true;
        break;
      }
    }
    if (!any) continue;
    solver.runFrom(o);
    for (let d = 0; d < zones; d++) {
      const q = demand[row + d]!;
      if (d === o || q <= 0) continue;
      const c = dist[d]!;
      if (c === Infinity) throw new DisconnectedDemandError(o, d, q);
      sptt += q * c;
      nodeFlow[d]! += q;
    }
    for (let k = solver.settledCount - 1; k > 0; k--) {
      const v = order[k]!;
      const q = nodeFlow[v]!;
      if (q === 0) continue;
      nodeFlow[v] = 0;
      const link = pred[v]!;
      out[link]! += q;
      nodeFlow[from[link]!]! += q;
    }
    nodeFlow[o] = 0;
  }
  return sptt;
}

/**
 * Zone-to-zone shortest-path skims under `cost`: for each pair, the path's cost and the sum
 * of each requested per-link attribute along it (time, length...). Unreachable pairs: Infinity.
 *
 * @param options.attributes - per-link values to sum along the paths
 * @returns `cost` and one matrix per attribute, origin-major zoneCount × zoneCount
 */
export function skimZones(options: {
  network: RoadNetwork;
  cost: Float64Array;
  solver: ShortestPathSolver;
  attributes?: readonly Float64Array[];
}): { cost: Float64Array; attributes: Float64Array[] } {
  const { network, cost, solver } = options;
  const zones = network.zoneCount;
  const attributes = options.attributes ?? [];
  const costMatrix = new Float64Array(zones * zones);
  const sums = attributes.map(() => new Float64Array(zones * zones));
  const nodeValue = new Float64Array(network.nodeCount);
  solver.setCosts(cost);
  for (let o = 0; o < zones; o++) {
    solver.runFrom(o);
    for (let d = 0; d < zones; d++) costMatrix[o * zones + d] = solver.dist[d]!;
    attributes.forEach((attribute, a) => {
      // Along the tree in settling order, a node's value = its parent's + its link's.
      nodeValue[o] = 0;
      for (let k = 1; k < solver.settledCount; k++) {
        const v = solver.order[k]!;
        const link = solver.predLink[v]!;
        nodeValue[v] = nodeValue[network.from[link]!]! + attribute[link]!;
      }
      const target = sums[a]!;
      for (let d = 0; d < zones; d++) {
        target[o * zones + d] = solver.dist[d] === Infinity ? Infinity : d === o ? 0 : nodeValue[d]!;
      }
    });
  }
  return { cost: costMatrix, attributes: sums };
}
