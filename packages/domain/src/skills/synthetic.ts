// A seeded synthetic scenario of any size, for property tests and the benchmark. Not territory data.
import { ROME_OCCUPATIONS } from '../workshop/rome/rome-occupations.ts';
import type { TravelTimes } from './reach.ts';
import { crowFlyTravelTimes } from './reach.ts';
import type { SkillsScenarioInput } from './scenario.ts';

/** A small, fast, seeded pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic scenario with `territories` territories (the last one the cross-border pole), `occupations`
 * occupations and `zones` communes (one zone each) spread over the territories, with car and
 * public-transport matrices over those zones.
 *
 * @example const { scenario, travelTimes } = syntheticScenario({ occupations: 500, territories: 20, zones: 150, seed: 1 });
 */
export function syntheticScenario(options: {
  occupations: number;
  territories: number;
  zones: number;
  seed: number;
  needs?: number;
}): { scenario: SkillsScenarioInput; travelTimes: TravelTimes } {
  const random = seededRandom(options.seed);
  const O = options.occupations;
  const T = Math.max(2, options.territories);
  const french = T - 1;
  const codes = ROME_OCCUPATIONS.slice(0, O).map(([code]) => code);
  for (let i = codes.length; i < O; i++) codes.push(`A${String(9999 - i).padStart(4, '0')}`);

  const territories: SkillsScenarioInput['territories'] = [];
  const points: { id: string; lon: number; lat: number }[] = [];
  for (let t = 0; t < french; t++) {
    territories.push({ id: `T${t}`, name: `Territory ${t}`, kind: 'epci', communes: [] });
  }
  for (let z = 0; z < options.zones; z++) {
    const t = z % french;
    const code = `57${String(z).padStart(3, '0')}`;
    const lon = 5.8 + ((t % 5) / 5) * 1.0 + random() * 0.25;
    const lat = 48.9 + (Math.floor(t / 5) / Math.ceil(french / 5)) * 0.7 + random() * 0.15;
    territories[t]!.communes!.push({ code, population: Math.round(200 + random() * 20000), lon, lat });
    points.push({ id: code, lon, lat });
  }
  territories.push({ id: 'LU', name: 'Luxembourg', kind: 'cross-border-pole', communes: [] });

  const car = crowFlyTravelTimes({ points });
  const pt = { zones: car.zones, minutes: car.minutes.map((m) => (random() < 0.3 ? m * 1.4 + 8 : Infinity)) };

  const labourMarket: SkillsScenarioInput['labourMarket'] = [];
  for (let t = 0; t < T; t++)
    for (let o = 0; o < O; o++) {
      const employment = Math.round(Math.exp(random() * 6));
      labourMarket.push({
        occupation: codes[o]!,
        territory: territories[t]!.id,
        employment,
        share55: 0.1 + random() * 0.25,
        jobSeekers: t === T - 1 ? 0 : Math.round(employment * random() * 0.15),
      });
    }

  const programmes: SkillsScenarioInput['programmes'] = [];
  for (let p = 0; p < Math.ceil(O / 2); p++) {
    const first = Math.floor(random() * O);
    const second = (first + 1 + Math.floor(random() * 5)) % O;
    programmes.push({
      id: `P${p}`,
      name: `Programme ${p}`,
      territory: territories[Math.floor(random() * french)]!.id,
      occupations: [
        { code: codes[first]!, share: 0.6 },
        { code: codes[second]!, share: 0.3 },
      ],
      seatsPerYear: Math.round(8 + random() * 40),
      durationYears: 1 + Math.floor(random() * 3),
      completionRate: 0.6 + random() * 0.35,
      localEntryShare: 0.5 + random() * 0.4,
    });
  }

  const needs: NonNullable<SkillsScenarioInput['needs']> = [];
  for (let n = 0; n < (options.needs ?? O * 4); n++) {
    const t = Math.floor(random() * french);
    const communes = territories[t]!.communes!;
    needs.push({
      id: `N${n}`,
      romeCode: codes[Math.floor(random() * O)]!,
      headcount: 1 + Math.floor(random() * 12),
      horizonMonths: Math.floor(random() * 110),
      communeCode: communes[Math.floor(random() * communes.length)]!.code,
      contract: 'cdi',
    });
  }

  const occupationalMobility: NonNullable<SkillsScenarioInput['occupationalMobility']> = [];
  for (let o = 0; o < O; o++)
    for (let k = 1; k <= 2; k++)
      if (random() < 0.6)
        occupationalMobility.push({ from: codes[o]!, to: codes[(o + k) % O]!, rate: 0.1 + random() * 0.2 });

  return {
    scenario: {
      name: `synthetic ${O}×${T} (seed ${options.seed})`,
      illustrative: true,
      baseYear: 2026,
      occupations: codes.map((code) => ({ code })),
      territories,
      labourMarket,
      growthRates: { metalworking: -0.01, health: 0.015, digital: 0.02, logistics: 0.01 },
      needs,
      programmes,
      jobSeekerMatchRate: 0.25,
      otherEntrantRate: 0.01,
      occupationalMobility,
      crossBorderPull: { share: 0.15, territoryWeights: { T0: 2, T1: 1.5 } },
      reach: { carMinutes: 45, ptMinutes: 45 },
      levers: [],
    },
    travelTimes: { car, pt },
  };
}
