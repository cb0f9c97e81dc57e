// Turns a validated scenario into dense, indexed typed arrays that the model's loops read.
import { occupationFamily } from './scenario.ts';
import type { SkillsScenario } from './scenario.ts';

export interface CompiledScenario {
  scenario: SkillsScenario;
  /** Number of occupations (O) and territories (T). */
  O: number;
  T: number;
  occupationIndex: ReadonlyMap<string, number>;
  territoryIndex: ReadonlyMap<string, number>;
  /** Territory index of each commune of the territories. */
  communeTerritory: ReadonlyMap<string, number>;
  /** Index of the cross-border pole, or -1. */
  pole: number;
  /** Per cell `t * O + o`. */
  employment: Float64Array;
  share55: Float64Array;
  jobSeekers: Float64Array;
  growthRate: Float64Array;
  /** Occupational mobility edges. */
  mobilityFrom: Int32Array;
  mobilityTo: Int32Array;
  mobilityRate: Float64Array;
}

/**
 * Indexes a scenario: occupation and territory positions, labour-market cells as `t * O + o`.
 *
 * @param scenario - a scenario validated by `parseSkillsScenario`
 */
export function compileScenario(scenario: SkillsScenario): CompiledScenario {
  const O = scenario.occupations.length;
  const T = scenario.territories.length;
  const occupationIndex = new Map(scenario.occupations.map((o, i) => [o.code as string, i]));
  const territoryIndex = new Map(scenario.territories.map((t, i) => [t.id as string, i]));
  const communeTerritory = new Map<string, number>();
  scenario.territories.forEach((t, i) => {
    for (const commune of t.communes) communeTerritory.set(commune.code, i);
  });
  const pole = scenario.territories.findIndex((t) => t.kind === 'cross-border-pole');

  const employment = new Float64Array(T * O);
  const share55 = new Float64Array(T * O);
  const jobSeekers = new Float64Array(T * O);
  for (const cell of scenario.labourMarket) {
    const k = territoryIndex.get(cell.territory)! * O + occupationIndex.get(cell.occupation)!;
    employment[k] = cell.employment;
    share55[k] = cell.share55;
    jobSeekers[k] = cell.jobSeekers;
  }

  const growthRate = new Float64Array(T * O);
  const familyRate = scenario.occupations.map((o) => scenario.growthRates[occupationFamily(o)] ?? 0);
  for (let t = 0; t < T; t++) for (let o = 0; o < O; o++) growthRate[t * O + o] = familyRate[o]!;
  // Occupation-wide overrides first, then territory-specific ones.
  const overrides = [...scenario.growthOverrides].sort(
    (a, b) => Number(a.territory !== undefined) - Number(b.territory !== undefined),
  );
  for (const override of overrides) {
    const o = occupationIndex.get(override.occupation);
    if (o === undefined) continue;
    if (override.territory === undefined) for (let t = 0; t < T; t++) growthRate[t * O + o] = override.rate;
    else {
      const t = territoryIndex.get(override.territory);
      if (t !== undefined) growthRate[t * O + o] = override.rate;
    }
  }

  const edges = scenario.occupationalMobility;
  return {
    scenario,
    O,
    T,
    occupationIndex,
    territoryIndex,
    communeTerritory,
    pole,
    employment,
    share55,
    jobSeekers,
    growthRate,
    mobilityFrom: Int32Array.from(edges, (e) => occupationIndex.get(e.from)!),
    mobilityTo: Int32Array.from(edges, (e) => occupationIndex.get(e.to)!),
    mobilityRate: Float64Array.from(edges, (e) => e.rate),
  };
}
