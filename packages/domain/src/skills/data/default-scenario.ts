// The default skills scenario of North Lorraine, built from the territory data and the illustrative
// assumptions (method: ../README.md). Everything here is marked illustrative.
import { ROME_OCCUPATIONS } from '../../workshop/rome/rome-occupations.ts';
import { familyOfRomeCode } from '../families.ts';
import { parseSkillsScenario } from '../scenario.ts';
import type { SkillsScenario, SkillsScenarioInput } from '../scenario.ts';
import {
  CAR_ACCESS_SHARE,
  CROSS_BORDER_PULL_SHARE,
  CROSS_BORDER_PULL_WEIGHTS,
  FAMILY_EMPLOYMENT_SHARE,
  FAMILY_GROWTH,
  FAMILY_JOB_SEEKER_RATIO,
  FAMILY_SHARE_55,
  JOB_SEEKER_FACTOR,
  JOBS_PER_RESIDENT,
  JOBS_PER_RESIDENT_DEFAULT,
  LARGE_OCCUPATIONS,
  LUXEMBOURG_FAMILY_SHARE,
  LUXEMBOURG_GROWTH,
  LUXEMBOURG_JOBS,
  OCCUPATIONAL_MOBILITY,
  OTHER_ENTRANT_RATE,
  SPECIALISATION,
} from './assumptions.ts';
import { NORTH_LORRAINE_EPCIS, NORTH_LORRAINE_TERRITORY_SOURCE } from './north-lorraine-territory.ts';
import { illustrativeProgrammes } from './programmes.ts';

export const LUXEMBOURG_ID = 'LU';

/** Illustrative register entries: [ROME, headcount, months, EPCI (its largest commune) or LU, contract]. */
const NEEDS: readonly (readonly [
  string,
  number,
  number,
  string,
  'cdi' | 'cdd' | 'apprenticeship' | 'interim',
])[] = [
  ['H2913', 12, 6, '245701222', 'cdi'],
  ['H2902', 8, 12, '245701222', 'cdi'],
  ['I1304', 10, 9, '245701362', 'cdi'],
  ['I1310', 6, 18, '200039949', 'cdi'],
  ['H2909', 25, 12, '200039949', 'interim'],
  ['N1103', 40, 6, '200039949', 'interim'],
  ['N4101', 15, 12, '245701354', 'cdi'],
  ['J1506', 30, 12, '200039865', 'cdi'],
  ['J1501', 25, 6, '245701362', 'cdi'],
  ['K1302', 20, 12, '245400262', 'cdi'],
  ['M1805', 15, 18, '200039865', 'cdi'],
  ['F1703', 10, 24, '200039865', 'apprenticeship'],
  ['G1602', 12, 3, '200039865', 'cdd'],
  ['J1506', 20, 12, LUXEMBOURG_ID, 'cdi'],
];

function familyWeights(codes: readonly string[]): Map<string, number> {
  const large = new Set(LARGE_OCCUPATIONS);
  const totals = new Map<string, number>();
  for (const code of codes) {
    const family = familyOfRomeCode(code);
    totals.set(family, (totals.get(family) ?? 0) + (large.has(code) ? 6 : 1));
  }
  return new Map(
    codes.map((code) => [code, (large.has(code) ? 6 : 1) / totals.get(familyOfRomeCode(code))!]),
  );
}

/**
 * The default scenario input: the EPCIs of North Lorraine and the Luxembourg pole, the bundled ROME
 * occupations, employment and age structure estimated as in the README, illustrative programmes,
 * needs and mobility matrix. Validate it with `parseSkillsScenario` (or use {@link defaultSkillsScenario}).
 */
export function defaultSkillsScenarioInput(): SkillsScenarioInput {
  const codes = ROME_OCCUPATIONS.map(([code]) => code);
  const withinFamily = familyWeights(codes);
  const labourMarket: SkillsScenarioInput['labourMarket'] = [];
  for (const epci of NORTH_LORRAINE_EPCIS) {
    const population = epci.communes.reduce((s, c) => s + c[1], 0);
    const jobs = population * (JOBS_PER_RESIDENT[epci.id] ?? JOBS_PER_RESIDENT_DEFAULT);
    for (const code of codes) {
      const family = familyOfRomeCode(code);
      const specialisation = specialisationOf(epci.id, family);
      const employment = Math.round(
        jobs * FAMILY_EMPLOYMENT_SHARE[family] * specialisation * withinFamily.get(code)!,
      );
      labourMarket.push({
        occupation: code,
        territory: epci.id,
        employment,
        share55: FAMILY_SHARE_55[family],
        jobSeekers: Math.round(
          employment * FAMILY_JOB_SEEKER_RATIO[family] * (JOB_SEEKER_FACTOR[epci.id] ?? 0.85),
        ),
      });
    }
  }
  for (const code of codes) {
    const family = familyOfRomeCode(code);
    labourMarket.push({
      occupation: code,
      territory: LUXEMBOURG_ID,
      employment: Math.round(
        LUXEMBOURG_JOBS * (LUXEMBOURG_FAMILY_SHARE[family] ?? 0) * withinFamily.get(code)!,
      ),
      share55: 0.12,
      jobSeekers: 0,
    });
  }

  const largestCommune = new Map(
    NORTH_LORRAINE_EPCIS.map((e) => [e.id, [...e.communes].sort((a, b) => b[1] - a[1])[0]![0]]),
  );
  return {
    name: 'North Lorraine — default (illustrative)',
    illustrative: true,
    source: `Territory: ${NORTH_LORRAINE_TERRITORY_SOURCE}. Occupations: bundled ROME list. Employment, age structure, job seekers, programmes, needs, mobility and pull: illustrative estimates (packages/domain/src/skills/README.md).`,
    baseYear: 2026,
    occupations: ROME_OCCUPATIONS.map(([code, label]) => ({ code, label })),
    territories: [
      ...NORTH_LORRAINE_EPCIS.map((e) => ({
        id: e.id,
        name: e.name,
        kind: 'epci' as const,
        communes: e.communes.map(([code, population, lon, lat]) => ({ code, population, lon, lat })),
      })),
      {
        id: LUXEMBOURG_ID,
        name: 'Luxembourg (pôle transfrontalier)',
        kind: 'cross-border-pole' as const,
        communes: [],
      },
    ],
    labourMarket,
    yearsToRetirement: 8,
    growthRates: { ...FAMILY_GROWTH },
    growthOverrides: codes.map((occupation) => ({
      occupation,
      territory: LUXEMBOURG_ID,
      rate: LUXEMBOURG_GROWTH,
    })),
    needs: NEEDS.map(([romeCode, headcount, horizonMonths, where, contract], i) => ({
      id: `illustrative-need-${i + 1}`,
      romeCode,
      headcount,
      horizonMonths,
      communeCode: where === LUXEMBOURG_ID ? 'LU' : largestCommune.get(where)!,
      contract,
      crossBorder: where === LUXEMBOURG_ID,
    })),
    programmes: illustrativeProgrammes(),
    jobSeekerMatchRate: 0.25,
    otherEntrantRate: OTHER_ENTRANT_RATE,
    occupationalMobility: OCCUPATIONAL_MOBILITY.map(([from, to, rate]) => ({ from, to, rate })),
    crossBorderPull: { share: CROSS_BORDER_PULL_SHARE, territoryWeights: { ...CROSS_BORDER_PULL_WEIGHTS } },
    // Illustrative car access (see CAR_ACCESS_SHARE): public-transport levers then move the reach.
    reach: { carMinutes: 45, ptMinutes: 45, carAccessShare: CAR_ACCESS_SHARE },
    levers: [],
  };
}

function specialisationOf(epci: string, family: ReturnType<typeof familyOfRomeCode>): number {
  return SPECIALISATION[epci]?.[family] ?? 1;
}

/** The default scenario, validated. */
export function defaultSkillsScenario(): SkillsScenario {
  return parseSkillsScenario(defaultSkillsScenarioInput());
}
