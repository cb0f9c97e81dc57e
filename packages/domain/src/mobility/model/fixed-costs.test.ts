import { describe, expect, it } from 'vitest';
import type { PtSkims } from '../transit/pt-assignment.ts';
import { DEFAULT_PT_WEIGHTS, type PtLine } from '../transit/pt-network.ts';
import { fixedCellCosts, intrazonalPt } from './fixed-costs.ts';

const WEIGHTS = DEFAULT_PT_WEIGHTS;

function line(id: string, kind: PtLine['kind'], stops: number[], headwayMinutes: number, fare = 1.5): PtLine {
  return {
    id,
    name: id,
    kind,
    stops,
    segmentMinutes: stops.slice(1).map(() => 3),
    segmentKm: stops.slice(1).map(() => 1),
    headwayMinutes,
    vehicleCapacity: 100,
    fare,
    farePerKm: 0,
  };
}

describe('intrazonalPt', () => {
  const zones = [{ intrazonalKm: 1.5 }, { intrazonalKm: 3 }, { intrazonalKm: 2 }];
  const walkMinutes = [4, 6, 5];
  const peakLines = [
    line('bus', 'bus', [0, 1], 10, 1.2),
    line('train', 'rail', [1, 2], 10),
    line('rare', 'bus', [2], 20),
  ];

  it('takes the cheapest urban line: walk both ways, half a headway, the ride at 15 km/h', () => {
    const { minutes, access, fare } = intrazonalPt({
      zones,
      lines: peakLines,
      peakLines,
      walkMinutes,
      weights: WEIGHTS,
    });
    const fixed = 2 * WEIGHTS.walk * 6 + WEIGHTS.wait * 5;
    expect(access[1]).toBe(fixed);
    expect(minutes[1]).toBe(fixed + (3 / 15) * 60);
    expect(fare[1]).toBe(1.2);
    // Zone 2 has only a train and a line every 20 minutes: no urban service.
    expect(minutes[2]).toBe(Infinity);
    expect(access[2]).toBe(Infinity);
    expect(fare[2]).toBe(0);
  });

  it('keeps the lines that are urban at the peak for the off-peak, with off-peak headways', () => {
    const offPeakLines = peakLines.map((l) => ({ ...l, headwayMinutes: 30 }));
    const { access } = intrazonalPt({ zones, lines: offPeakLines, peakLines, walkMinutes, weights: WEIGHTS });
    expect(access[0]).toBe(2 * WEIGHTS.walk * 4 + WEIGHTS.wait * 15);
    expect(access[2]).toBe(Infinity);
  });
});

describe('fixedCellCosts', () => {
  // Two zones: PT path 0 → 1 only.
  const skims = (inVehicle: number): PtSkims => ({
    cost: Float64Array.of(Infinity, 20, Infinity, Infinity),
    inVehicle: Float64Array.of(0, inVehicle, 0, 0),
    wait: Float64Array.of(0, 5, 0, 0),
    walk: Float64Array.of(0, 4, 0, 0),
    transfers: Float64Array.of(0, 1, 0, 0),
    fare: Float64Array.of(0, 2, 0, 0),
    km: Float64Array.of(0, 6, 0, 0),
  });
  const intrazonal = (minutes: number) => ({
    minutes: Float64Array.of(minutes, Infinity),
    access: Float64Array.of(minutes - 6, Infinity),
    fare: Float64Array.of(1.2, 0),
  });
  const costs = fixedCellCosts({
    zoneCount: 2,
    ptSkims: skims(10),
    ptSkimsOffPeak: skims(12),
    intrazonal: { peak: intrazonal(20), offPeak: intrazonal(30) },
    weights: WEIGHTS,
    activeKm: Float64Array.of(1, 6, 30, 2),
    bikeSpeedKmh: 15,
    walkSpeedKmh: 4.5,
    maxBikeKm: 25,
    maxWalkKm: 5,
  });

  it('costs PT from the skims off the diagonal and from intrazonal PT on it', () => {
    const generalised = (inVehicle: number) =>
      inVehicle + WEIGHTS.wait * 5 + WEIGHTS.walk * 4 + WEIGHTS.transferPenalty * 1;
    expect(Array.from(costs.ptMinutes)).toEqual([20, generalised(10), Infinity, Infinity]);
    expect(Array.from(costs.ptMinutesOffPeak)).toEqual([30, generalised(12), Infinity, Infinity]);
    expect(Array.from(costs.ptEuros)).toEqual([1.2, 2, 0, 0]);
  });

  it('costs bike and walk from the active km, Infinity beyond the longest trip', () => {
    expect(Array.from(costs.bikeMinutes)).toEqual([4, 24, Infinity, 8]);
    expect(Array.from(costs.walkMinutes)).toEqual([(1 / 4.5) * 60, Infinity, Infinity, (2 / 4.5) * 60]);
  });
});
