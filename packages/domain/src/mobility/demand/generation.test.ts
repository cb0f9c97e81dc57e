import { describe, expect, it } from 'vitest';
import { DEFAULT_GENERATION_RATES, generateTrips } from './generation.ts';
import { PURPOSES } from './purposes.ts';

const zones = {
  population: Float64Array.from([1000, 3000, 0]),
  jobs: Float64Array.from([200, 500, 3000]),
  students: Float64Array.from([0, 800, 100]),
  shopsServices: Float64Array.from([50, 300, 600]),
};

describe('generateTrips', () => {
  it('produces rate × residents per purpose and balances attractions to the same total', () => {
    const trips = generateTrips({ zones });
    for (const purpose of PURPOSES) {
      const { productions, attractions } = trips[purpose];
      expect(productions[1]).toBeCloseTo(3000 * DEFAULT_GENERATION_RATES[purpose].tripsPerResident, 9);
      const p = productions.reduce((a, b) => a + b, 0);
      const a = attractions.reduce((x, y) => x + y, 0);
      expect(a).toBeCloseTo(p, 6);
    }
    // Work trips go where the jobs are: 3000 of 3700 jobs in zone 2.
    expect(trips['home-work'].attractions[2]! / (0.68 * 4000)).toBeCloseTo(3000 / 3700, 9);
  });

  it('applies a production factor (telework) per purpose and zone', () => {
    const trips = generateTrips({
      zones,
      productionFactor: (purpose) => (purpose === 'home-work' ? 0.8 : 1),
    });
    expect(trips['home-work'].productions[0]).toBeCloseTo(0.68 * 1000 * 0.8, 9);
    expect(trips.shopping.productions[0]).toBeCloseTo(0.71 * 1000, 9);
  });
});
