import { describe, expect, it } from 'vitest';
import { calibrateConstants, logitShares, splitByMode } from './mode-choice.ts';

describe('multinomial logit', () => {
  it('computes shares by hand: costs 10, 20, –, 30, 60 min at θ = 0.1', () => {
    const out = new Float64Array(5);
    const logsum = logitShares({
      costs: [10, 20, Infinity, 30, 60],
      constants: [0, 0, 0, 0, 0],
      theta: 0.1,
      out,
    });
    // e^-1 = 0.367879, e^-2 = 0.135335, e^-3 = 0.049787, e^-6 = 0.002479; sum 0.555480.
    expect(out[0]).toBeCloseTo(0.662273, 5);
    expect(out[1]).toBeCloseTo(0.243637, 5);
    expect(out[2]).toBe(0);
    expect(out[3]).toBeCloseTo(0.089629, 5);
    expect(out[4]).toBeCloseTo(0.004462, 5);
    expect(logsum).toBeCloseTo(Math.log(0.55548), 4);
  });

  it('a constant of ln 2 doubles the odds of a mode', () => {
    const out = new Float64Array(2);
    logitShares({ costs: [10, 10], constants: [0, Math.LN2], theta: 0.1, out });
    expect(out[1]! / out[0]!).toBeCloseTo(2, 12);
  });

  it('splits trips cell by cell and keeps the totals', () => {
    const trips = Float64Array.from([100, 50]);
    const costs = [Float64Array.from([10, 30]), Float64Array.from([20, 10])];
    const { byMode } = splitByMode({ trips, costs, constants: [0, 0], theta: 0.1 });
    expect(byMode[0]![0]! + byMode[1]![0]!).toBeCloseTo(100, 12);
    expect(byMode[0]![0]).toBeCloseTo(100 / (1 + Math.exp(-1)), 10);
    expect(byMode[1]![1]).toBeCloseTo(50 / (1 + Math.exp(-2)), 10);
  });

  it('calibrates the constants so that total shares reach their targets', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const cells = 500;
    const trips = Float64Array.from({ length: cells }, () => 10 + 100 * rand());
    const costs = [0, 1, 2, 3, 4].map((m) =>
      Float64Array.from({ length: cells }, () => (m === 2 && rand() < 0.3 ? Infinity : 5 + 60 * rand())),
    );
    const targets = [0.55, 0.08, 0.07, 0.02, 0.28];
    const total = trips.reduce((a, b) => a + b, 0);
    const shareOf = (constants: Float64Array) => {
      const { byMode } = splitByMode({ trips, costs, constants, theta: 0.08 });
      return Float64Array.from(byMode.map((m) => m.reduce((a, b) => a + b, 0) / total));
    };
    const result = calibrateConstants({ shareOf, targets, tolerance: 1e-6 });
    expect(result.maxError).toBeLessThanOrEqual(1e-6);
    expect(result.constants[0]).toBe(0);
    targets.forEach((t, m) => expect(result.shares[m]).toBeCloseTo(t, 5));
  });
});
