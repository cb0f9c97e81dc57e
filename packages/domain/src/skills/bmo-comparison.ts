// Comparison of the model's tension with the BMO survey's share of hiring projects judged difficult.
// BMO occupations are not ROME codes: the caller supplies the mapping (a BMO code to one or more
// ROME codes) and, optionally, employment areas to territories.
import type { BmoRow } from './import/bmo.ts';
import type { SkillsResult } from './model.ts';
import type { Horizon } from './units.ts';

export interface BmoComparisonRow {
  bmoCode: string;
  bmoLabel: string;
  romeCodes: string[];
  /** Hiring projects in the BMO rows used (suppressed cells left out). */
  projects: number;
  /** Share of those projects judged difficult. */
  difficultShare: number;
  /** Model tension over the mapped occupations and territories: gap / demand. */
  modelTension: number;
  modelDemand: number;
}

export interface BmoComparison {
  horizon: Horizon;
  rows: BmoComparisonRow[];
  /** Spearman rank correlation between difficult share and model tension (NaN below 3 rows). */
  rankCorrelation: number;
  /** BMO codes in the data with no mapping, or mapped only to occupations outside the scenario. */
  unmapped: string[];
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const result = new Array<number>(values.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) result[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return result;
}

/** Spearman's rank correlation (Pearson on average ranks), NaN for fewer than 3 pairs or no spread. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length < 3) return NaN;
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length + 1) / 2;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - mean) * (rb[i]! - mean);
    da += (ra[i]! - mean) ** 2;
    db += (rb[i]! - mean) ** 2;
  }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : NaN;
}

/**
 * Sets the model's tension against BMO's share of difficult hiring projects, occupation by occupation.
 *
 * @param options.result - a model result
 * @param options.rows - BMO rows from `importBmoCsv`
 * @param options.occupationMap - BMO occupation code → ROME codes
 * @param options.areaMap - employment-area code → territory ids; absent: every territory of the result
 * @param options.horizon - the model horizon to compare (BMO is a one-year survey: 1 by default)
 * @example compareWithBmo({ result, rows, occupationMap: { D1Z40: ['H2913'] } })
 */
export function compareWithBmo(options: {
  result: SkillsResult;
  rows: readonly BmoRow[];
  occupationMap: Readonly<Record<string, readonly string[]>>;
  areaMap?: Readonly<Record<string, readonly string[]>>;
  horizon?: Horizon;
}): BmoComparison {
  const { result, rows, occupationMap, areaMap, horizon = 1 } = options;
  const h = result.horizons.indexOf(horizon);
  if (h < 0) throw new RangeError(`horizon ${horizon} is not one of ${result.horizons.join(', ')}`);
  const { territories: T, occupations: O } = result.sizes;
  const occupationIndex = new Map(result.occupations.map((code, i) => [code, i]));
  const territoryIndex = new Map(result.territories.map((id, i) => [id, i]));

  const byCode = new Map<
    string,
    { label: string; projects: number; difficult: number; territories: Set<number> }
  >();
  const unmapped = new Set<string>();
  for (const row of rows) {
    const romes = (occupationMap[row.bmoCode] ?? []).filter((code) => occupationIndex.has(code));
    if (romes.length === 0) {
      unmapped.add(row.bmoCode);
      continue;
    }
    if (row.projects === null || row.difficult === null) continue;
    const territories = areaMap
      ? (areaMap[row.employmentArea] ?? []).flatMap((id) => territoryIndex.get(id) ?? [])
      : Array.from({ length: T }, (_, t) => t);
    if (territories.length === 0) continue;
    const entry = byCode.get(row.bmoCode) ?? {
      label: row.bmoLabel,
      projects: 0,
      difficult: 0,
      territories: new Set<number>(),
    };
    entry.projects += row.projects;
    entry.difficult += row.difficult;
    for (const t of territories) entry.territories.add(t);
    byCode.set(row.bmoCode, entry);
  }

  const comparison: BmoComparisonRow[] = [];
  for (const [bmoCode, entry] of byCode) {
    if (entry.projects <= 0) continue;
    const romeCodes = (occupationMap[bmoCode] ?? []).filter((code) => occupationIndex.has(code));
    let demand = 0;
    let gap = 0;
    for (const t of entry.territories)
      for (const code of romeCodes) {
        const u = (h * T + t) * O + occupationIndex.get(code)!;
        demand += Math.max(0, result.demand.total[u]!);
        gap += Math.max(0, result.gap[u]!);
      }
    comparison.push({
      bmoCode,
      bmoLabel: entry.label,
      romeCodes,
      projects: entry.projects,
      difficultShare: entry.difficult / entry.projects,
      modelTension: demand > 0 ? gap / demand : 0,
      modelDemand: demand,
    });
  }
  comparison.sort((a, b) => b.difficultShare - a.difficultShare || a.bmoCode.localeCompare(b.bmoCode));
  return {
    horizon,
    rows: comparison,
    rankCorrelation: spearman(
      comparison.map((r) => r.difficultShare),
      comparison.map((r) => r.modelTension),
    ),
    unmapped: [...unmapped].sort(),
  };
}
