// Per-action effects of levers: each lever is run alone against the no-lever baseline, so the
// result says how much of which gap each action closes, and from which horizon.
import type { Lever } from './levers.ts';
import { estimatedTravelTimes, runSkillsModel } from './model.ts';
import type { SkillsResult } from './model.ts';
import type { TravelTimes } from './reach.ts';
import type { SkillsScenario } from './scenario.ts';
import type { Horizon } from './units.ts';

export interface UnitEffect {
  occupation: string;
  territory: string;
  horizon: Horizon;
  /** Positions the lever fills that were unfilled in the baseline (negative: it draws candidates away). */
  gapClosed: number;
}

export interface HorizonEffect {
  horizon: Horizon;
  /** Net positions filled over every territory, the cross-border pole included. */
  gapClosed: number;
  /** gapClosed / the baseline's unfilled positions. */
  shareOfGap: number;
  /** The same outside the cross-border pole: what the territory itself gains. */
  gapClosedOutsidePole: number;
  shareOfGapOutsidePole: number;
}

export interface LeverEffect {
  leverId: string;
  actionId: string | undefined;
  kind: Lever['kind'];
  label: string;
  byHorizon: HorizonEffect[];
  /** Units where the lever closes most, at each horizon. */
  topUnits: UnitEffect[];
  problems: string[];
}

export interface LeverEvaluation {
  baseline: SkillsResult;
  /** Every lever of the scenario together. */
  combined: SkillsResult;
  combinedByHorizon: HorizonEffect[];
  effects: LeverEffect[];
}

function compare(baseline: SkillsResult, other: SkillsResult, topPerHorizon: number, pole: number) {
  const { territories: T, occupations: O, horizons: H } = baseline.sizes;
  const byHorizon: HorizonEffect[] = [];
  const topUnits: UnitEffect[] = [];
  for (let h = 0; h < H; h++) {
    let closed = 0;
    let gap = 0;
    let closedLocal = 0;
    let gapLocal = 0;
    const units: { u: number; closed: number }[] = [];
    for (let t = 0; t < T; t++)
      for (let u = (h * T + t) * O; u < (h * T + t + 1) * O; u++) {
        const delta = baseline.gap[u]! - other.gap[u]!;
        const open = Math.max(0, baseline.gap[u]!);
        gap += open;
        closed += delta;
        if (t !== pole) {
          gapLocal += open;
          closedLocal += delta;
        }
        if (Math.abs(delta) > 1e-9) units.push({ u, closed: delta });
      }
    const horizon = baseline.horizons[h]!;
    byHorizon.push({
      horizon,
      gapClosed: closed,
      shareOfGap: gap > 0 ? closed / gap : 0,
      gapClosedOutsidePole: closedLocal,
      shareOfGapOutsidePole: gapLocal > 0 ? closedLocal / gapLocal : 0,
    });
    units.sort((a, b) => b.closed - a.closed || a.u - b.u);
    for (const { u, closed: c } of units.slice(0, topPerHorizon))
      topUnits.push({
        occupation: baseline.occupations[u % O]!,
        territory: baseline.territories[Math.floor(u / O) % T]!,
        horizon,
        gapClosed: c,
      });
  }
  return { byHorizon, topUnits };
}

/**
 * Runs the baseline (no lever), every lever alone, and all levers together.
 *
 * @param options.scenario - a validated scenario whose `levers` are evaluated
 * @param options.travelTimes - as for `runSkillsModel`
 * @param options.topUnits - how many units to list per lever and horizon (default 5)
 * @example evaluateLevers({ scenario }).effects[0].byHorizon
 */
export function evaluateLevers(options: {
  scenario: SkillsScenario;
  travelTimes?: TravelTimes | undefined;
  topUnits?: number;
}): LeverEvaluation {
  const { scenario, topUnits = 5 } = options;
  const travelTimes = options.travelTimes ?? estimatedTravelTimes(scenario);
  const run = (levers: readonly Lever[]) => runSkillsModel({ scenario, travelTimes, levers });
  const baseline = run([]);
  const combined = scenario.levers.length ? run(scenario.levers) : baseline;
  const known = new Set(baseline.problems);
  const pole = scenario.territories.findIndex((t) => t.kind === 'cross-border-pole');
  const effects = scenario.levers.map((lever): LeverEffect => {
    const alone = run([lever]);
    return {
      leverId: lever.id,
      actionId: lever.actionId,
      kind: lever.kind,
      label: lever.label,
      ...compare(baseline, alone, topUnits, pole),
      problems: alone.problems.filter((p) => !known.has(p)),
    };
  });
  // The estimate was computed here once for every run: report it as such, not as a given matrix.
  const source = options.travelTimes ? undefined : travelTimes ? ('crow-fly-estimate' as const) : undefined;
  const relabel = (r: SkillsResult): SkillsResult => (source ? { ...r, reach: { ...r.reach, source } } : r);
  const baselineResult = relabel(baseline);
  const combinedResult = combined === baseline ? baselineResult : relabel(combined);
  return {
    baseline: baselineResult,
    combined: combinedResult,
    combinedByHorizon: compare(baseline, combined, 0, pole).byHorizon,
    effects,
  };
}
