import { describe, expect, it } from 'vitest';
import { logitShares } from '../demand/mode-choice.ts';
import { addHalfSum, averageSkims, logitCells, splitCells } from './kernels.ts';

describe('cell kernels', () => {
  it('logitCells gives the logit shares and logsum of each cell, unavailable modes at zero', () => {
    const cells = 4;
    const f = (values: number[]) => Float64Array.from(values);
    const options = {
      theta: 0.07,
      constants: [0, -2, 2.3, -3.2, 1] as const,
      perMinute: 60 / 12.6,
      peak: 0.55,
      carMinutes: f([10, 25, 60, 5]),
      carEuros: f([1, 3, 8, 0.5]),
      passengerEuros: f([0.5, 1.5, 4, 0.25]),
      ptMinutes: f([30, Infinity, 90, 20]),
      ptMinutesOffPeak: f([40, Infinity, 120, 25]),
      ptEuros: f([1.5, 0, 10, 1.5]),
      bikeMinutes: f([20, 60, Infinity, 8]),
      walkMinutes: f([70, Infinity, Infinity, 20]),
      composite: new Float64Array(cells),
      probabilities: Array.from({ length: 5 }, () => new Float64Array(cells)),
    };
    logitCells(options);
    const out = new Float64Array(5);
    for (let k = 0; k < cells; k++) {
      const pt = 0.55 * options.ptMinutes[k]! + 0.45 * options.ptMinutesOffPeak[k]!;
      const logsum = logitShares({
        costs: [
          options.carMinutes[k]! + options.carEuros[k]! * options.perMinute,
          options.carMinutes[k]! + options.passengerEuros[k]! * options.perMinute,
          pt + options.ptEuros[k]! * options.perMinute,
          options.bikeMinutes[k]!,
          options.walkMinutes[k]!,
        ],
        constants: options.constants,
        theta: options.theta,
        out,
      });
      for (let m = 0; m < 5; m++) expect(options.probabilities[m]![k]).toBeCloseTo(out[m]!, 12);
      expect(options.composite[k]).toBeCloseTo(-logsum / options.theta, 9);
    }
    expect(options.probabilities[2]![1]).toBe(0);
    expect(options.probabilities[4]![2]).toBe(0);
  });

  it('splitCells keeps every trip, zeroes stale cells and counts the perimeter trips staying in their EPCI', () => {
    // Two zones in the perimeter and EPCI 0, a third outside the perimeter in EPCI 1.
    const Z = 3;
    const distributed = Float64Array.from([10, 20, 30, 0, 5, 5, 7, 0, 0]);
    const probabilities = [0.6, 0.4].map((p) => new Float64Array(9).fill(p));
    const byMode = [new Float64Array(9).fill(99), new Float64Array(9).fill(99)];
    const calibrationTrips = new Float64Array(2);
    const within = splitCells({
      zoneCount: Z,
      distributed,
      probabilities,
      byMode,
      inPerimeter: Uint8Array.from([1, 1, 0]),
      epci: Int32Array.from([0, 0, 1]),
      calibrationTrips,
      withinEpci: 1,
    });
    // Running total 1, plus 10 + 20 (zone 0 to EPCI 0) and 5 (zone 1 to zone 1).
    expect(within).toBe(36);
    expect(byMode[0]![3]).toBe(0);
    expect(byMode[0]![0]! + byMode[1]![0]!).toBeCloseTo(10, 12);
    expect(calibrationTrips[0]! + calibrationTrips[1]!).toBeCloseTo(70, 12);
  });

  it('addHalfSum adds the symmetric half-sum, and averageSkims moves by the step and reports the change', () => {
    const out = new Float64Array(4);
    addHalfSum(Float64Array.from([0, 4, 2, 0]), 2, 0.1, out);
    expect(Array.from(out)).toEqual([0, 0.30000000000000004, 0.30000000000000004, 0]);
    const time = Float64Array.from([10, 20]);
    const km = Float64Array.from([5, 10]);
    const change = averageSkims({
      demand: Float64Array.from([1, 3]),
      time,
      km,
      congestedTime: Float64Array.from([14, 20]),
      congestedKm: Float64Array.from([5, 12]),
      step: 0.5,
    });
    expect(Array.from(time)).toEqual([12, 20]);
    expect(Array.from(km)).toEqual([5, 11]);
    // Half of the demand-weighted change 4 over the weighted times 70.
    expect(change).toBeCloseTo((0.5 * 4) / 70, 15);
  });
});
