// Reading a result: totals, the tightest units, territories and occupations.
import type { SkillsResult } from './model.ts';
import type { Horizon } from './units.ts';

export interface UnitBalance {
  occupation: string;
  territory: string;
  horizon: Horizon;
  demand: number;
  supply: number;
  gap: number;
  tension: number;
}

export interface BalanceTotals {
  horizon: Horizon;
  demand: number;
  needs: number;
  replacement: number;
  expansion: number;
  supply: number;
  gap: number;
  surplus: number;
  /** gap / demand over the whole territory. */
  tension: number;
}

function horizonIndex(result: SkillsResult, horizon: Horizon): number {
  const h = result.horizons.indexOf(horizon);
  if (h < 0) throw new RangeError(`horizon ${horizon} is not one of ${result.horizons.join(', ')}`);
  return h;
}

/**
 * Sums over every occupation and territory at one horizon.
 *
 * @example balanceTotals({ result, horizon: 5 }).gap
 */
export function balanceTotals(options: { result: SkillsResult; horizon: Horizon }): BalanceTotals {
  const { result, horizon } = options;
  const h = horizonIndex(result, horizon);
  const { territories: T, occupations: O } = result.sizes;
  const totals = { demand: 0, needs: 0, replacement: 0, expansion: 0, supply: 0, gap: 0, surplus: 0 };
  for (let u = h * T * O; u < (h + 1) * T * O; u++) {
    totals.demand += result.demand.total[u]!;
    totals.needs += result.demand.needs[u]!;
    totals.replacement += result.demand.replacement[u]!;
    totals.expansion += result.demand.expansion[u]!;
    totals.supply += result.supply.total[u]!;
    totals.gap += result.gap[u]!;
    totals.surplus += result.surplus[u]!;
  }
  return { horizon, ...totals, tension: totals.demand > 0 ? totals.gap / totals.demand : 0 };
}

/** One unit's figures. */
export function unitBalance(result: SkillsResult, h: number, t: number, o: number): UnitBalance {
  const { territories: T, occupations: O } = result.sizes;
  const u = (h * T + t) * O + o;
  return {
    occupation: result.occupations[o]!,
    territory: result.territories[t]!,
    horizon: result.horizons[h]!,
    demand: result.demand.total[u]!,
    supply: result.supply.total[u]!,
    gap: result.gap[u]!,
    tension: result.tension[u]!,
  };
}

/**
 * The tightest occupation × territory pairs at a horizon: by gap (positions unfilled) or by tension
 * (share unfilled, among units with at least `minDemand` positions). Ties keep scenario order.
 *
 * @example rankUnits({ result, horizon: 5, by: 'gap', limit: 10 })
 */
export function rankUnits(options: {
  result: SkillsResult;
  horizon: Horizon;
  by?: 'gap' | 'tension';
  limit?: number;
  minDemand?: number;
  /** Territory ids to leave out (e.g. the cross-border pole). */
  excludeTerritories?: readonly string[];
}): UnitBalance[] {
  const { result, horizon, by = 'gap', limit = 10, minDemand = 1, excludeTerritories = [] } = options;
  const h = horizonIndex(result, horizon);
  const { territories: T, occupations: O } = result.sizes;
  const candidates: number[] = [];
  const excluded = new Set(excludeTerritories);
  for (let t = 0; t < T; t++) {
    if (excluded.has(result.territories[t]!)) continue;
    for (let o = 0; o < O; o++) {
      const u = (h * T + t) * O + o;
      if (result.demand.total[u]! >= minDemand && result.gap[u]! > 0) candidates.push(u);
    }
  }
  const key = by === 'gap' ? result.gap : result.tension;
  candidates.sort((a, b) => key[b]! - key[a]! || a - b);
  return candidates.slice(0, limit).map((u) => {
    const o = u % O;
    const t = Math.floor(u / O) % T;
    return unitBalance(result, h, t, o);
  });
}

export interface GroupBalance {
  id: string;
  demand: number;
  supply: number;
  gap: number;
  tension: number;
}

/**
 * Territories, occupations or occupation families ranked by the gap summed over the rest.
 *
 * @example rankGroups({ result, horizon: 5, by: 'family' })
 */
export function rankGroups(options: {
  result: SkillsResult;
  horizon: Horizon;
  by: 'territory' | 'occupation' | 'family';
  limit?: number;
}): GroupBalance[] {
  const { result, horizon, by, limit = Infinity } = options;
  const h = horizonIndex(result, horizon);
  const { territories: T, occupations: O } = result.sizes;
  const families = [...new Set(result.families)];
  const ids = by === 'territory' ? result.territories : by === 'occupation' ? result.occupations : families;
  const familyIndex = new Map(families.map((f, i) => [f, i]));
  const groupOfOccupation = result.families.map((f, o) => (by === 'family' ? familyIndex.get(f)! : o));
  const demand = new Float64Array(ids.length);
  const supply = new Float64Array(ids.length);
  for (let t = 0; t < T; t++)
    for (let o = 0; o < O; o++) {
      const u = (h * T + t) * O + o;
      const g = by === 'territory' ? t : groupOfOccupation[o]!;
      demand[g] = demand[g]! + result.demand.total[u]!;
      supply[g] = supply[g]! + result.supply.total[u]!;
    }
  return ids
    .map((id, g) => {
      const gap = demand[g]! - supply[g]!;
      return {
        id,
        demand: demand[g]!,
        supply: supply[g]!,
        gap,
        tension: demand[g]! > 0 ? gap / demand[g]! : 0,
      };
    })
    .sort((a, b) => b.gap - a.gap)
    .slice(0, limit);
}
