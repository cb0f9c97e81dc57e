/**
 * Volume-delay functions, their integrals (Beckmann objective) and derivatives, evaluated
 * over whole typed arrays of link flows.
 *
 * - BPR: t = t0 (1 + α (v/c)^β), α 0.15 and β 4 by default (US Bureau of Public Roads, 1964).
 * - INRETS (France): t = t0 (1.1 − α x)/(1.1 − x) for x = v/c ≤ 1, and
 *   t = t0 (1.1 − α)/0.1 · x² above capacity (continuous at x = 1), as documented by AequilibraE.
 */
import type { RoadNetwork } from '../network/road-network.ts';

type Links = Pick<
  RoadNetwork,
  'linkCount' | 'capacity' | 'freeFlowTime' | 'alpha' | 'beta' | 'fixedCost' | 'vdf'
>;

function power(x: number, b: number): number {
  // The default exponent is 4: avoid Math.pow in the hot loop.
  if (b === 4) {
    const x2 = x * x;
    return x2 * x2;
  }
  if (b === 1) return x;
  if (b === 0) return 1;
  return Math.pow(x, b);
}

/** Travel time of one link at flow `v` (without the fixed cost). */
export function linkTime(net: Links, link: number, v: number): number {
  const t0 = net.freeFlowTime[link]!;
  const a = net.alpha[link]!;
  const x = v / net.capacity[link]!;
  if (net.vdf[link] === 1) {
    return x <= 1 ? (t0 * (1.1 - a * x)) / (1.1 - x) : ((t0 * (1.1 - a)) / 0.1) * x * x;
  }
  return t0 * (1 + a * power(x, net.beta[link]!));
}

/** ∫₀^v t(u) du for one link. */
export function linkTimeIntegral(net: Links, link: number, v: number): number {
  const t0 = net.freeFlowTime[link]!;
  const a = net.alpha[link]!;
  const c = net.capacity[link]!;
  const x = v / c;
  if (net.vdf[link] === 1) {
    const below = Math.min(x, 1);
    let integral = t0 * c * (a * below - 1.1 * (1 - a) * Math.log((1.1 - below) / 1.1));
    if (x > 1) integral += ((t0 * c * (1.1 - a)) / 0.1) * ((x * x * x - 1) / 3);
    return integral;
  }
  const b = net.beta[link]!;
  return t0 * v + ((t0 * a * c) / (b + 1)) * power(x, b + 1);
}

/** dt/dv for one link. */
export function linkTimeDerivative(net: Links, link: number, v: number): number {
  const t0 = net.freeFlowTime[link]!;
  const a = net.alpha[link]!;
  const c = net.capacity[link]!;
  const x = v / c;
  if (net.vdf[link] === 1) {
    if (x <= 1) return ((t0 / c) * 1.1 * (1 - a)) / ((1.1 - x) * (1.1 - x));
    return (((t0 / c) * (1.1 - a)) / 0.1) * 2 * x;
  }
  const b = net.beta[link]!;
  return b === 0 ? 0 : ((t0 * a * b) / c) * power(x, b - 1);
}

/** Generalised cost of every link (time + fixed cost) at flows `flow`, written into `out`. */
export function linkCosts(net: Links, flow: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < net.linkCount; i++) out[i] = linkTime(net, i, flow[i]!) + net.fixedCost[i]!;
  return out;
}

/** Derivative of every link's time at flows `flow`, written into `out`. */
export function linkCostDerivatives(net: Links, flow: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < net.linkCount; i++) out[i] = linkTimeDerivative(net, i, flow[i]!);
  return out;
}

/**
 * The Beckmann objective Σₐ ∫₀^{xₐ} (tₐ(u) + fixedₐ) du: user equilibrium minimises it.
 *
 * @param net - the links
 * @param flow - one flow per link
 * @example beckmann(net, flows) // 4231335.29 at the Sioux Falls equilibrium
 */
export function beckmann(net: Links, flow: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < net.linkCount; i++) {
    const v = flow[i]!;
    sum += linkTimeIntegral(net, i, v) + net.fixedCost[i]! * v;
  }
  return sum;
}
