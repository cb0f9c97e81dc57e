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

export interface LeverEffect {
  leverId: string;
  actionId: string | undefined;
  kind: Lever['kind'];
  label: string;
  byHorizon: { horizon: Horizon; gapClosed: number; shareOfGap: number }[];
  /** Units where the lever closes most, at each horizon. */
  topUnits: UnitEffect[];
  problems: string[];
}

export interface LeverEvaluation {
  baseline: SkillsResult;
  /** Every lever of the scenario together. */
  combined: SkillsResult;
  combinedByHorizon: { horizon: Horizon; gapClosed: number; shareOfGap: number }[];
  effects: LeverEffect[];
}

function compare(baseline: SkillsResult, other: SkillsResult, topPerHorizon: number) {
  const { territories: T, occupations: O, horizons: H } = baseline.sizes;
  const byHorizon: LeverEffect['byHorizon'] = [];
  const topUnits: UnitEffect[] = [];
  for (let h = 0; h < H; h++) {
    let closed = 0;
    let gap = 0;
    const units: { u: number; closed: number }[] = [];
    for (let u = h * T * O; u < (h + 1) * T * O; u++) {
      const delta = baseline.gap[u]! - other.gap[u]!;
      gap += Math.max(0, baseline.gap[u]!);
      closed += delta;
      if (Math.abs(delta) > 1e-9) units.push({ u, closed: delta });
    }
    const horizon = baseline.horizons[h]!;
    byHorizon.push({ horizon, gapClosed: closed, shareOfGap: gap > 0 ? closed / gap : 0 });
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
  const effects = scenario.levers.map((lever): LeverEffect => {
    const alone = run([lever]);
    return {
      leverId: lever.id,
      actionId: lever.actionId,
      kind: lever.kind,
      label: lever.label,
      ...compare(baseline, alone, topUnits),
      problems: alone.problems.filter((p) => !known.has(p)),
    };
  });
  // Report the reach source of the caller's choice, not the pre-computed estimate.
  if (!options.travelTimes && travelTimes) {
    baseline.reach.source = 'crow-fly-estimate';
    combined.reach.source = 'crow-fly-estimate';
  }
  return { baseline, combined, combinedByHorizon: compare(baseline, combined, 0).byHorizon, effects };
}
