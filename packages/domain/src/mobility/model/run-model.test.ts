import { describe, expect, it } from 'vitest';
import { MODES } from '../demand/purposes.ts';
import { NORTH_LORRAINE } from '../territory/north-lorraine.ts';
import { applyScenario, ScenarioError } from './apply-scenario.ts';
import { diffResults } from './diff.ts';
import { runModel } from './run-model.ts';
import { parseScenario } from './scenario.ts';

const baseline = runModel();

describe('runModel on North Lorraine', () => {
  it('reproduces the EDGT SCoTAM mode shares within 1 point in the calibration perimeter', () => {
    for (const mode of MODES) {
      expect(
        Math.abs(baseline.calibrationShares[mode] - baseline.calibrationTarget.shares[mode]),
        mode,
      ).toBeLessThan(0.01);
    }
    expect(baseline.convergence.calibrated).toBe(true);
  });

  it('sends 75 % of the cross-border commuting trips by car (DREAL), within 1 point', () => {
    expect(baseline.crossBorder.target).toBe(0.75);
    expect(baseline.crossBorder.trips).toBeGreaterThan(150_000);
    expect(Math.abs(baseline.crossBorder.carShare - 0.75)).toBeLessThan(0.01);
  });

  it('keeps 85 % of the perimeter trips within their own EPCI (EDGT), within 1 point', () => {
    expect(baseline.withinEpci.target).toBe(0.85);
    expect(Math.abs(baseline.withinEpci.share - 0.85)).toBeLessThan(0.01);
  });

  it('gives short trips their EDGT weight: about a third of trips up to 1 km, 55 % up to 3 km', () => {
    // With one length per zone, 7.5 % and 63 %: intrazonal trips now spread over length classes.
    expect(baseline.tripLengths.target).toEqual({ upTo1Km: 1 / 3, upTo3Km: 0.55 });
    expect(Math.abs(baseline.tripLengths.upTo1Km - 1 / 3)).toBeLessThan(0.1);
    expect(Math.abs(baseline.tripLengths.upTo3Km - 0.55)).toBeLessThan(0.05);
    // Walking takes the short trips: its mean time is well under the car's door-to-door time.
    expect(baseline.meanTravelMinutes.walk).toBeLessThan(20);
  });

  it('converges: feedback stable and the last assignment at gap 1e-4', () => {
    expect(baseline.convergence.converged).toBe(true);
    expect(baseline.convergence.assignments.at(-1)!.relativeGap).toBeLessThanOrEqual(1e-4);
  });

  it('keeps every trip: mode totals add up, shares sum to one overall, by purpose and by zone', () => {
    const sum = MODES.reduce((s, m) => s + baseline.trips.byMode[m], 0);
    expect(sum).toBeCloseTo(baseline.trips.total, 3);
    expect(MODES.reduce((s, m) => s + baseline.modeShares[m], 0)).toBeCloseTo(1, 12);
    for (const shares of Object.values(baseline.sharesByPurpose)) {
      expect(MODES.reduce((s, m) => s + shares[m], 0)).toBeCloseTo(1, 12);
    }
    const zone = baseline.sharesByZone.find((z) => z.zone === '57463')!;
    expect(MODES.reduce((s, m) => s + zone.shares[m], 0)).toBeCloseTo(1, 12);
  });

  it('reports the A31 as the most loaded corridor and finds congested links', () => {
    expect(baseline.corridors[0]!.name).toBe('A31');
    expect(baseline.dysfunctions.linksOver90).toBeGreaterThanOrEqual(baseline.dysfunctions.linksOver100);
    expect(baseline.dysfunctions.congestedLinks.every((l) => l.volumeCapacity > 0.9)).toBe(true);
    expect(baseline.illustrative.length).toBeGreaterThan(0);
  });

  it('loads the A31 between Thionville and the Luxembourg border as observed (DREAL: over 100,000 vehicles a day)', () => {
    // Two-way daily passenger-car units per A31 section, heavy goods vehicles counting 2.
    const sections = new Map<string, number>();
    for (const link of baseline.links.filter((l) => l.name === 'A31')) {
      const key = [link.from, link.to].sort().join('|');
      sections.set(key, (sections.get(key) ?? 0) + link.dailyVolume);
    }
    const section = (a: string, b: string) => sections.get([a, b].sort().join('|'))!;
    // Thionville (57672) – Hettange-Grande (57323) – Volmerange-les-Mines and Zoufftgen (G57731).
    const north = Math.max(section('57672', '57323'), section('57323', 'G57731'));
    // 85,000 cars and 15,000 heavy goods vehicles (30,000 PCU) on the Metz–Luxembourg sections.
    expect(north).toBeGreaterThan(70_000);
    expect(north).toBeLessThan(130_000);
    // North of Thionville it carries more than the A31 just south of it (Uckange–Thionville)...
    expect(north).toBeGreaterThan(section('57683', '57672'));
    // ...and is the most loaded road from Thionville to the border, Fensch valley roads included.
    const northward = baseline.links.filter(
      (l) => l.roadClass !== 'connector' && l.name !== 'A31' && ['57672', '57323', 'G57731'].includes(l.from),
    );
    for (const link of northward) expect(link.dailyVolume * 2).toBeLessThan(north);
    // Luxembourg city and Esch both take traffic from the A31: Esch by the A13 from the border.
    expect(section('G57731', 'X-LUX')).toBeGreaterThan(40_000);
    const a13 = baseline.links.filter((l) => l.name === 'A13 (Luxembourg)');
    expect(a13.reduce((sum, l) => sum + l.dailyVolume, 0)).toBeGreaterThan(20_000);
  });

  it('carries the A31 heavy goods vehicles: 15,000 a day at 2 passenger-car units each', () => {
    const withoutHgv = runModel({ territory: { ...NORTH_LORRAINE, roadFlows: [] } });
    const northSection = (result: typeof baseline) =>
      result.links
        .filter((l) => l.name === 'A31' && [l.from, l.to].sort().join('|') === '57323|57672')
        .reduce((sum, l) => sum + l.dailyVolume, 0);
    const hgvPcu = northSection(baseline) - northSection(withoutHgv);
    // All of them pass north of Thionville; cars shift a little to make room.
    expect(hgvPcu).toBeGreaterThan(20_000);
    expect(hgvPcu).toBeLessThan(32_000);
    // Car vehicle-km leave them out.
    expect(Math.abs(baseline.vehicleKm - withoutHgv.vehicleKm) / withoutHgv.vehicleKm).toBeLessThan(0.02);
  }, 60_000);

  it('gives door-to-door car and PT minutes between every pair of zones (the commuting times of the skills model)', () => {
    const { zones, car, pt } = baseline.skims;
    expect(zones.length).toBe(NORTH_LORRAINE.zones.length);
    expect(car.length).toBe(zones.length ** 2);
    expect(pt.length).toBe(zones.length ** 2);
    const at = (matrix: Float64Array, from: string, to: string) =>
      matrix[zones.indexOf(from) * zones.length + zones.indexOf(to)]!;
    // Thionville (57672) to Metz (57463): about half an hour by car on the A31, longer by PT
    // than the TER's in-vehicle time alone (waiting and walking count).
    expect(at(car, '57672', '57463')).toBeGreaterThan(15);
    expect(at(car, '57672', '57463')).toBeLessThan(60);
    expect(at(pt, '57672', '57463')).toBeGreaterThan(20);
    for (let k = 0; k < car.length; k++) expect(car[k]).toBeGreaterThanOrEqual(0);
  });

  it('reuses the parts a scenario leaves unchanged without changing results', () => {
    // Fresh link and line arrays: nothing can be reused, everything is computed again.
    const fresh = runModel({
      territory: {
        ...NORTH_LORRAINE,
        roadLinks: [...NORTH_LORRAINE.roadLinks],
        ptLines: [...NORTH_LORRAINE.ptLines],
      },
    });
    expect(fresh).toEqual(baseline);
  }, 60_000);

  it('a scenario with no change gives the baseline bit for bit', () => {
    const again = runModel({ scenario: { name: 'baseline' } });
    expect(again).toEqual(baseline);
  }, 60_000);

  it('dearer fuel and telework lower car use and vehicle-km; the diff says so', () => {
    const result = runModel({ scenario: { name: 'fuel', fuelPrice: 3, teleworkShare: 0.2 } });
    expect(result.modeShares.car).toBeLessThan(baseline.modeShares.car);
    expect(result.vehicleKm).toBeLessThan(baseline.vehicleKm);
    expect(result.co2.tonnesPerDay).toBeLessThan(baseline.co2.tonnesPerDay);
    const diff = diffResults({ baseline, scenario: result });
    expect(diff.scenario).toBe('fuel');
    expect(diff.modeShares.car).toBeCloseTo(result.modeShares.car - baseline.modeShares.car, 12);
    expect(diff.vehicleKm).toBeLessThan(0);
    expect(diff.links.length).toBeGreaterThan(0);
    // Road sections only: no connector or motorway ramp (a zone to itself).
    expect(diff.links.every((l) => l.from !== l.to)).toBe(true);
    expect(Math.abs(diff.links[0]!.dailyVolume)).toBeGreaterThanOrEqual(
      Math.abs(diff.links.at(-1)!.dailyVolume),
    );
  });

  it('the diff of a result with itself is zero everywhere', () => {
    const diff = diffResults({ baseline, scenario: baseline });
    expect(diff.links).toEqual([]);
    expect(Object.values(diff.modeShares).every((v) => v === 0)).toBe(true);
    expect(diff.accessibility.every((z) => z.car30 === 0 && z.pt45 === 0)).toBe(true);
  });
});

describe('scenarios', () => {
  it('fills defaults: the empty scenario is the baseline', () => {
    const scenario = parseScenario({});
    expect(scenario).toMatchObject({ name: 'baseline', fuelPrice: 1.8, teleworkShare: 0, cyclingQuality: 1 });
    expect(scenario.zones).toEqual([]);
  });

  it('applies zone, road and PT changes without touching the baseline', () => {
    const scenario = parseScenario({
      zones: [{ zone: '57463', populationDelta: 1000, parkingCost: 4 }],
      roads: [{ from: '57672', to: '57323', name: 'A31', capacityFactor: 1.5 }],
      ptLines: [{ line: 'TER-LUX', headwayMinutes: 10 }],
    });
    const changed = applyScenario({ territory: NORTH_LORRAINE, scenario });
    const metz = NORTH_LORRAINE.zones.findIndex((z) => z.id === '57463');
    expect(changed.zones[metz]!.population).toBe(NORTH_LORRAINE.zones[metz]!.population + 1000);
    expect(changed.zones[metz]!.parkingCost).toBe(4);
    expect(changed.ptLines.find((l) => l.id === 'TER-LUX')!.headwayMinutes).toBe(10);
    // The line keeps its pattern: off-peak every 30 minutes becomes every 20.
    expect(changed.ptLines.find((l) => l.id === 'TER-LUX')!.offPeakHeadwayMinutes).toBeCloseTo(20, 9);
    expect(NORTH_LORRAINE.ptLines.find((l) => l.id === 'TER-LUX')!.headwayMinutes).toBe(15);
    const widened = changed.roadLinks.filter(
      (_, i) => changed.roadLinks[i]!.capacity !== NORTH_LORRAINE.roadLinks[i]!.capacity,
    );
    expect(widened).toHaveLength(2);
  });

  it('runs public transport by period: off-peak service counts in mode choice and has its own loads', () => {
    const ter = NORTH_LORRAINE.ptLines.find((l) => l.id === 'TER-LUX')!;
    expect(ter.offPeakHeadwayMinutes).toBeGreaterThan(ter.headwayMinutes);
    // Off-peak capacity follows the off-peak frequency.
    const peakSegment = baseline.ptSegments.find((s) => s.line === 'TER-LUX')!;
    const offPeakSegment = baseline.ptSegmentsOffPeak.find((s) => s.line === 'TER-LUX')!;
    expect(offPeakSegment.capacity * (ter.offPeakHeadwayMinutes / ter.headwayMinutes)).toBeCloseTo(
      peakSegment.capacity,
      6,
    );
    // A better off-peak service alone (peak unchanged) draws trips to PT.
    const offPeakOnly = runModel({ scenario: { ptLines: [{ line: 'TER-LUX', offPeakHeadwayMinutes: 15 }] } });
    expect(offPeakOnly.modeShares.pt).toBeGreaterThan(baseline.modeShares.pt);
    const peakAfter = offPeakOnly.ptSegments.find((s) => s.line === 'TER-LUX')!;
    expect(peakAfter.capacity).toBe(peakSegment.capacity);
    expect(offPeakOnly.ptLines.find((l) => l.id === 'TER-LUX')!.offPeakBoardings).toBeGreaterThan(
      baseline.ptLines.find((l) => l.id === 'TER-LUX')!.offPeakBoardings,
    );
  });

  it('rejects unknown zones and lines, and invalid values', () => {
    expect(() =>
      applyScenario({ territory: NORTH_LORRAINE, scenario: parseScenario({ zones: [{ zone: 'nowhere' }] }) }),
    ).toThrow(ScenarioError);
    expect(() =>
      applyScenario({ territory: NORTH_LORRAINE, scenario: parseScenario({ ptLines: [{ line: 'X' }] }) }),
    ).toThrow(/unknown PT line "X"/);
    expect(() => parseScenario({ teleworkShare: 2 })).toThrow();
  });
});

describe('the North Lorraine territory', () => {
  it('has 100-150 internal zones, external zones with fixed flows, and a consistent network', () => {
    const internal = NORTH_LORRAINE.zones.filter((z) => z.kind === 'internal');
    expect(internal.length).toBeGreaterThanOrEqual(100);
    expect(internal.length).toBeLessThanOrEqual(150);
    expect(NORTH_LORRAINE.zones.some((z) => z.id === 'X-LUX' && z.kind === 'external')).toBe(true);
    expect(NORTH_LORRAINE.externalFlows.length).toBeGreaterThan(0);
    // Centroids, road nodes, then motorway interchanges (node 2Z + zone).
    const Z = NORTH_LORRAINE.zones.length;
    for (const link of NORTH_LORRAINE.roadLinks) {
      expect(link.from).toBeLessThan(3 * Z);
      expect(link.to).toBeLessThan(3 * Z);
      expect(link.capacity).toBeGreaterThan(0);
      // An interchange node leads onto the motorway, or back down its ramp to the town's road node.
      if (link.from >= 2 * Z && link.roadClass === 'motorway') {
        expect(
          NORTH_LORRAINE.roadLinks.some((ramp) => ramp.from === link.from - Z && ramp.to === link.from),
        ).toBe(true);
      } else if (link.from >= 2 * Z) {
        expect(link.to).toBe(link.from - Z);
      }
    }
    const population = internal.reduce((s, z) => s + z.population, 0);
    expect(population).toBeGreaterThan(700_000);
    expect(['A31', 'A4', 'A30'].every((name) => NORTH_LORRAINE.roadLinks.some((l) => l.name === name))).toBe(
      true,
    );
    expect(
      ['TER-LUX', 'METTIS-A', 'METTIS-B'].every((id) => NORTH_LORRAINE.ptLines.some((l) => l.id === id)),
    ).toBe(true);
  });
});
