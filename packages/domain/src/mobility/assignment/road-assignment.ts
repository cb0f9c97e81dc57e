/**
 * Static road user-equilibrium assignment: all-or-nothing, method of successive averages,
 * Frank-Wolfe, conjugate and bi-conjugate Frank-Wolfe (Mitradjieva & Lindberg, 2013,
 * "The stiff is moving — conjugate direction Frank-Wolfe methods with applications to
 * traffic assignment", Transportation Science 47(2)).
 *
 * Relative gap = (TSTT − SPTT) / TSTT, TSTT the total cost at current flows and SPTT the
 * total if every trip took its current shortest path (AequilibraE's definition).
 */
import type { RoadNetwork } from '../network/road-network.ts';
import { ShortestPathSolver } from '../network/shortest-path.ts';
import { allOrNothing } from './all-or-nothing.ts';
import { beckmann, linkCostDerivatives, linkCosts, linkTime } from './volume-delay.ts';

export const ASSIGNMENT_ALGORITHMS = ['aon', 'msa', 'fw', 'cfw', 'bfw'] as const;
export type AssignmentAlgorithm = (typeof ASSIGNMENT_ALGORITHMS)[number];

export interface IterationReport {
  iteration: number;
  relativeGap: number;
  /** Step size taken after this iteration's check (NaN when none). */
  stepSize: number;
}

export interface AssignmentResult {
  algorithm: AssignmentAlgorithm;
  /** Flow per link. */
  flows: Float64Array;
  /** Generalised cost per link at those flows. */
  costs: Float64Array;
  /** Number of all-or-nothing loadings that built the flows. */
  iterations: number;
  /** Relative gap of the returned flows. */
  relativeGap: number;
  converged: boolean;
  beckmann: number;
  /** Total system travel cost Σ flow × cost. */
  tstt: number;
  /** Total cost if every trip took its current shortest path. */
  sptt: number;
  history: IterationReport[];
}

export interface AssignmentOptions {
  network: RoadNetwork;
  /** Origin-major demand, zoneCount × zoneCount. */
  demand: Float64Array;
  algorithm?: AssignmentAlgorithm;
  /** Target relative gap (default 1e-4). */
  gap?: number;
  /** Maximum number of all-or-nothing loadings (default 500). */
  maxIterations?: number;
  /**
   * Link costs for the first all-or-nothing loading (default: free flow). Costs of a previous,
   * similar equilibrium make a much better start (feedback loops).
   */
  initialCosts?: Float64Array;
  /** Called after each gap evaluation (progress reports). */
  onIteration?: (report: IterationReport) => void;
}

/** Largest weight on the previous direction, so that conjugate directions never freeze. */
const MAX_CONJUGATE_WEIGHT = 0.99999;

/**
 * Assigns the demand to the road network to user equilibrium.
 *
 * @param options.network - the road network
 * @param options.demand - origin-major trips between zones
 * @param options.algorithm - aon | msa | fw | cfw | bfw (default bfw)
 * @param options.gap - target relative gap (default 1e-4)
 * @param options.maxIterations - cap on all-or-nothing loadings (default 500)
 * @example
 * const { flows, relativeGap } = assignRoad({ network, demand, algorithm: 'bfw', gap: 1e-4 });
 */
export function assignRoad(options: AssignmentOptions): AssignmentResult {
  const { network, demand } = options;
  const algorithm = options.algorithm ?? 'bfw';
  const target = options.gap ?? 1e-4;
  const maxIterations = Math.max(1, options.maxIterations ?? 500);
  const n = network.linkCount;
  if (demand.length !== network.zoneCount * network.zoneCount) {
    throw new RangeError(`demand has ${demand.length} cells, expected ${network.zoneCount}²`);
  }
  const solver = new ShortestPathSolver(network);
  const nodeFlow = new Float64Array(network.nodeCount);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const cost = new Float64Array(n);
  const der = new Float64Array(n);
  const s = new Float64Array(n);
  let s1 = new Float64Array(n); // previous direction target s_{k-1}
  let s2 = new Float64Array(n); // s_{k-2}
  let tau1 = NaN; // step taken at the previous iteration
  let conjugateHistory = 0; // how many previous targets are usable
  const history: IterationReport[] = [];
  const aon = (out: Float64Array) => allOrNothing({ network, demand, cost, solver, out, nodeFlow });

  if (options.initialCosts) {
    if (options.initialCosts.length !== n)
      throw new RangeError(`initialCosts has ${options.initialCosts.length} entries, expected ${n}`);
    cost.set(options.initialCosts);
  } else {
    linkCosts(network, x, cost);
  }
  aon(x);
  let iterations = 1;
  let gap: number;
  let tstt: number;
  let sptt: number;
  for (;;) {
    linkCosts(network, x, cost);
    sptt = aon(y);
    tstt = dot(x, cost);
    gap = tstt > 0 ? (tstt - sptt) / tstt : 0;
    const report: IterationReport = { iteration: iterations, relativeGap: gap, stepSize: NaN };
    history.push(report);
    if (algorithm === 'aon' || gap <= target || iterations >= maxIterations) {
      options.onIteration?.(report);
      break;
    }
    iterations++;
    if (algorithm === 'msa') {
      const step = 1 / iterations;
      for (let i = 0; i < n; i++) x[i]! += step * (y[i]! - x[i]!);
      report.stepSize = step;
      options.onIteration?.(report);
      continue;
    }
    s.set(y);
    const usable =
      algorithm === 'fw' ? 0 : algorithm === 'cfw' ? Math.min(conjugateHistory, 1) : conjugateHistory;
    if (usable >= 1 && tau1 < 1) {
      linkCostDerivatives(network, x, der);
      if (usable >= 2) biconjugateTarget(x, y, s1, s2, der, tau1, s);
      else conjugateTarget(x, y, s1, der, s);
    }
    // A conjugate target must still point downhill; otherwise fall back to Frank-Wolfe.
    if (directionalDerivative(x, s, cost) >= 0) s.set(y);
    const step = lineSearch(network, x, s);
    report.stepSize = step;
    options.onIteration?.(report);
    for (let i = 0; i < n; i++) x[i]! += step * (s[i]! - x[i]!);
    [s1, s2] = [s2, s1];
    s1.set(s);
    tau1 = step;
    conjugateHistory = step < 1 ? Math.min(conjugateHistory + 1, 2) : 0;
  }
  return {
    algorithm,
    flows: x,
    costs: cost,
    iterations,
    relativeGap: gap,
    converged: gap <= target,
    beckmann: beckmann(network, x),
    tstt,
    sptt,
    history,
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function directionalDerivative(x: Float64Array, s: Float64Array, cost: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (s[i]! - x[i]!) * cost[i]!;
  return sum;
}

/** s = α s₁ + (1 − α) y with (s − x) conjugate to (s₁ − x) under the Hessian diag(der). */
function conjugateTarget(
  x: Float64Array,
  y: Float64Array,
  s1: Float64Array,
  der: Float64Array,
  out: Float64Array,
): void {
  let num = 0;
  let den = 0;
  for (let i = 0; i < x.length; i++) {
    const prev = (s1[i]! - x[i]!) * der[i]!;
    num += prev * (y[i]! - x[i]!);
    den += prev * (y[i]! - s1[i]!);
  }
  let alpha = den !== 0 ? num / den : 0;
  alpha = Math.min(Math.max(alpha, 0), MAX_CONJUGATE_WEIGHT);
  for (let i = 0; i < x.length; i++) out[i] = alpha * s1[i]! + (1 - alpha) * y[i]!;
}

/**
 * s = β₀ y + β₁ s₁ + β₂ s₂ with (s − x) conjugate to the two previous directions
 * (Mitradjieva & Lindberg 2013, bi-conjugate Frank-Wolfe).
 */
function biconjugateTarget(
  x: Float64Array,
  y: Float64Array,
  s1: Float64Array,
  s2: Float64Array,
  der: Float64Array,
  tau: number,
  out: Float64Array,
): void {
  let muNum = 0;
  let muDen = 0;
  let nuNum = 0;
  let nuDen = 0;
  for (let i = 0; i < x.length; i++) {
    const h = der[i]!;
    const a = y[i]! - x[i]!;
    const b = s1[i]! - x[i]!;
    const prev2 = (tau * s1[i]! + (1 - tau) * s2[i]! - x[i]!) * h;
    muNum += prev2 * a;
    muDen += prev2 * (s2[i]! - s1[i]!);
    nuNum += b * h * a;
    nuDen += b * h * b;
  }
  const mu = muDen !== 0 ? Math.max(0, -muNum / muDen) : 0;
  const nu = nuDen !== 0 ? Math.max(0, -nuNum / nuDen + (mu * tau) / (1 - tau)) : 0;
  const b0 = 1 / (1 + mu + nu);
  const b1 = nu * b0;
  const b2 = mu * b0;
  for (let i = 0; i < x.length; i++) out[i] = b0 * y[i]! + b1 * s1[i]! + b2 * s2[i]!;
}

/**
 * Exact line search on the Beckmann objective along x + λ (s − x), λ ∈ [0, 1]: the
 * derivative Σ (s − x) c(x + λ (s − x)) is increasing in λ, so bisection finds its root.
 */
export function lineSearch(
  net: Pick<RoadNetwork, 'linkCount' | 'capacity' | 'freeFlowTime' | 'alpha' | 'beta' | 'fixedCost' | 'vdf'>,
  x: Float64Array,
  s: Float64Array,
): number {
  const n = net.linkCount;
  const slope = (lambda: number): number => {
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const d = s[i]! - x[i]!;
      if (d === 0) continue;
      sum += d * (linkTime(net, i, x[i]! + lambda * d) + net.fixedCost[i]!);
    }
    return sum;
  };
  if (slope(1) <= 0) return 1;
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 60 && hi - lo > 1e-12; k++) {
    const mid = 0.5 * (lo + hi);
    if (slope(mid) > 0) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}
