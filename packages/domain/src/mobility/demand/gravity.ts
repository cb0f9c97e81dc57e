/**
 * Doubly-constrained gravity distribution: T_ij = a_i P_i b_j A_j f(c_ij), with the
 * balancing factors a, b found by iterative proportional fitting (Furness) until every row
 * and column total is within the stated relative tolerance.
 */

/** Deterrence functions of the impedance c (minutes or generalised minutes). */
export type Deterrence =
  | { kind: 'exponential'; beta: number }
  | { kind: 'power'; alpha: number }
  /** Combined (gamma): c^−α e^(−β c). */
  | { kind: 'gamma'; alpha: number; beta: number };

export class GravityError extends Error {
  override name = 'GravityError';
}

export interface GravityResult {
  /** Origin-major trips, zones × zones. */
  trips: Float64Array;
  iterations: number;
  /** Largest relative error of a row or column total at the end. */
  maxRelativeError: number;
}

/**
 * Value of the deterrence function at impedance `c` (0 when c is infinite).
 *
 * @example deterrenceValue({ kind: 'exponential', beta: 0.1 }, 10) // e^-1
 */
export function deterrenceValue(deterrence: Deterrence, c: number): number {
  if (!Number.isFinite(c)) return 0;
  // A zero impedance (intrazonal) would make the power function infinite.
  const cost = Math.max(c, 1e-6);
  switch (deterrence.kind) {
    case 'exponential':
      return Math.exp(-deterrence.beta * cost);
    case 'power':
      return Math.pow(cost, -deterrence.alpha);
    case 'gamma':
      return Math.pow(cost, -deterrence.alpha) * Math.exp(-deterrence.beta * cost);
    default: {
      const unreachable: never = deterrence;
      return unreachable;
    }
  }
}

/**
 * Distributes productions to attractions.
 *
 * @param options.productions - trips leaving each zone
 * @param options.attractions - trips arriving at each zone; must have the same total
 * @param options.impedance - origin-major impedance matrix (Infinity: not reachable)
 * @param options.deterrence - deterrence function
 * @param options.tolerance - relative error allowed on every row and column total (default 1e-6)
 * @param options.maxIterations - IPF iterations (default 500)
 * @throws GravityError for unbalanced vectors, a zone with trips and no reachable partner,
 *   or no convergence
 * @example
 * distributeGravity({ productions, attractions, impedance, deterrence: { kind: 'exponential', beta: 0.08 } })
 */
export function distributeGravity(options: {
  productions: Float64Array;
  attractions: Float64Array;
  impedance: Float64Array;
  deterrence: Deterrence;
  tolerance?: number;
  maxIterations?: number;
}): GravityResult {
  const { productions, attractions, impedance, deterrence } = options;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 500;
  const n = productions.length;
  if (attractions.length !== n || impedance.length !== n * n) {
    throw new GravityError(
      `sizes differ: ${n} productions, ${attractions.length} attractions, ${impedance.length} impedances`,
    );
  }
  let produced = 0;
  let attracted = 0;
  for (let i = 0; i < n; i++) {
    if (!(productions[i]! >= 0) || !(attractions[i]! >= 0)) {
      throw new GravityError(`zone ${i}: productions and attractions must be non-negative numbers`);
    }
    produced += productions[i]!;
    attracted += attractions[i]!;
  }
  if (Math.abs(produced - attracted) > tolerance * Math.max(produced, attracted)) {
    throw new GravityError(
      `unbalanced vectors: productions total ${produced}, attractions total ${attracted}; balance them first`,
    );
  }
  const f = new Float64Array(n * n);
  for (let k = 0; k < n * n; k++) f[k] = deterrenceValue(deterrence, impedance[k]!);
  for (let i = 0; i < n; i++) {
    let rowReach = 0;
    let colReach = 0;
    for (let j = 0; j < n; j++) {
      if (attractions[j]! > 0) rowReach += f[i * n + j]!;
      if (productions[j]! > 0) colReach += f[j * n + i]!;
    }
    if (productions[i]! > 0 && rowReach === 0) {
      throw new GravityError(`infeasible: zone ${i} produces trips but reaches no attracting zone`);
    }
    if (attractions[i]! > 0 && colReach === 0) {
      throw new GravityError(`infeasible: zone ${i} attracts trips but no producing zone reaches it`);
    }
  }
  const a = new Float64Array(n).fill(1);
  const b = new Float64Array(n).fill(1);
  const colSum = new Float64Array(n);
  let iterations = 0;
  let error = Infinity;
  while (iterations < maxIterations) {
    iterations++;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += b[j]! * attractions[j]! * f[i * n + j]!;
      a[i] = s > 0 ? 1 / s : 0;
    }
    colSum.fill(0);
    for (let i = 0; i < n; i++) {
      const ai = a[i]! * productions[i]!;
      if (ai === 0) continue;
      for (let j = 0; j < n; j++) colSum[j]! += ai * f[i * n + j]!;
    }
    for (let j = 0; j < n; j++) b[j] = colSum[j]! > 0 ? 1 / colSum[j]! : 0;
    // After the b-step every column total is exact: measure how far the rows drifted.
    error = 0;
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += b[j]! * attractions[j]! * f[i * n + j]!;
      const row = a[i]! * productions[i]! * s;
      if (productions[i]! > 0) error = Math.max(error, Math.abs(row - productions[i]!) / productions[i]!);
    }
    if (error <= tolerance) break;
  }
  const trips = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const ai = a[i]! * productions[i]!;
    for (let j = 0; j < n; j++) trips[i * n + j] = ai * b[j]! * attractions[j]! * f[i * n + j]!;
  }
  if (error > tolerance) {
    throw new GravityError(`no convergence: relative error ${error} after ${iterations} iterations`);
  }
  return { trips, iterations, maxRelativeError: error };
}
