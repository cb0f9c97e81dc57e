import { describe, expect, it } from 'vitest';
import { matchCandidates } from './matching.ts';

const none = {
  mobilityFrom: new Int32Array(0),
  mobilityTo: new Int32Array(0),
  mobilityRate: new Float64Array(0),
};

describe('matchCandidates', () => {
  it('fills local positions first, up to the smaller of positions and candidates', () => {
    const m = matchCandidates({
      O: 2,
      T: 1,
      H: 1,
      ...none,
      demand: Float64Array.of(10, 3),
      available: Float64Array.of(4, 8),
      reach: [new Float64Array(1)],
    });
    expect([...m.local]).toEqual([4, 3]);
    expect([...m.unfilled]).toEqual([6, 0]);
    expect([...m.surplus]).toEqual([0, 5]);
  });

  it('moves spare candidates to a related occupation at the mobility rate, up to its open positions', () => {
    // Occupation 0 has 10 spare candidates; half of them could do occupation 1, which has 3 open positions.
    const m = matchCandidates({
      O: 2,
      T: 1,
      H: 1,
      mobilityFrom: Int32Array.of(0),
      mobilityTo: Int32Array.of(1),
      mobilityRate: Float64Array.of(0.5),
      demand: Float64Array.of(0, 3),
      available: Float64Array.of(10, 0),
      reach: [new Float64Array(1)],
    });
    expect(m.mobilityIn[1]).toBe(3);
    expect(m.mobilityOut[0]).toBe(3);
    expect(m.surplus[0]).toBe(7);
    expect(m.unfilled[1]).toBe(0);
  });

  it('sends spare candidates to reachable territories with open positions', () => {
    // A (t=0): 10 positions, 4 candidates. B (t=1): 2 positions, 10 candidates; all of B reaches A.
    const reach = Float64Array.of(1, 1, 1, 1);
    const m = matchCandidates({
      O: 1,
      T: 2,
      H: 1,
      ...none,
      demand: Float64Array.of(10, 2),
      available: Float64Array.of(4, 10),
      reach: [reach],
    });
    expect(m.commutingIn[0]).toBe(6);
    expect(m.commutingOut[1]).toBe(6);
    expect(m.surplus[1]).toBe(2);
    expect(m.unfilled[0]).toBe(0);
  });

  it('offers only to the reachable share of open positions', () => {
    // A quarter of the (home, job) pairs from B to A are within reach: 6 open × 0.25 = 1.5 offered.
    const reach = Float64Array.of(1, 0, 0.25, 1);
    const m = matchCandidates({
      O: 1,
      T: 2,
      H: 1,
      ...none,
      demand: Float64Array.of(10, 2),
      available: Float64Array.of(4, 10),
      reach: [reach],
    });
    expect(m.commutingIn[0]).toBeCloseTo(1.5, 12);
    expect(m.unfilled[0]).toBeCloseTo(4.5, 12);
  });

  it('shares open positions between competing territories in proportion to their offers', () => {
    // C (t=2) has 3 open positions; A and B each offer 3 spare candidates and both reach C fully.
    const reach = new Float64Array(9).fill(1);
    const m = matchCandidates({
      O: 1,
      T: 3,
      H: 1,
      ...none,
      demand: Float64Array.of(0, 0, 3),
      available: Float64Array.of(3, 3, 0),
      reach: [reach],
    });
    expect(m.commutingIn[2]).toBe(3);
    expect(m.commutingOut[0]).toBeCloseTo(1.5, 12);
    expect(m.commutingOut[1]).toBeCloseTo(1.5, 12);
  });

  it('does not fill positions where demand is negative (a shrinking occupation)', () => {
    const m = matchCandidates({
      O: 1,
      T: 1,
      H: 1,
      ...none,
      demand: Float64Array.of(-5),
      available: Float64Array.of(4),
      reach: [new Float64Array(1)],
    });
    expect(m.local[0]).toBe(0);
    expect(m.surplus[0]).toBe(4);
  });
});
