// A tiny scenario whose figures can be checked by hand, shared by the unit tests.
import type { SkillsScenarioInput } from './scenario.ts';

/**
 * Two territories (A around 57001, B around 57002, 20 km apart) and the Luxembourg pole, which employs
 * welders and nurses (so only those are pulled); three occupations: welders (H2913), boilermakers
 * (H2902), nurses (J1506).
 */
export function tinyScenario(overrides: Partial<SkillsScenarioInput> = {}): SkillsScenarioInput {
  return {
    name: 'tiny',
    baseYear: 2026,
    occupations: [
      { code: 'H2913', label: 'Soudage manuel' },
      { code: 'H2902', label: 'Chaudronnerie - tôlerie' },
      { code: 'J1506', label: 'Soins infirmiers généralistes' },
    ],
    territories: [
      { id: 'A', name: 'A', communes: [{ code: '57001', population: 1000, lon: 6.0, lat: 49.0 }] },
      { id: 'B', name: 'B', communes: [{ code: '57002', population: 1000, lon: 6.0, lat: 49.18 }] },
      { id: 'LU', name: 'Luxembourg', kind: 'cross-border-pole' },
    ],
    labourMarket: [
      { occupation: 'H2913', territory: 'A', employment: 100, share55: 0.24, jobSeekers: 40 },
      { occupation: 'H2902', territory: 'A', employment: 50, share55: 0.16, jobSeekers: 60 },
      { occupation: 'J1506', territory: 'A', employment: 200, share55: 0.2, jobSeekers: 4 },
      { occupation: 'H2913', territory: 'B', employment: 20, share55: 0.2, jobSeekers: 80 },
      { occupation: 'J1506', territory: 'B', employment: 80, share55: 0.3, jobSeekers: 0 },
      { occupation: 'J1506', territory: 'LU', employment: 40, share55: 0.1, jobSeekers: 0 },
      { occupation: 'H2913', territory: 'LU', employment: 10, share55: 0.1, jobSeekers: 0 },
    ],
    yearsToRetirement: 8,
    growthRates: { metalworking: 0.1, health: 0 },
    needs: [
      { id: 'n1', romeCode: 'H2913', headcount: 5, horizonMonths: 18, communeCode: '57001', contract: 'cdi' },
      {
        id: 'n2',
        romeCode: 'J1506',
        headcount: 3,
        horizonMonths: 6,
        communeCode: 'LU',
        contract: 'cdi',
        crossBorder: true,
      },
    ],
    programmes: [
      {
        id: 'bac-pro-welding',
        name: 'Bac pro welding',
        territory: 'A',
        occupations: [{ code: 'H2913', share: 1 }],
        seatsPerYear: 20,
        durationYears: 2,
        completionRate: 0.5,
        localEntryShare: 0.5,
      },
    ],
    jobSeekerMatchRate: 0.25,
    occupationalMobility: [{ from: 'H2902', to: 'H2913', rate: 0.5 }],
    crossBorderPull: { share: 0.1, territoryWeights: {} },
    reach: { carMinutes: 45, ptMinutes: 45 },
    levers: [],
    ...overrides,
  };
}
