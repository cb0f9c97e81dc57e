import { describe, expect, it } from 'vitest';
import { MODES, PURPOSES, type Purpose } from '../demand/purposes.ts';
import type { ExternalFlow } from '../territory/territory.ts';
import { addExternalFlows } from './external-flows.ts';

// Two zones; every cell has the same mode shares (car, passenger, PT, bike, walk).
const SHARES = [0.6, 0.1, 0.2, 0.05, 0.05];

function matrices(fill: (m: number) => number): Record<Purpose, Float64Array[]> {
  return Object.fromEntries(
    PURPOSES.map((p) => [p, MODES.map((_, m) => new Float64Array(4).fill(fill(m)))]),
  ) as Record<Purpose, Float64Array[]>;
}

function run(
  flows: ExternalFlow[],
  options: { teleworkShare?: number; crossBorderPtConstant?: number } = {},
) {
  const trips = matrices(() => 0);
  // Left over from a previous feedback iteration: must not be counted again.
  const crossBorder = new Float64Array(MODES.length).fill(99);
  addExternalFlows({
    flows,
    zoneCount: 2,
    teleworkShare: options.teleworkShare ?? 0,
    crossBorderPtConstant: options.crossBorderPtConstant ?? 0,
    probabilities: matrices((m) => SHARES[m]!),
    trips,
    crossBorder,
  });
  return { trips, crossBorder };
}

describe('addExternalFlows', () => {
  it('splits each flow by the mode shares of its cell, home-work reduced by telework', () => {
    const { trips, crossBorder } = run(
      [
        { origin: 0, destination: 1, tripsPerDay: 1000, purpose: 'home-work' },
        { origin: 1, destination: 0, tripsPerDay: 1000, purpose: 'shopping' },
      ],
      { teleworkShare: 0.25 },
    );
    MODES.forEach((_, m) => {
      expect(trips['home-work'][m]![1]).toBeCloseTo(750 * SHARES[m]!, 9);
      expect(trips.shopping[m]![2]).toBeCloseTo(1000 * SHARES[m]!, 9);
      expect(trips['home-work'][m]![2]).toBe(0);
    });
    expect(Array.from(crossBorder)).toEqual([0, 0, 0, 0, 0]);
  });

  it('gives cross-border flows the PT constant (PT odds times e^constant) and counts them', () => {
    const constant = 0.5;
    const flows: ExternalFlow[] = [
      { origin: 0, destination: 1, tripsPerDay: 1000, purpose: 'home-work', crossBorder: true },
      { origin: 1, destination: 0, tripsPerDay: 1000, purpose: 'home-work' },
    ];
    const { trips, crossBorder } = run(flows, { teleworkShare: 0.2, crossBorderPtConstant: constant });
    const odds = Math.exp(constant);
    const pt = (SHARES[2]! * odds) / (1 + SHARES[2]! * (odds - 1));
    const ptOdds = (share: number) => share / (1 - share);
    expect(ptOdds(pt) / ptOdds(SHARES[2]!)).toBeCloseTo(odds, 12);
    expect(crossBorder[2]).toBeCloseTo(800 * pt, 9);
    expect(crossBorder.reduce((a, b) => a + b, 0)).toBeCloseTo(800, 9);
    // The other modes keep their relative weights.
    expect(crossBorder[0]! / crossBorder[1]!).toBeCloseTo(SHARES[0]! / SHARES[1]!, 12);
    // A flow that is not cross-border keeps its cell's shares and is not counted.
    MODES.forEach((_, m) => expect(trips['home-work'][m]![2]).toBeCloseTo(800 * SHARES[m]!, 9));
  });
});
