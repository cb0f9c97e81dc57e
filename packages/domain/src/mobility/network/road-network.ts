/**
 * A road network as flat typed arrays (one entry per link), with its compressed sparse
 * row (CSR) adjacency. Nodes are numbered 0..nodeCount-1; zones are the first
 * `zoneCount` nodes. Nodes below `firstThruNode` are centroids: a path may start or end
 * there but never pass through.
 */

/** Volume-delay functions: BPR (US Bureau of Public Roads) and the French INRETS function. */
export const VOLUME_DELAY_FUNCTIONS = ['bpr', 'inrets'] as const;
export type VolumeDelayFunction = (typeof VOLUME_DELAY_FUNCTIONS)[number];
/** Numeric code stored per link in {@link RoadNetwork.vdf}. */
export const VDF_CODE: Readonly<Record<VolumeDelayFunction, number>> = { bpr: 0, inrets: 1 };

export interface RoadNetwork {
  readonly nodeCount: number;
  readonly zoneCount: number;
  /** 0-based: nodes with a smaller index are centroids, never passed through. */
  readonly firstThruNode: number;
  readonly linkCount: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** Vehicles per period (same unit as the demand). */
  readonly capacity: Float64Array;
  readonly length: Float64Array;
  /** Free-flow travel time (minutes in TNTP files). */
  readonly freeFlowTime: Float64Array;
  /** BPR `b` / INRETS `α`. */
  readonly alpha: Float64Array;
  /** BPR power (unused by INRETS). */
  readonly beta: Float64Array;
  /** Flow-independent generalised cost added to the time (toll, distance), same unit as time. */
  readonly fixedCost: Float64Array;
  /** {@link VDF_CODE} per link. */
  readonly vdf: Uint8Array;
  /** CSR: the links leaving node n are `outLinks[outStart[n] .. outStart[n+1]-1]`. */
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;
}

export interface RoadLinkInput {
  from: number;
  to: number;
  capacity: number;
  length: number;
  freeFlowTime: number;
  alpha?: number;
  beta?: number;
  fixedCost?: number;
  vdf?: VolumeDelayFunction;
}

export class RoadNetworkError extends Error {
  override name = 'RoadNetworkError';
}

/**
 * Builds a {@link RoadNetwork} (typed arrays and CSR adjacency) from a list of links.
 *
 * @param options.nodeCount - number of nodes, zones first
 * @param options.zoneCount - number of zones (nodes 0..zoneCount-1)
 * @param options.firstThruNode - first node that may be passed through (default: zoneCount)
 * @param options.links - the links, with 0-based node indices
 * @example
 * const net = createRoadNetwork({ nodeCount: 2, zoneCount: 2, links: [
 *   { from: 0, to: 1, capacity: 1000, length: 1, freeFlowTime: 1 }] });
 */
export function createRoadNetwork(options: {
  nodeCount: number;
  zoneCount: number;
  firstThruNode?: number;
  links: readonly RoadLinkInput[];
}): RoadNetwork {
  const { nodeCount, zoneCount, links } = options;
  const firstThruNode = options.firstThruNode ?? zoneCount;
  if (!Number.isInteger(nodeCount) || nodeCount < 1)
    throw new RoadNetworkError(`bad node count ${nodeCount}`);
  if (zoneCount < 0 || zoneCount > nodeCount) throw new RoadNetworkError(`bad zone count ${zoneCount}`);
  const m = links.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const capacity = new Float64Array(m);
  const length = new Float64Array(m);
  const freeFlowTime = new Float64Array(m);
  const alpha = new Float64Array(m);
  const beta = new Float64Array(m);
  const fixedCost = new Float64Array(m);
  const vdf = new Uint8Array(m);
  links.forEach((link, i) => {
    if (!(link.from >= 0 && link.from < nodeCount && link.to >= 0 && link.to < nodeCount)) {
      throw new RoadNetworkError(`link ${i}: node out of range (${link.from} -> ${link.to})`);
    }
    if (!(link.capacity > 0)) throw new RoadNetworkError(`link ${i}: capacity must be positive`);
    if (!(link.freeFlowTime >= 0)) throw new RoadNetworkError(`link ${i}: negative free-flow time`);
    from[i] = link.from;
    to[i] = link.to;
    capacity[i] = link.capacity;
    length[i] = link.length;
    freeFlowTime[i] = link.freeFlowTime;
    alpha[i] = link.alpha ?? 0.15;
    beta[i] = link.beta ?? 4;
    fixedCost[i] = link.fixedCost ?? 0;
    vdf[i] = VDF_CODE[link.vdf ?? 'bpr'];
  });
  const { outStart, outLinks } = buildCsr(nodeCount, from);
  return {
    nodeCount,
    zoneCount,
    firstThruNode,
    linkCount: m,
    from,
    to,
    capacity,
    length,
    freeFlowTime,
    alpha,
    beta,
    fixedCost,
    vdf,
    outStart,
    outLinks,
  };
}

/** Counting sort of links by tail node: O(nodes + links). */
export function buildCsr(
  nodeCount: number,
  from: Int32Array,
): { outStart: Int32Array; outLinks: Int32Array } {
  const outStart = new Int32Array(nodeCount + 1);
  for (let i = 0; i < from.length; i++) outStart[from[i]! + 1]!++;
  for (let n = 0; n < nodeCount; n++) outStart[n + 1]! += outStart[n]!;
  const fill = outStart.slice(0, nodeCount);
  const outLinks = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) outLinks[fill[from[i]!]!++] = i;
  return { outStart, outLinks };
}

/** A copy of the network with some per-link attributes replaced (scenarios, property tests). */
export function withLinkAttributes(
  network: RoadNetwork,
  changes: Partial<Pick<RoadNetwork, 'capacity' | 'freeFlowTime' | 'fixedCost' | 'alpha' | 'beta'>>,
): RoadNetwork {
  return { ...network, ...changes };
}
