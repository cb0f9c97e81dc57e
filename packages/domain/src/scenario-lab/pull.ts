/**
 * The lab's coupling of the cross-border pull to travel times: each territory's pull towards
 * Luxembourg moves with its residents' access to the mobility model's Luxembourg zone, relative to
 * the baseline scenario's access, so the baseline keeps the calibrated pull and a faster link to
 * Luxembourg draws more candidates.
 */
import { runModel } from '../mobility/model/run-model.ts';
import type { Territory } from '../mobility/territory/territory.ts';
import { poleAccess } from '../skills/reach.ts';
import type { SkillsScenario } from '../skills/scenario.ts';
import { compileScenario } from './compile.ts';
import { mobilityInputsHash } from './hash.ts';
import { labTravelTimes, type LabSkims, type Skims } from './skims.ts';

/** The mobility model's external zone for Luxembourg, the cross-border pole. */
export const LAB_PULL_ZONE = 'X-LUX';

/** Commuting limits to the pole zone (the skills model's defaults for `accessibility`). */
const LAB_PULL_LIMITS = { carMinutes: 60, ptMinutes: 60 } as const;

type Accessibility = NonNullable<SkillsScenario['crossBorderPull']['accessibility']>;

/** The baseline scenario's skims by mobility territory: one baseline mobility run per territory and process. */
const baselineSkims = new WeakMap<Territory, Skims>();

let baselineHash: string | undefined;

/**
 * The skims of the lab's baseline scenario (no changes) on `territory`, memoised. `current`, the
 * skims the skills part runs on, are the baseline's when their inputs' hash says so: the lab opens
 * on the baseline, so it then needs no mobility run of its own.
 */
function baselineSkimsOf(territory: Territory, current: LabSkims | undefined): Skims {
  let skims = baselineSkims.get(territory);
  if (!skims) {
    const baseline = compileScenario([]);
    baselineHash ??= mobilityInputsHash(baseline);
    skims =
      current?.mobilityHash === baselineHash
        ? current.skims
        : runModel({ territory, scenario: baseline.mobility }).skims;
    baselineSkims.set(territory, skims);
  }
  return skims;
}

/**
 * Pole access of each skills territory (by id) on the skims of the lab's baseline scenario (no
 * changes), with the scenario's communes and car access, so that only a change of travel times moves
 * the pull. The baseline skims are memoised per mobility territory: the first call takes `current`
 * when they are the baseline's, else runs the mobility model once; later calls only count residents
 * within reach (a few milliseconds).
 *
 * @param options.territory - the mobility territory, which must have the {@link LAB_PULL_ZONE} zone
 * @param options.scenario - the skills scenario (territories, communes, `reach.carAccessShare`)
 * @example labPullReference({ territory: NORTH_LORRAINE, scenario: defaultSkillsScenario() })['200039865'] // ≈ 0.74
 */
export function labPullReference(options: {
  territory: Territory;
  scenario: SkillsScenario;
  /** The skims the skills part runs on (the baseline's are memoised instead of computed). */
  current?: LabSkims;
}): Record<string, number> {
  const { territory, scenario } = options;
  return pullAccessOf({ territory, scenario, skims: baselineSkimsOf(territory, options.current) });
}

/** Pole access by territory id on the given skims, as the skills model computes it. */
function pullAccessOf(options: {
  skims: Skims;
  territory: Territory;
  scenario: SkillsScenario;
}): Record<string, number> {
  const { skims, territory, scenario } = options;
  const { access, missingZone } = poleAccess({
    territories: scenario.territories,
    travelTimes: labTravelTimes({
      skims,
      territory,
      communes: scenario.territories.flatMap((t) => t.communes),
    }),
    zone: LAB_PULL_ZONE,
    ...LAB_PULL_LIMITS,
    carAccessShare: scenario.reach.carAccessShare,
  });
  if (missingZone) return {};
  return Object.fromEntries(scenario.territories.map((t, i) => [t.id, access[i]!]));
}

/**
 * The `crossBorderPull.accessibility` the lab sets on skims of `territory`: zone {@link LAB_PULL_ZONE},
 * relative to the baseline's access (see {@link labPullReference}); undefined when the territory has no
 * such zone.
 *
 * @example labPullAccessibility({ territory: NORTH_LORRAINE, scenario })?.zone // 'X-LUX'
 */
export function labPullAccessibility(options: {
  territory: Territory;
  scenario: SkillsScenario;
  current?: LabSkims;
}): Accessibility | undefined {
  if (!options.territory.zones.some((zone) => zone.id === LAB_PULL_ZONE)) return undefined;
  return { zone: LAB_PULL_ZONE, ...LAB_PULL_LIMITS, reference: labPullReference(options) };
}
