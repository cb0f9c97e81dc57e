import { describe, expect, it } from 'vitest';
import { tinyScenario } from './fixtures.ts';
import type { Lever } from './levers.ts';
import { runSkillsModel } from './model.ts';
import type { SkillsResult } from './model.ts';
import type { TravelTimes } from './reach.ts';
import { parseSkillsScenario } from './scenario.ts';
import type { SkillsScenario } from './scenario.ts';
import { seededRandom, syntheticScenario } from './synthetic.ts';

const EPS = 1e-9;

function synthetic(seed: number) {
  const { scenario, travelTimes } = syntheticScenario({ occupations: 30, territories: 6, zones: 24, seed });
  return { scenario: parseSkillsScenario(scenario), travelTimes };
}

function withLevers(scenario: SkillsScenario, levers: Lever[]): SkillsScenario {
  return { ...scenario, levers };
}

function expectNoGapRises(before: SkillsResult, after: SkillsResult) {
  for (let u = 0; u < before.gap.length; u++) expect(after.gap[u]!).toBeLessThanOrEqual(before.gap[u]! + EPS);
}

describe('runSkillsModel on the tiny scenario', () => {
  const result = runSkillsModel({ scenario: parseSkillsScenario(tinyScenario()) });
  const O = 3;
  const T = 3;
  const at = (h: number, t: number, o: number) => (h * T + t) * O + o;

  it('estimates reach from commune coordinates when no matrix is given', () => {
    // A and B are 20 km apart: 5 + 20 × 1.3 ≈ 31 min, within 45.
    expect(result.reach.source).toBe('crow-fly-estimate');
    expect(result.reach.byHorizon[0]![0 * T + 1]).toBe(1);
  });

  it('fills welder positions in A locally, then from boilermakers, then from B', () => {
    // Year 1 in A: demand 3 + 10 = 13; candidates 5 graduates + 10 job seekers − 10 % pull = 13.5.
    expect(result.demand.total[at(0, 0, 0)]).toBeCloseTo(13, 9);
    expect(result.supply.local[at(0, 0, 0)]).toBeCloseTo(13, 9);
    expect(result.gap[at(0, 0, 0)]).toBeCloseTo(0, 9);
    // Horizon 10 in A: demand 5 + 30 + 100 × (1.1^10 − 1) = 194.37; own candidates (50 + 100) × 0.9 = 135.
    const g = 1.1 ** 10 - 1;
    const u = at(3, 0, 0);
    expect(result.demand.total[u]).toBeCloseTo(35 + 100 * g, 9);
    expect(result.supply.local[u]).toBeCloseTo(135, 9);
    // Boilermakers in A (not pulled: LU employs none): 150 candidates for 10 + 50 g positions; half
    // the spare ones can weld.
    const spareBoilermakers = 150 - (10 + 50 * g);
    expect(result.supply.occupationalMobility[u]).toBeCloseTo(spareBoilermakers / 2, 9);
    // B (20 min away) has 180 welder candidates for 5 + 20 g positions: it fills the rest of A's.
    expect(result.supply.commuting[u]).toBeCloseTo(35 + 100 * g - 135 - spareBoilermakers / 2, 9);
    expect(result.gap[u]).toBeCloseTo(0, 9);
    expect(result.surplus[at(3, 1, 0)]).toBeCloseTo(180 - (5 + 20 * g) - result.supply.commuting[u]!, 9);
  });

  it('gives the Luxembourg pole the candidates the pull draws away', () => {
    // Nurses in LU: 3 register needs + 40 × 10 % / 8 replacement = 3.5 positions; pulled candidates 0.1.
    const u = at(0, 2, 2);
    expect(result.demand.total[u]).toBeCloseTo(3.5, 9);
    expect(result.pool.pulledIn[u]).toBeCloseTo(0.1 * 1, 9); // 10 % of A's 4 × 0.25 nurse job seekers
    expect(result.supply.total[u]).toBeCloseTo(0.1, 9);
  });
});

describe('conservation', () => {
  for (const seed of [1, 2, 3]) {
    const { scenario, travelTimes } = synthetic(seed);
    const r = runSkillsModel({ scenario, travelTimes });

    it(`adds demand and supply parts up to their totals (seed ${seed})`, () => {
      for (let u = 0; u < r.sizes.units; u++) {
        expect(r.demand.total[u]!).toBeCloseTo(
          r.demand.needs[u]! + r.demand.replacement[u]! + r.demand.expansion[u]!,
          6,
        );
        expect(r.supply.total[u]!).toBeCloseTo(
          r.supply.local[u]! + r.supply.occupationalMobility[u]! + r.supply.commuting[u]!,
          6,
        );
        expect(r.gap[u]!).toBeCloseTo(r.demand.total[u]! - r.supply.total[u]!, 6);
      }
    });

    it(`never gives negative supply nor fills more positions than demanded (seed ${seed})`, () => {
      for (let u = 0; u < r.sizes.units; u++) {
        expect(r.supply.total[u]!).toBeGreaterThanOrEqual(0);
        expect(r.supply.total[u]!).toBeLessThanOrEqual(Math.max(0, r.demand.total[u]!) + EPS);
        expect(r.surplus[u]!).toBeGreaterThanOrEqual(-EPS);
      }
    });

    it(`accounts for every candidate exactly once (seed ${seed})`, () => {
      let placedIn = 0;
      let placedOut = 0;
      for (let u = 0; u < r.sizes.units; u++) {
        const out =
          r.supply.local[u]! + r.outflows.occupationalMobility[u]! + r.outflows.commuting[u]! + r.surplus[u]!;
        expect(out).toBeCloseTo(r.pool.available[u]!, 6);
        placedIn += r.supply.occupationalMobility[u]! + r.supply.commuting[u]!;
        placedOut += r.outflows.occupationalMobility[u]! + r.outflows.commuting[u]!;
      }
      expect(placedIn).toBeCloseTo(placedOut, 6);
      let pulledOut = 0;
      let pulledIn = 0;
      for (let u = 0; u < r.sizes.units; u++) {
        pulledOut += r.pool.pulledOut[u]!;
        pulledIn += r.pool.pulledIn[u]!;
      }
      expect(pulledIn).toBeCloseTo(pulledOut, 6);
    });
  }
});

describe('no change', () => {
  it('gives the baseline exactly for a scenario without levers or with levers that change nothing', () => {
    const { scenario, travelTimes } = synthetic(4);
    const baseline = runSkillsModel({ scenario, travelTimes });
    const again = runSkillsModel({
      scenario: parseSkillsScenario(JSON.parse(JSON.stringify(scenario))),
      travelTimes,
    });
    const idle = runSkillsModel({
      scenario: withLevers(scenario, [
        {
          kind: 'training-seats',
          id: 'zero',
          label: '',
          fromYear: 1,
          programmeId: 'P0',
          seats: 0,
          durationYears: 1,
          completionRate: 0.8,
          localEntryShare: 0.8,
        },
        {
          kind: 'recruitment-drive',
          id: 'none',
          label: '',
          fromYear: 1,
          occupations: [],
          territories: [],
          extraMatchRate: 0,
        },
      ]),
      travelTimes,
    });
    for (const other of [again, idle]) {
      expect(other.gap).toEqual(baseline.gap);
      expect(other.supply.total).toEqual(baseline.supply.total);
      expect(other.demand.total).toEqual(baseline.demand.total);
    }
  });
});

describe('monotonicity', () => {
  it('more training seats never raise a gap', () => {
    for (const seed of [5, 6, 7]) {
      const { scenario, travelTimes } = synthetic(seed);
      const random = seededRandom(seed);
      const before = runSkillsModel({ scenario, travelTimes });
      const levers: Lever[] = Array.from({ length: 4 }, (_, i) => ({
        kind: 'training-seats',
        id: `seats-${i}`,
        label: '',
        fromYear: 1 + Math.floor(random() * 4),
        occupation: scenario.occupations[Math.floor(random() * scenario.occupations.length)]!.code,
        territory: scenario.territories[Math.floor(random() * 5)]!.id,
        seats: 5 + random() * 60,
        durationYears: 1,
        completionRate: 0.8,
        localEntryShare: 0.8,
      }));
      const after = runSkillsModel({ scenario: withLevers(scenario, levers), travelTimes });
      expectNoGapRises(before, after);
      const total = (r: SkillsResult) => r.gap.reduce((s, v) => s + v, 0);
      expect(total(after)).toBeLessThan(total(before));
    }
  });

  it('a larger cross-border pull never lowers a gap outside the pole', () => {
    for (const seed of [8, 9]) {
      const { scenario, travelTimes } = synthetic(seed);
      const low = runSkillsModel({
        scenario: { ...scenario, crossBorderPull: { ...scenario.crossBorderPull, share: 0.05 } },
        travelTimes,
      });
      const high = runSkillsModel({
        scenario: { ...scenario, crossBorderPull: { ...scenario.crossBorderPull, share: 0.3 } },
        travelTimes,
      });
      const { territories: T, occupations: O } = low.sizes;
      const pole = scenario.territories.findIndex((t) => t.kind === 'cross-border-pole');
      for (let u = 0; u < low.sizes.units; u++) {
        if (Math.floor(u / O) % T === pole) continue;
        expect(high.gap[u]!).toBeGreaterThanOrEqual(low.gap[u]! - EPS);
      }
    }
  });
});

describe('commuting reach coupled to travel times', () => {
  it('a shorter travel time between two zones never lowers supply in either territory', () => {
    for (const seed of [10, 11, 12]) {
      const { scenario, travelTimes } = synthetic(seed);
      const car = travelTimes.car!;
      const n = car.zones.length;
      const random = seededRandom(seed);
      // Two zones of different territories, 30 to 80 minutes apart, brought to 20 minutes.
      let i = 0;
      let j = 0;
      for (let tries = 0; tries < 1000; tries++) {
        i = Math.floor(random() * n);
        j = Math.floor(random() * n);
        const minutes = car.minutes[i * n + j]!;
        if (i % 5 !== j % 5 && minutes > 46 && minutes < 90) break;
      }
      const faster = new Float64Array(car.minutes);
      faster[i * n + j] = 20;
      faster[j * n + i] = 20;
      const shorter: TravelTimes = { ...travelTimes, car: { zones: car.zones, minutes: faster } };
      const before = runSkillsModel({ scenario, travelTimes });
      const after = runSkillsModel({ scenario, travelTimes: shorter });
      const territoryOf = (zone: number) =>
        scenario.territories.findIndex((t) => t.communes.some((c) => c.code === car.zones[zone]));
      const { territories: T, occupations: O, horizons: H } = before.sizes;
      for (const t of [territoryOf(i), territoryOf(j)])
        for (let h = 0; h < H; h++)
          for (let o = 0; o < O; o++) {
            const u = (h * T + t) * O + o;
            expect(after.supply.total[u]!).toBeGreaterThanOrEqual(before.supply.total[u]! - EPS);
          }
      const sum = (r: SkillsResult) => r.supply.commuting.reduce((s, v) => s + v, 0);
      expect(sum(after)).toBeGreaterThanOrEqual(sum(before) - EPS);
    }
  });

  it('a travel-time lever from year 3 changes horizons 3 to 10, not horizon 1', () => {
    const scenario = parseSkillsScenario(tinyScenario({ reach: { carMinutes: 20, ptMinutes: 20 } }));
    const car = { zones: ['57001', '57002'], minutes: Float64Array.of(5, 40, 40, 5) };
    const lever: Lever = {
      kind: 'travel-time',
      id: 'ter',
      label: 'Faster TER',
      fromYear: 3,
      mode: 'car',
      symmetric: true,
      changes: [{ from: '57001', to: '57002', minutes: 15 }],
    };
    const before = runSkillsModel({ scenario, travelTimes: { car } });
    const after = runSkillsModel({ scenario: withLevers(scenario, [lever]), travelTimes: { car } });
    expect(after.reach.byHorizon[0]).toEqual(before.reach.byHorizon[0]);
    expect(after.reach.byHorizon[1]![1]).toBeCloseTo(1 / 3, 12); // 1 year of 3 in reach
    expect(after.reach.byHorizon[3]![1]).toBeCloseTo(8 / 10, 12);
  });

  it('couples the cross-border pull to travel times to the pole zone when asked', () => {
    const scenario = parseSkillsScenario(
      tinyScenario({
        reach: { carMinutes: 20, ptMinutes: 20 },
        crossBorderPull: { share: 0.1, territoryWeights: {}, accessibility: { zone: 'LUX', carMinutes: 60 } },
      }),
    );
    // A is 50 min from Luxembourg, B 70 min: only A's candidates are drawn.
    const car = {
      zones: ['57001', '57002', 'LUX'],
      minutes: Float64Array.of(5, 40, 50, 40, 5, 70, 50, 70, 5),
    };
    const before = runSkillsModel({ scenario, travelTimes: { car } });
    const O = 3;
    const T = 3;
    const at = (h: number, t: number, o: number) => (h * T + t) * O + o;
    expect(before.pool.pulledOut[at(0, 0, 0)]).toBeCloseTo(1.5, 9);
    expect(before.pool.pulledOut[at(0, 1, 0)]).toBe(0);
    // A motorway upgrade brings B to 55 min from year 2: B's candidates are drawn from then on.
    const faster: Lever = {
      kind: 'travel-time',
      id: 'a31',
      label: '',
      fromYear: 2,
      mode: 'car',
      symmetric: true,
      changes: [{ from: '57002', to: 'LUX', minutes: 55 }],
    };
    const after = runSkillsModel({ scenario: withLevers(scenario, [faster]), travelTimes: { car } });
    expect(after.pool.pulledOut[at(0, 1, 0)]).toBe(0);
    expect(after.pool.pulledOut[at(1, 1, 0)]).toBeCloseTo(0.1 * 20 * 2, 9); // years 2 and 3, 20 candidates a year
    for (let u = 0; u < before.sizes.units; u++) {
      if (Math.floor(u / O) % T === 2) continue;
      expect(after.gap[u]!).toBeGreaterThanOrEqual(before.gap[u]! - EPS);
    }
    const missing = runSkillsModel({
      scenario,
      travelTimes: { car: { zones: ['57001', '57002'], minutes: Float64Array.of(5, 40, 40, 5) } },
    });
    expect(missing.problems.join()).toMatch(/zone LUX/);
  });

  describe('a cross-border pull relative to a reference access', () => {
    // A is 50 min from Luxembourg by car, B 70: with half the candidates driving, A's access is 0.5, B's 0.
    const car = {
      zones: ['57001', '57002', 'LUX'],
      minutes: Float64Array.of(5, 40, 50, 40, 5, 70, 50, 70, 5),
    };
    const at = (t: number) => t * 3; // horizon 1, welders
    const pulledWith = (share: number, reference?: Record<string, number>) =>
      runSkillsModel({
        scenario: parseSkillsScenario(
          tinyScenario({
            reach: { carMinutes: 20, ptMinutes: 20, carAccessShare: 0.5 },
            crossBorderPull: {
              share,
              territoryWeights: {},
              ...(reference ? { accessibility: { zone: 'LUX', carMinutes: 60, reference } } : {}),
            },
          }),
        ),
        travelTimes: { car },
      }).pool.pulledOut;
    const uncoupled = pulledWith(0.1);

    it('leaves the pull as it is when the access equals the reference', () => {
      expect(uncoupled[at(0)]).toBeGreaterThan(1);
      expect(pulledWith(0.1, { A: 0.5, B: 0.5 })[at(0)]).toBe(uncoupled[at(0)]);
    });

    it('raises a territory’s pull when its access is above the reference', () => {
      expect(pulledWith(0.1, { A: 0.25 })[at(0)]).toBeCloseTo(2 * uncoupled[at(0)]!, 9);
    });

    it('lowers it below the reference, and keeps multiplier 1 for a reference of 0 or none', () => {
      expect(pulledWith(0.1, { A: 1, B: 0 })[at(0)]).toBeCloseTo(0.5 * uncoupled[at(0)]!, 9);
      expect(pulledWith(0.1, { A: 1, B: 0 })[at(1)]).toBe(uncoupled[at(1)]);
      expect(pulledWith(0.1, { A: 1 })[at(1)]).toBe(uncoupled[at(1)]);
    });

    it('pulls at most every candidate', () => {
      // 0.1 × 0.5 / 0.01 = 5, clamped to 1: ten times the uncoupled 0.1 share.
      expect(pulledWith(0.1, { A: 0.01 })[at(0)]).toBeCloseTo(10 * uncoupled[at(0)]!, 9);
    });

    it('rejects a reference outside 0..1', () => {
      expect(() => pulledWith(0.1, { A: 1.5 })).toThrow();
    });
  });

  it('runs without any matrix: no commuting between territories', () => {
    const input = tinyScenario();
    const scenario = parseSkillsScenario({
      ...input,
      territories: input.territories.map((t) => ({
        ...t,
        communes: (t.communes ?? []).map(({ code, population }) => ({ code, population })),
      })),
    });
    const r = runSkillsModel({ scenario });
    expect(r.reach.source).toBe('none');
    expect(r.supply.commuting.every((v) => v === 0)).toBe(true);
  });
});
