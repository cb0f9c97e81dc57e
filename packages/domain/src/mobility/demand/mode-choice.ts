/**
 * Multinomial logit mode choice: P_m = exp(V_m) / Σ exp(V_k), V_m = ASC_m − θ · GC_m with
 * GC_m the generalised cost of mode m in minutes. Alternative-specific constants are
 * calibrated so that the model reproduces target shares.
 */
import { MODES, type Mode } from './purposes.ts';

export const MODE_COUNT = MODES.length;

export class ModeChoiceError extends Error {
  override name = 'ModeChoiceError';
}

/**
 * Mode shares for one choice situation. Unavailable modes have an infinite cost.
 *
 * @param options.costs - generalised cost per mode, in {@link MODES} order
 * @param options.constants - alternative-specific constant per mode
 * @param options.theta - sensitivity to cost, per minute (positive)
 * @param options.out - where to write the probabilities
 * @returns the logsum ln Σ exp(V_m) (−Infinity when no mode is available)
 * @example
 * logitShares({ costs: [10, 20, Infinity, 30, 60], constants: [0, 0, 0, 0, 0], theta: 0.1, out })
 */
export function logitShares(options: {
  costs: ArrayLike<number>;
  constants: ArrayLike<number>;
  theta: number;
  out: Float64Array;
}): number {
  const { costs, constants, theta, out } = options;
  let max = -Infinity;
  for (let m = 0; m < out.length; m++) {
    const v = Number.isFinite(costs[m]!) ? constants[m]! - theta * costs[m]! : -Infinity;
    out[m] = v;
    if (v > max) max = v;
  }
  if (max === -Infinity) {
    out.fill(0);
    return -Infinity;
  }
  let sum = 0;
  for (let m = 0; m < out.length; m++) {
    const e = out[m] === -Infinity ? 0 : Math.exp(out[m]! - max);
    out[m] = e;
    sum += e;
  }
  for (let m = 0; m < out.length; m++) out[m]! /= sum;
  return max + Math.log(sum);
}

/**
 * Splits an origin-destination matrix by mode.
 *
 * @param options.trips - origin-major trips (cells)
 * @param options.costs - per mode, a matrix of generalised costs (same cells)
 * @returns per mode the trips, and the logsum per cell (for distribution and accessibility)
 */
export function splitByMode(options: {
  trips: Float64Array;
  costs: readonly Float64Array[];
  constants: ArrayLike<number>;
  theta: number;
}): { byMode: Float64Array[]; logsum: Float64Array } {
  const { trips, costs, constants, theta } = options;
  const cells = trips.length;
  const byMode = costs.map(() => new Float64Array(cells));
  const logsum = new Float64Array(cells);
  const cellCosts = new Float64Array(costs.length);
  const p = new Float64Array(costs.length);
  for (let k = 0; k < cells; k++) {
    for (let m = 0; m < costs.length; m++) cellCosts[m] = costs[m]![k]!;
    logsum[k] = logitShares({ costs: cellCosts, constants, theta, out: p });
    const t = trips[k]!;
    if (t === 0) continue;
    if (logsum[k] === -Infinity) throw new ModeChoiceError(`cell ${k}: ${t} trips but no mode is available`);
    for (let m = 0; m < costs.length; m++) byMode[m]![k] = t * p[m]!;
  }
  return { byMode, logsum };
}

export interface CalibrationResult {
  constants: Float64Array;
  shares: Float64Array;
  iterations: number;
  /** Largest absolute difference between modelled and target share. */
  maxError: number;
}

/**
 * Calibrates the alternative-specific constants so that the total shares reproduce
 * `targets`: ASC_m ← ASC_m + ln(target_m / share_m), the first mode's constant held at 0
 * (the usual iterative method; it converges because the logit share is monotone in ASC).
 *
 * @param options.shareOf - computes the total shares for given constants
 * @param options.targets - target share per mode (sum 1)
 * @param options.tolerance - largest allowed share error (default 1e-4)
 * @throws ModeChoiceError when a target is impossible (positive target, mode never available)
 */
export function calibrateConstants(options: {
  shareOf: (constants: Float64Array) => Float64Array;
  targets: ArrayLike<number>;
  initial?: ArrayLike<number>;
  tolerance?: number;
  maxIterations?: number;
}): CalibrationResult {
  const { shareOf, targets } = options;
  const tolerance = options.tolerance ?? 1e-4;
  const maxIterations = options.maxIterations ?? 200;
  const m = targets.length;
  let totalTarget = 0;
  for (let k = 0; k < m; k++) totalTarget += targets[k]!;
  if (Math.abs(totalTarget - 1) > 1e-6)
    throw new ModeChoiceError(`target shares sum to ${totalTarget}, not 1`);
  const constants = Float64Array.from({ length: m }, (_, k) => options.initial?.[k] ?? 0);
  let shares = shareOf(constants);
  let iterations = 0;
  let maxError: number;
  for (; iterations < maxIterations; iterations++) {
    maxError = 0;
    for (let k = 0; k < m; k++) maxError = Math.max(maxError, Math.abs(shares[k]! - targets[k]!));
    if (maxError <= tolerance) break;
    for (let k = 0; k < m; k++) {
      if (targets[k]! > 0 && shares[k] === 0) {
        throw new ModeChoiceError(`mode ${MODES[k] ?? k} has a target share but is never available`);
      }
      constants[k]! += targets[k]! > 0 ? Math.log(targets[k]! / shares[k]!) : -10;
    }
    const reference = constants[0]!;
    for (let k = 0; k < m; k++) constants[k]! -= reference;
    shares = shareOf(constants);
  }
  maxError = 0;
  for (let k = 0; k < m; k++) maxError = Math.max(maxError, Math.abs(shares[k]! - targets[k]!));
  return { constants, shares, iterations, maxError };
}

/** Convenience: the index of a mode in {@link MODES}. */
export function modeIndex(mode: Mode): number {
  return MODES.indexOf(mode);
}
