import { describe, expect, it } from 'vitest';
import { assignPt, skimPt } from './pt-assignment.ts';
import { buildPtGraph, type PtLine } from './pt-network.ts';

const lines: PtLine[] = [
  {
    id: 'A',
    name: 'A',
    kind: 'bus',
    stops: [0, 1],
    segmentMinutes: [10],
    segmentKm: [5],
    headwayMinutes: 10,
    vehicleCapacity: 100,
    fare: 1,
    farePerKm: 0,
  },
  {
    id: 'B',
    name: 'B',
    kind: 'rail',
    stops: [1, 2],
    segmentMinutes: [5],
    segmentKm: [6],
    headwayMinutes: 20,
    vehicleCapacity: 300,
    fare: 0,
    farePerKm: 0.1,
  },
];
const access = [0, 1, 2].map((z) => ({ zone: z, stop: z, walkMinutes: 3 }));
const pt = buildPtGraph({ zoneCount: 3, stopCount: 3, lines, access });

describe('public transport', () => {
  it('skims a one-transfer trip: waits are half headways, walking and waiting weigh double', () => {
    const skims = skimPt({ pt });
    const k = 0 * 3 + 2;
    expect(skims.inVehicle[k]).toBe(15);
    expect(skims.wait[k]).toBe(5 + 10);
    expect(skims.walk[k]).toBe(6);
    expect(skims.transfers[k]).toBe(1);
    expect(skims.fare[k]).toBeCloseTo(1 + 0.6, 12);
    // 15 + 2 × 15 + 2 × 6 + 7.5 (one transfer) + 1.6 € at 10 €/h.
    expect(skims.cost[k]).toBeCloseTo(15 + 30 + 12 + 7.5 + 9.6, 9);
    expect(skims.cost[0]).toBe(Infinity);
  });

  it('loads both line segments of the path and compares with the offered capacity', () => {
    const demand = new Float64Array(9);
    demand[2] = 100;
    demand[2 * 3 + 1] = 40;
    const result = assignPt({ pt, lines, demand, periodHours: 1 });
    const a = result.segments.find((s) => s.line === 'A' && s.direction === 'forward')!;
    expect(a.load).toBe(100);
    expect(a.capacity).toBe(600);
    expect(a.crowding).toBeCloseTo(1 / 6, 12);
    const bBack = result.segments.find((s) => s.line === 'B' && s.direction === 'backward')!;
    expect(bBack.load).toBe(40);
    expect(Array.from(result.boardingsPerLine)).toEqual([100, 140]);
    expect(result.passengerKm).toBeCloseTo(100 * 11 + 40 * 6, 9);
  });
});
