// Demand: positions to fill by each horizon, in three parts kept apart so people see where demand
// comes from — the needs register, replacement of retiring workers, expansion (net job creation).
import type { CompiledScenario } from './compile.ts';
import { HORIZONS, MODEL_YEARS } from './units.ts';

export interface DemandParts {
  /** Per unit `(h * T + t) * O + o`, cumulative from year 1 to the horizon. */
  needs: Float64Array;
  replacement: Float64Array;
  expansion: Float64Array;
  total: Float64Array;
  /** Needs the model could not place (unknown occupation or commune, beyond the last horizon). */
  skippedNeeds: { id: string; reason: string }[];
}

/** The year (1-based) in which a need `horizonMonths` away falls: months 0-12 are year 1. */
export function needYear(horizonMonths: number): number {
  return Math.max(1, Math.ceil(horizonMonths / 12));
}

/**
 * Demand by unit.
 * - needs: headcounts of register entries whose year falls within the horizon, weighted by contract
 *   (internships count 0 by default);
 * - replacement: employment × share of workers aged 55+ / years to retirement, per year;
 * - expansion: employment × ((1 + growth)^h − 1), negative when an occupation shrinks.
 *
 * @param compiled - the indexed scenario
 * @example computeDemand(compileScenario(scenario)).total
 */
export function computeDemand(compiled: CompiledScenario): DemandParts {
  const { O, T, scenario } = compiled;
  const H = HORIZONS.length;
  const size = H * T * O;
  const needs = new Float64Array(size);
  const replacement = new Float64Array(size);
  const expansion = new Float64Array(size);
  const total = new Float64Array(size);
  const skippedNeeds: DemandParts['skippedNeeds'] = [];

  for (const need of scenario.needs) {
    const o = compiled.occupationIndex.get(need.romeCode);
    const t =
      need.communeCode === 'LU'
        ? compiled.pole >= 0
          ? compiled.pole
          : undefined
        : compiled.communeTerritory.get(need.communeCode);
    const year = needYear(need.horizonMonths);
    const positions = need.headcount * (scenario.contractWeights[need.contract] ?? 1);
    if (o === undefined)
      skippedNeeds.push({ id: need.id, reason: `occupation ${need.romeCode} is not modelled` });
    else if (t === undefined)
      skippedNeeds.push({ id: need.id, reason: `commune ${need.communeCode} is in no territory` });
    else if (year > MODEL_YEARS) skippedNeeds.push({ id: need.id, reason: `beyond ${MODEL_YEARS} years` });
    else
      HORIZONS.forEach((horizon, h) => {
        if (year <= horizon) needs[(h * T + t) * O + o] = needs[(h * T + t) * O + o]! + positions;
      });
  }

  const retirementYears = scenario.yearsToRetirement;
  const { employment, share55, growthRate } = compiled;
  const cells = T * O;
  const retiringPerYear = new Float64Array(cells);
  for (let cell = 0; cell < cells; cell++)
    retiringPerYear[cell] = (employment[cell]! * share55[cell]!) / retirementYears;
  for (let h = 0; h < H; h++) {
    const years = HORIZONS[h]!;
    const offset = h * cells;
    for (let cell = 0; cell < cells; cell++) {
      const u = offset + cell;
      const r = retiringPerYear[cell]! * years;
      const e = employment[cell]! * (Math.pow(1 + growthRate[cell]!, years) - 1);
      replacement[u] = r;
      expansion[u] = e;
      total[u] = needs[u]! + r + e;
    }
  }
  return { needs, replacement, expansion, total, skippedNeeds };
}
