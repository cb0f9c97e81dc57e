import { describe, expect, it } from 'vitest';
import { deterrenceValue, distributeGravity, GravityError } from './gravity.ts';

describe('distributeGravity', () => {
  it('solves a 2 × 2 case by hand: odds ratio f11 f22 / f12 f21 = 4 gives T11 = 175 − √10625', () => {
    const result = distributeGravity({
      productions: Float64Array.from([100, 200]),
      attractions: Float64Array.from([150, 150]),
      impedance: Float64Array.from([1, 2, 2, 1]),
      deterrence: { kind: 'exponential', beta: Math.LN2 },
      tolerance: 1e-10,
    });
    // x (50 + x) = 4 (100 − x)(150 − x)  ⇒  x² − 350 x + 20000 = 0.
    const x = 175 - Math.sqrt(175 * 175 - 20000);
    expect(result.trips[0]).toBeCloseTo(x, 6);
    expect(result.trips[1]).toBeCloseTo(100 - x, 6);
    expect(result.trips[2]).toBeCloseTo(150 - x, 6);
    expect(result.trips[3]).toBeCloseTo(50 + x, 6);
  });

  it('reproduces its row and column totals on a random 40-zone case, for every deterrence', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 40;
    const productions = Float64Array.from({ length: n }, () => 100 + 1000 * rand());
    const raw = Float64Array.from({ length: n }, () => 50 + 1000 * rand());
    const total = productions.reduce((a, b) => a + b, 0);
    const rawTotal = raw.reduce((a, b) => a + b, 0);
    const attractions = raw.map((a) => (a * total) / rawTotal);
    const impedance = Float64Array.from({ length: n * n }, (_, k) =>
      k % (n + 1) === 0 ? 2 : 5 + 60 * rand(),
    );
    for (const deterrence of [
      { kind: 'exponential', beta: 0.08 },
      { kind: 'power', alpha: 1.5 },
      { kind: 'gamma', alpha: 0.5, beta: 0.05 },
    ] as const) {
      const { trips } = distributeGravity({
        productions,
        attractions,
        impedance,
        deterrence,
        tolerance: 1e-8,
      });
      for (let i = 0; i < n; i++) {
        let row = 0;
        let col = 0;
        for (let j = 0; j < n; j++) {
          row += trips[i * n + j]!;
          col += trips[j * n + i]!;
        }
        expect(row / productions[i]!, deterrence.kind).toBeCloseTo(1, 7);
        expect(col / attractions[i]!, deterrence.kind).toBeCloseTo(1, 7);
      }
    }
  });

  it('over-relaxed balancing converges in fewer iterations to the same matrix', () => {
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 60;
    const productions = Float64Array.from({ length: n }, () => 100 + 1000 * rand());
    const raw = Float64Array.from({ length: n }, () => 10 + 1000 * rand() ** 3);
    const scale = productions.reduce((a, b) => a + b, 0) / raw.reduce((a, b) => a + b, 0);
    const attractions = raw.map((a) => a * scale);
    // Zones scattered on a 40 km square: plain balancing converges slowly on such spatial costs.
    const x = Float64Array.from({ length: n }, () => 40 * rand());
    const y = Float64Array.from({ length: n }, () => 40 * rand());
    const impedance = Float64Array.from({ length: n * n }, (_, k) => {
      const i = Math.floor(k / n);
      const j = k % n;
      return i === j ? 1 : 2 + Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!);
    });
    const options = {
      productions,
      attractions,
      impedance,
      deterrence: { kind: 'exponential', beta: 0.4 } as const,
    };
    const plain = distributeGravity({ ...options, tolerance: 1e-9, maxIterations: 20000 });
    const relaxed = distributeGravity({
      ...options,
      tolerance: 1e-9,
      maxIterations: 20000,
      overRelaxation: 1.6,
    });
    expect(relaxed.iterations).toBeLessThan(plain.iterations);
    for (let k = 0; k < n * n; k++) expect(relaxed.trips[k]).toBeCloseTo(plain.trips[k]!, 3);
  });

  it('rejects unbalanced vectors and infeasible ones with a clear error', () => {
    const base = {
      impedance: Float64Array.from([1, 1, 1, 1]),
      deterrence: { kind: 'power', alpha: 2 } as const,
    };
    expect(() =>
      distributeGravity({
        ...base,
        productions: Float64Array.from([10, 10]),
        attractions: Float64Array.from([5, 5]),
      }),
    ).toThrow(/unbalanced vectors: productions total 20, attractions total 10/);
    expect(() =>
      distributeGravity({
        productions: Float64Array.from([10, 0]),
        attractions: Float64Array.from([0, 10]),
        impedance: Float64Array.from([1, Infinity, 1, 1]),
        deterrence: { kind: 'exponential', beta: 0.1 },
      }),
    ).toThrow(GravityError);
  });

  it('deterrence functions: exponential, power and gamma values', () => {
    expect(deterrenceValue({ kind: 'exponential', beta: 0.1 }, 10)).toBeCloseTo(Math.exp(-1), 12);
    expect(deterrenceValue({ kind: 'power', alpha: 2 }, 4)).toBeCloseTo(1 / 16, 12);
    expect(deterrenceValue({ kind: 'gamma', alpha: 1, beta: 0.1 }, 10)).toBeCloseTo(Math.exp(-1) / 10, 12);
    expect(deterrenceValue({ kind: 'power', alpha: 2 }, Infinity)).toBe(0);
  });
});
