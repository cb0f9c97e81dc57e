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
  private heapSize = 0;

  constructor(readonly graph: CsrGraph) {
    const n = graph.nodeCount;
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
    const { outStart, outLinks, to, firstThruNode } = this.graph;
    const dist = this.dist;
    const pred = this.predLink;
    const pos = this.heapPos;
    const order = this.order;
    dist.fill(Infinity);
    pred.fill(-1);
    pos.fill(-1); // -1: never queued; -2: settled
    this.heapSize = 0;
    dist[origin] = 0;
    this.push(origin);
    let settled = 0;
    while (this.heapSize > 0) {
      const u = this.pop();
      pos[u] = -2;
      order[settled++] = u;
      if (u < firstThruNode && u !== origin) continue;
      const du = dist[u]!;
      const end = outStart[u + 1]!;
      for (let k = outStart[u]!; k < end; k++) {
        const link = outLinks[k]!;
        const v = to[link]!;
        const p = pos[v]!;
        if (p === -2) continue;
        const dv = du + cost[link]!;
        if (dv < dist[v]!) {
          dist[v] = dv;
          pred[v] = link;
          if (p === -1) this.push(v);
          else this.siftUp(p);
        }
      }
    }
    this.settledCount = settled;
  }

  private push(node: number): void {
    const i = this.heapSize++;
    this.heap[i] = node;
    this.heapPos[node] = i;
    this.siftUp(i);
  }

  private pop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap[--this.heapSize]!;
    if (this.heapSize > 0) {
      heap[0] = last;
      this.heapPos[last] = 0;
      this.siftDown(0);
    }
    return top;
  }

  private siftUp(start: number): void {
    const heap = this.heap;
    const pos = this.heapPos;
    const dist = this.dist;
    let i = start;
    const node = heap[i]!;
    const d = dist[node]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pn = heap[parent]!;
      if (dist[pn]! <= d) break;
      heap[i] = pn;
      pos[pn] = i;
      i = parent;
    }
    heap[i] = node;
    pos[node] = i;
  }

  private siftDown(start: number): void {
    const heap = this.heap;
    const pos = this.heapPos;
    const dist = this.dist;
    const size = this.heapSize;
    let i = start;
    const node = heap[i]!;
    const d = dist[node]!;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      let cn = heap[child]!;
      let cd = dist[cn]!;
      const right = child + 1;
      if (right < size) {
        const rn = heap[right]!;
        const rd = dist[rn]!;
        if (rd < cd) {
          child = right;
          cn = rn;
          cd = rd;
        }
      }
      if (cd >= d) break;
      heap[i] = cn;
      pos[cn] = i;
      i = child;
    }
    heap[i] = node;
    pos[node] = i;
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
