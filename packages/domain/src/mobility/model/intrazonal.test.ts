import { describe, expect, it } from 'vitest';
import { intrazonalClassKm, intrazonalClassShareUpTo, mixIntrazonal } from './intrazonal.ts';

describe('intrazonal length classes', () => {
  it('splits an exponential into equally likely classes whose mean is the zone mean', () => {
    // Two classes of an exponential of mean 1: conditional means 1 − ln 2 and 1 + ln 2.
    const two = intrazonalClassKm(Float64Array.of(1), 2);
    expect(two[0]).toBeCloseTo(1 - Math.LN2, 12);
    expect(two[1]).toBeCloseTo(1 + Math.LN2, 12);
    const eight = intrazonalClassKm(Float64Array.of(0.8, 2.4));
    for (const [z, mean] of [0.8, 2.4].entries()) {
      const classes = Array.from(eight.subarray(z * 8, z * 8 + 8));
      expect(classes.reduce((a, b) => a + b, 0) / 8).toBeCloseTo(mean, 12);
      expect(classes.every((km, j) => j === 0 || km > classes[j - 1]!)).toBe(true);
    }
  });

  it('gives the exponential share of trips up to a length, class by class', () => {
    const share = (km: number) =>
      Array.from({ length: 8 }, (_, j) => intrazonalClassShareUpTo(1.4, j, km)).reduce((a, b) => a + b, 0) /
      8;
    expect(share(1)).toBeCloseTo(1 - Math.exp(-1 / 1.4), 12);
    expect(share(3)).toBeCloseTo(1 - Math.exp(-3 / 1.4), 12);
    expect(intrazonalClassShareUpTo(1.4, 0, 1)).toBe(1);
    expect(intrazonalClassShareUpTo(1.4, 7, 1)).toBe(0);
  });

  it('mixes the classes into the diagonal: mean probabilities and the logsum of the costs', () => {
    // One zone, two classes, two modes: the diagonal takes their means; other cells are untouched.
    const probabilities = [new Float64Array(4).fill(-1), new Float64Array(4).fill(-1)];
    const composite = new Float64Array(4).fill(-1);
    mixIntrazonal({
      zoneCount: 2,
      classes: 2,
      theta: 0.5,
      classProbabilities: [Float64Array.of(0.8, 0.2, 0.5, 0.5), Float64Array.of(0.2, 0.8, 0.5, 0.5)],
      classComposite: Float64Array.of(2, 6, 4, 4),
      probabilities,
      composite,
    });
    expect(Array.from(probabilities[0]!)).toEqual([0.5, -1, -1, 0.5]);
    expect(Array.from(probabilities[1]!)).toEqual([0.5, -1, -1, 0.5]);
    // −ln(mean(e^(−θ·2), e^(−θ·6))) / θ is below the mean cost 4: a spread of lengths is worth more.
    expect(composite[0]).toBeCloseTo(-Math.log((Math.exp(-1) + Math.exp(-3)) / 2) / 0.5, 12);
    expect(composite[0]).toBeLessThan(4);
    expect(composite[3]).toBeCloseTo(4, 12);
  });
});
