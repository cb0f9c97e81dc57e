import { describe, expect, it } from 'vitest';
import {
  applyTravelTimeLevers,
  crowFlyTravelTimes,
  poleAccess,
  territoryReach,
  TravelTimeMatrixError,
} from './reach.ts';
import type { ReachLimits, ReachTerritory, TravelTimeMatrix } from './reach.ts';

const territories = [
  {
    kind: 'epci' as const,
    communes: [
      { code: '57001', population: 100 },
      { code: '57002', population: 300 },
    ],
  },
  { kind: 'epci' as const, communes: [{ code: '57003', population: 200 }] },
  { kind: 'cross-border-pole' as const, communes: [] },
];
// Zones: Z1 holds 57001, Z2 holds 57002 and 57003.
const communeToZone = { '57001': 'Z1', '57002': 'Z2', '57003': 'Z2' };
const matrix = (times: number[]): TravelTimeMatrix => ({
  zones: ['Z1', 'Z2'],
  minutes: Float64Array.from(times),
});
const limits = { carMinutes: 45, ptMinutes: 45 };

describe('territoryReach', () => {
  it('weights reachable home–job pairs by population', () => {
    // Z1→Z2 takes 60 min by car: residents of 57001 (100 of 400) cannot reach territory 1.
    const { reach } = territoryReach({
      territories,
      travelTimes: { car: matrix([10, 60, 60, 10]), communeToZone },
      limits,
    });
    expect(reach[0 * 3 + 1]).toBeCloseTo(300 / 400, 12);
    expect(reach[1 * 3 + 0]).toBeCloseTo(300 / 400, 12);
    expect(reach[1 * 3 + 1]).toBe(1);
    expect(reach[0 * 3 + 2]).toBe(0); // the pole has no communes
  });

  it('counts a pair reachable when either mode is within its limit', () => {
    const { reach } = territoryReach({
      territories,
      travelTimes: { car: matrix([10, 60, 60, 10]), pt: matrix([10, 40, 40, 10]), communeToZone },
      limits,
    });
    expect(reach[0 * 3 + 1]).toBe(1);
  });

  // Territory 0 → territory 1: the pairs 57001→57003 (Z1→Z2, weight 100 × 200) and 57002→57003
  // (Z2→Z2, 300 × 200, within 10 min by both modes).
  const carOnly = { car: matrix([10, 30, 30, 10]), pt: matrix([10, 60, 60, 10]), communeToZone };
  it('counts a pair only the car connects for the share of candidates with a car', () => {
    const { reach } = territoryReach({
      territories,
      travelTimes: carOnly,
      limits: { ...limits, carAccessShare: 0.6 },
    });
    expect(reach[0 * 3 + 1]).toBeCloseTo((100 * 0.6 + 300) / 400, 12);
  });

  it('counts a pair public transport connects in full, whether or not the car does too', () => {
    const ptOnly = { car: matrix([10, 60, 60, 10]), pt: matrix([10, 40, 40, 10]), communeToZone };
    const both = { car: matrix([10, 30, 30, 10]), pt: matrix([10, 40, 40, 10]), communeToZone };
    for (const travelTimes of [ptOnly, both]) {
      const { reach } = territoryReach({
        territories,
        travelTimes,
        limits: { ...limits, carAccessShare: 0.6 },
      });
      expect(reach[0 * 3 + 1]).toBe(1);
    }
  });

  it('leaves only public transport when no candidate has a car', () => {
    const { reach } = territoryReach({
      territories,
      travelTimes: carOnly,
      limits: { ...limits, carAccessShare: 0 },
    });
    expect(reach[0 * 3 + 1]).toBeCloseTo(300 / 400, 12);
  });

  it('with every candidate driving, gives exactly the either-mode reach', () => {
    const { territories: many, travelTimes } = randomNetwork(20, 60);
    const expected = eitherModeReach(many, travelTimes, limits);
    for (const carAccessShare of [1, undefined])
      expect(
        territoryReach({ territories: many, travelTimes, limits: { ...limits, carAccessShare } }).reach,
      ).toEqual(expected);
  });

  it('rejects a car access share outside 0..1', () => {
    for (const carAccessShare of [-0.1, 1.1, Number.NaN])
      expect(() =>
        territoryReach({ territories, travelTimes: carOnly, limits: { ...limits, carAccessShare } }),
      ).toThrow(RangeError);
  });

  it('reports communes the matrix does not cover', () => {
    const { unmappedCommunes } = territoryReach({
      territories,
      travelTimes: { car: matrix([0, 1, 1, 0]) },
      limits,
    });
    expect(unmappedCommunes).toEqual(['57001', '57002', '57003']);
  });

  it('rejects a matrix of the wrong size', () => {
    expect(() =>
      territoryReach({
        territories,
        travelTimes: { car: { zones: ['Z1', 'Z2'], minutes: new Float64Array(3) } },
        limits,
      }),
    ).toThrow(TravelTimeMatrixError);
  });
});

describe('poleAccess', () => {
  // Z1 reaches the pole zone only by car, Z2 by public transport.
  const travelTimes = {
    car: { zones: ['Z1', 'Z2', 'LU'], minutes: Float64Array.of(0, 10, 40, 10, 0, 90, 40, 90, 0) },
    pt: { zones: ['Z1', 'Z2', 'LU'], minutes: Float64Array.of(0, 10, 90, 10, 0, 40, 90, 40, 0) },
    communeToZone,
  };
  const options = { territories, travelTimes, zone: 'LU', carMinutes: 45, ptMinutes: 45 };

  it('counts residents only the car takes to the pole for the share of candidates with a car', () => {
    const { access } = poleAccess({ ...options, carAccessShare: 0.6 });
    expect(access[0]).toBeCloseTo((100 * 0.6 + 300) / 400, 12);
    expect(access[1]).toBe(1); // 57003 is in Z2, on the public-transport side
    expect(access[2]).toBe(0); // the pole itself
  });

  it('counts every resident within reach by either mode when every candidate drives', () => {
    expect([...poleAccess(options).access]).toEqual([1, 1, 0]);
  });
});

/**
 * The reach as it was before `carAccessShare`: a pair counts in full when either mode connects it in
 * time. Sums in the same order as `territoryReach` (zone pairs, then communes in territory order).
 */
function eitherModeReach(
  territories: readonly ReachTerritory[],
  travelTimes: { car: TravelTimeMatrix; pt: TravelTimeMatrix },
  limits: ReachLimits,
): Float64Array {
  const T = territories.length;
  const Z = travelTimes.car.zones.length;
  const members: { territory: number; population: number }[][] = travelTimes.car.zones.map(() => []);
  const totals = new Float64Array(T);
  territories.forEach((territory, t) =>
    territory.communes.forEach((c) => {
      members[travelTimes.car.zones.indexOf(c.code)]!.push({ territory: t, population: c.population });
      totals[t] = totals[t]! + c.population;
    }),
  );
  const reach = new Float64Array(T * T);
  for (let i = 0; i < Z; i++)
    for (let j = 0; j < Z; j++) {
      const k = i * Z + j;
      if (travelTimes.car.minutes[k]! > limits.carMinutes && travelTimes.pt.minutes[k]! > limits.ptMinutes)
        continue;
      for (const a of members[i]!)
        for (const b of members[j]!) {
          const cell = a.territory * T + b.territory;
          reach[cell] = reach[cell]! + a.population * b.population;
        }
    }
  for (let cell = 0; cell < T * T; cell++) {
    const norm = totals[Math.floor(cell / T)]! * totals[cell % T]!;
    reach[cell] = norm > 0 ? reach[cell]! / norm : 0;
  }
  return reach;
}

/** Five territories over `zones` one-commune zones, with car and PT times from a seeded generator. */
function randomNetwork(zones: number, seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const codes = Array.from({ length: zones }, (_, i) => `57${String(i).padStart(3, '0')}`);
  const territories: ReachTerritory[] = Array.from({ length: 5 }, (_, t) => ({
    kind: 'epci',
    communes: codes
      .filter((_, i) => i % 5 === t)
      .map((code) => ({ code, population: 50 + Math.floor(next() * 5000) })),
  }));
  const times = () => Float64Array.from({ length: zones * zones }, () => 10 + next() * 70);
  return {
    territories,
    travelTimes: { car: { zones: codes, minutes: times() }, pt: { zones: codes, minutes: times() } },
  };
}

describe('applyTravelTimeLevers', () => {
  it('changes a copy of the matrix, in both directions by default', () => {
    const car = matrix([0, 60, 60, 0]);
    const { travelTimes, problems } = applyTravelTimeLevers({ car }, [
      {
        kind: 'travel-time',
        id: 'ter',
        label: '',
        fromYear: 1,
        mode: 'car',
        symmetric: true,
        changes: [{ from: 'Z1', to: 'Z2', minutes: 30 }],
      },
    ]);
    expect([...travelTimes.car!.minutes]).toEqual([0, 30, 30, 0]);
    expect([...car.minutes]).toEqual([0, 60, 60, 0]);
    expect(problems).toEqual([]);
  });

  it('reports changes to zones or modes it does not have', () => {
    const { problems } = applyTravelTimeLevers({ car: matrix([0, 1, 1, 0]) }, [
      {
        kind: 'travel-time',
        id: 'a',
        label: '',
        fromYear: 1,
        mode: 'pt',
        symmetric: true,
        changes: [{ from: 'Z1', to: 'Z2', minutes: 3 }],
      },
      {
        kind: 'travel-time',
        id: 'b',
        label: '',
        fromYear: 1,
        mode: 'car',
        symmetric: true,
        changes: [{ from: 'Z1', to: 'Z9', minutes: 3 }],
      },
    ]);
    expect(problems).toHaveLength(2);
  });
});

describe('crowFlyTravelTimes', () => {
  it('estimates car time from straight-line distance', () => {
    // Metz to Thionville, about 27 km as the crow flies: 5 + 27 × 1.3 min at 60 km/h ≈ 40 min.
    const m = crowFlyTravelTimes({
      points: [
        { id: '57463', lon: 6.1757, lat: 49.1193 },
        { id: '57672', lon: 6.1683, lat: 49.3579 },
      ],
    });
    expect(m.minutes[1]).toBeGreaterThan(37);
    expect(m.minutes[1]).toBeLessThan(43);
    expect(m.minutes[1]).toBe(m.minutes[2]);
    expect(m.minutes[0]).toBe(5);
  });
});
