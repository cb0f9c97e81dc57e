import { describe, expect, it } from 'vitest';
import { applyTravelTimeLevers, crowFlyTravelTimes, territoryReach, TravelTimeMatrixError } from './reach.ts';
import type { TravelTimeMatrix } from './reach.ts';

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
