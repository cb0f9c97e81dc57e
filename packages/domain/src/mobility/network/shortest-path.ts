/**
 * One-to-all shortest paths (Dijkstra with an indexed binary heap) over a CSR graph.
 * All buffers are typed arrays allocated once and reused for every origin: a solver
 * instance is meant to run thousands of trees per second.
 */

/** What the solver needs of a graph: the CSR adjacency and the head of each link. */
export interface CsrGraph {
  readonly nodeCount: number;
  /** Nodes below this index are centroids: never passed through. */
  readonly firstThruNode: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly outStart: Int32Array;
  readonly outLinks: Int32Array;
}

export class ShortestPathSolver {
  /** Cost from the last origin; `Infinity` when unreachable. */
  readonly dist: Float64Array;
  /** Link used to reach each node, -1 for the origin and unreached nodes. */
  readonly predLink: Int32Array;
  /** Nodes in the order they were settled (non-decreasing cost); `settledCount` are valid. */
  readonly order: Int32Array;
  settledCount = 0;
  private readonly heap: Int32Array;
  private readonly heapPos: Int32Array;

  /** Head node and cost of each CSR slot: contiguous reads in the relaxation loop. */
  private readonly csrTo: Int32Array;
  private readonly csrCost: Float64Array;

  constructor(readonly graph: CsrGraph) {
    const n = graph.nodeCount;
    this.csrTo = Int32Array.from(graph.outLinks, (link) => graph.to[link]!);
    this.csrCost = new Float64Array(graph.outLinks.length);
    this.dist = new Float64Array(n);
    this.predLink = new Int32Array(n);
    this.order = new Int32Array(n);
    this.heap = new Int32Array(n);
    this.heapPos = new Int32Array(n);
  }

  /**
   * Computes the tree of shortest paths from `origin` under the link costs `cost`
   * (non-negative). Results are in {@link dist}, {@link predLink}, {@link order}.
   *
   * @param origin - 0-based node
   * @param cost - one non-negative cost per link
   */
  run(origin: number, cost: Float64Array): void {
    this.setCosts(cost);
    this.runFrom(origin);
  }

  /**
   * Loads link costs for the following {@link runFrom} calls (copied in CSR order). Call it
   * again whenever the costs change, even in the same array.
   */
  setCosts(cost: Float64Array): void {
    const { outLinks } = this.graph;
    const csrCost = this.csrCost;
    for (let k = 0; k < outLinks.length; k++) csrCost[k] = cost[outLinks[k]!]!;
  }

  /** {@link run} with the costs of the last {@link setCosts}. */
  runFrom(origin: number): void {
    const { outStart, outLinks, firstThruNode } = this.graph;
    const csrTo = this.csrTo;
    const csrCost = this.csrCost;
    const dist = this.dist;
    const pred = this.predLink;
    const pos = this.heapPos;
    const heap = this.heap;
    const order = this.order;
    dist.fill(Infinity);
    pred.fill(-1);
    pos.fill(-1); // -1: never queued; -2: settled
    dist[origin] = 0;
    heap[0] = origin;
    pos[origin] = 0;
    let size = 1;
    let settled = 0;
    // The binary heap is inlined: method calls cost a third of the time on small graphs.
    while (size > 0) {
      const u: number = heap[0]!;
      pos[u] = -2;
      order[settled++] = u;
      size--;
      if (size > 0) {
        const last = heap[size]!;
        const d = dist[last]!;
        let i = 0;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= size) break;
          let cn = heap[child]!;
          let cd = dist[cn]!;
          if (child + 1 < size) {
            const rn = heap[child + 1]!;
            const rd = dist[rn]!;
            if (rd < cd) {
              child++;
              cn = rn;
              cd = rd;
            }
          }
          if (cd >= d) break;
          heap[i] = cn;
          pos[cn] = i;
          i = child;
        }
        heap[i] = last;
        pos[last] = i;
      }
      if (u < firstThruNode && u !== origin) continue;
      const du = dist[u]!;
      const end = outStart[u + 1]!;
      for (let k: number = outStart[u]!; k < end; k++) {
        const v = csrTo[k]!;
        const p = pos[v]!;
        if (p === -2) continue;
        const dv = du + csrCost[k]!;
        if (dv < dist[v]!) {
          dist[v] = dv;
          pred[v] = outLinks[k]!;
          let i = p === -1 ? size++ : p;
          while (i > 0) {
            const parent = (i - 1) >> 1;
            const pn = heap[parent]!;
            if (dist[pn]! <= dv) break;
            heap[i] = pn;
            pos[pn] = i;
            i = parent;
          }
          heap[i] = v;
          pos[v] = i;
        }
      }
    }
    this.settledCount = settled;
  }
}

/**
 * The links of the shortest path to `destination` in the last tree of `solver`, in order,
 * or `undefined` when it is unreachable.
 */
export function pathLinks(solver: ShortestPathSolver, destination: number): number[] | undefined {
  if (solver.dist[destination] === Infinity) return undefined;
  const links: number[] = [];
  for (
    let link = solver.predLink[destination]!;
    link >= 0;
    link = solver.predLink[solver.graph.from[link]!]!
  ) {
    links.push(link);
  }
  return links.reverse();
}
