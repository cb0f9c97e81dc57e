import { compileScenario } from './compile.ts';
import { computeDemand } from './demand.ts';
import type { Lever, TravelTimeLever } from './levers.ts';
import { matchCandidates } from './matching.ts';
import {
  applyTravelTimeLevers,
  crowFlyTravelTimes,
  poleAccess,
  relativePoleAccess,
  territoryReach,
} from './reach.ts';
import type { TravelTimes } from './reach.ts';
import type { OccupationFamily } from './families.ts';
import { occupationFamily } from './scenario.ts';
import type { SkillsScenario } from './scenario.ts';
import { computeCandidatePool } from './supply.ts';
import { HORIZONS, MODEL_YEARS } from './units.ts';
import type { Horizon } from './units.ts';

export type ReachSource = 'matrix' | 'crow-fly-estimate' | 'none';

/**
 * Result of the skills model. Every array is indexed by unit `(h * T + t) * O + o` where `h` indexes
 * {@link HORIZONS}, `t` the scenario's territories and `o` its occupations; values are cumulative
 * from the first year to the horizon.
 */
export interface SkillsResult {
  scenarioName: string;
  illustrative: boolean;
  horizons: readonly Horizon[];
  occupations: readonly string[];
  /** Family of each occupation, in the order of `occupations`. */
  families: readonly OccupationFamily[];
  territories: readonly string[];
  sizes: { horizons: number; territories: number; occupations: number; units: number };
  /** Positions to fill, by origin; `total` = needs + replacement + expansion. */
  demand: { needs: Float64Array; replacement: Float64Array; expansion: Float64Array; total: Float64Array };
  /** Candidates by place of residence before matching. */
  pool: {
    training: Float64Array;
    jobSeekers: Float64Array;
    otherEntrants: Float64Array;
    pulledOut: Float64Array;
    pulledIn: Float64Array;
    available: Float64Array;
  };
  /** Positions filled, by where the candidates came from; `total` = local + occupationalMobility + commuting. */
  supply: {
    local: Float64Array;
    occupationalMobility: Float64Array;
    commuting: Float64Array;
    total: Float64Array;
  };
  /** Candidates of the unit placed elsewhere (another occupation, another territory). */
  outflows: { occupationalMobility: Float64Array; commuting: Float64Array };
  /** Candidates of the unit left without a position. */
  surplus: Float64Array;
  /** demand − supply: positions left unfilled (negative only where demand itself is negative). */
  gap: Float64Array;
  /** gap / demand where demand > 0, else 0: 1 means no position filled. */
  tension: Float64Array;
  reach: { source: ReachSource; byHorizon: readonly Float64Array[] };
  /** Inputs the model skipped or could not apply, in words. */
  problems: string[];
}

/** Travel times estimated from commune coordinates, when every commune of a territory has them. */
export function estimatedTravelTimes(scenario: SkillsScenario): TravelTimes | undefined {
  const points: { id: string; lon: number; lat: number }[] = [];
  for (const territory of scenario.territories) {
    if (territory.kind === 'cross-border-pole') continue;
    for (const c of territory.communes) {
      if (c.lon === undefined || c.lat === undefined) return undefined;
      points.push({ id: c.code, lon: c.lon, lat: c.lat });
    }
  }
  return points.length ? { car: crowFlyTravelTimes({ points }) } : undefined;
}

interface TravelEffects {
  /** Per horizon, T × T reach (mean over the horizon's years). */
  reach: Float64Array[];
  /**
   * Per year (MODEL_YEARS × T), the pull multiplier of each territory: its share of residents within
   * reach of the pole zone, relative to `accessibility.reference` when given; or undefined.
   */
  poleAccess: Float64Array | undefined;
}

function travelEffects(
  scenario: SkillsScenario,
  travelTimes: TravelTimes | undefined,
  levers: readonly Lever[],
  problems: string[],
): TravelEffects {
  const T = scenario.territories.length;
  if (!travelTimes) return { reach: HORIZONS.map(() => new Float64Array(T * T)), poleAccess: undefined };
  const travelLevers = levers.filter((l): l is TravelTimeLever => l.kind === 'travel-time');
  problems.push(...applyTravelTimeLevers(travelTimes, travelLevers).problems);
  const accessibility = scenario.crossBorderPull.accessibility;
  const cache = new Map<string, { reach: Float64Array; access: Float64Array | undefined }>();
  const yearly: { reach: Float64Array; access: Float64Array | undefined }[] = [];
  for (let year = 1; year <= MODEL_YEARS; year++) {
    const active = travelLevers.filter((l) => l.fromYear <= year);
    const key = active.map((l) => l.id).join('\u0000');
    let effects = cache.get(key);
    if (!effects) {
      const changed = applyTravelTimeLevers(travelTimes, active).travelTimes;
      const computed = territoryReach({
        territories: scenario.territories,
        travelTimes: changed,
        limits: scenario.reach,
      });
      if (cache.size === 0 && computed.unmappedCommunes.length)
        problems.push(
          `${computed.unmappedCommunes.length} communes are in no zone of the travel-time matrix (e.g. ${computed.unmappedCommunes.slice(0, 3).join(', ')})`,
        );
      let access: Float64Array | undefined;
      if (accessibility) {
        const { reference, ...limits } = accessibility;
        const result = poleAccess({
          territories: scenario.territories,
          travelTimes: changed,
          ...limits,
          carAccessShare: scenario.reach.carAccessShare,
        });
        if (result.missingZone) {
          if (cache.size === 0)
            problems.push(`cross-border pull: zone ${accessibility.zone} is not in the travel-time matrix`);
        } else
          access = reference
            ? relativePoleAccess({
                access: result.access,
                territoryIds: scenario.territories.map((t) => t.id),
                reference,
              })
            : result.access;
      }
      effects = { reach: computed.reach, access };
      cache.set(key, effects);
    }
    yearly.push(effects);
  }
  let poleAccessByYear: Float64Array | undefined;
  if (yearly.every((y) => y.access)) {
    poleAccessByYear = new Float64Array(MODEL_YEARS * T);
    yearly.forEach((y, i) => poleAccessByYear!.set(y.access!, i * T));
  }
  // A horizon's reach is the mean over its years, so a change from year 3 counts for 3/5 of horizon 5.
  const reach = HORIZONS.map((horizon) => {
    const mean = new Float64Array(T * T);
    for (let year = 0; year < horizon; year++) {
      const r = yearly[year]!.reach;
      for (let k = 0; k < mean.length; k++) mean[k] = mean[k]! + r[k]! / horizon;
    }
    return mean;
  });
  return { reach, poleAccess: poleAccessByYear };
}

/**
 * Runs the skills model: demand, candidate pool, matching, gaps and tension for every occupation,
 * territory and horizon.
 *
 * @param options.scenario - a validated scenario (see `parseSkillsScenario`)
 * @param options.travelTimes - zone-to-zone matrices from the mobility model; absent: estimated from
 *   commune coordinates when the scenario has them, else no commuting between territories
 * @param options.levers - levers to apply instead of `scenario.levers` (e.g. `[]` for the baseline)
 * @example
 * const result = runSkillsModel({ scenario: parseSkillsScenario(json) });
 * rankUnits({ result, horizon: 5 })[0]; // the tightest occupation × territory
 */
export function runSkillsModel(options: {
  scenario: SkillsScenario;
  travelTimes?: TravelTimes | undefined;
  levers?: readonly Lever[];
}): SkillsResult {
  const { scenario } = options;
  const levers = options.levers ?? scenario.levers;
  const compiled = compileScenario(scenario);
  const { O, T } = compiled;
  const H = HORIZONS.length;
  const problems: string[] = [];

  const demand = computeDemand(compiled);
  for (const skipped of demand.skippedNeeds) problems.push(`need ${skipped.id}: ${skipped.reason}`);

  let travelTimes = options.travelTimes;
  let source: ReachSource = 'matrix';
  if (!travelTimes) {
    travelTimes = estimatedTravelTimes(scenario);
    source = travelTimes ? 'crow-fly-estimate' : 'none';
  }
  const travel = travelEffects(scenario, travelTimes, levers, problems);
  const reach = travel.reach;
  const pool = computeCandidatePool(compiled, levers, travel.poleAccess);
  problems.push(...pool.problems);

  const matched = matchCandidates({
    O,
    T,
    H,
    demand: demand.total,
    available: pool.available,
    mobilityFrom: compiled.mobilityFrom,
    mobilityTo: compiled.mobilityTo,
    mobilityRate: compiled.mobilityRate,
    reach,
  });

  const size = H * T * O;
  const supplyTotal = new Float64Array(size);
  const gap = new Float64Array(size);
  const tension = new Float64Array(size);
  for (let u = 0; u < size; u++) {
    supplyTotal[u] = matched.local[u]! + matched.mobilityIn[u]! + matched.commutingIn[u]!;
    const d = demand.total[u]!;
    gap[u] = d - supplyTotal[u]!;
    tension[u] = d > 0 ? gap[u]! / d : 0;
  }

  return {
    scenarioName: scenario.name,
    illustrative: scenario.illustrative,
    horizons: HORIZONS,
    occupations: scenario.occupations.map((o) => o.code),
    families: scenario.occupations.map((o) => occupationFamily(o)),
    territories: scenario.territories.map((t) => t.id),
    sizes: { horizons: H, territories: T, occupations: O, units: size },
    demand: {
      needs: demand.needs,
      replacement: demand.replacement,
      expansion: demand.expansion,
      total: demand.total,
    },
    pool: {
      training: pool.training,
      jobSeekers: pool.jobSeekers,
      otherEntrants: pool.otherEntrants,
      pulledOut: pool.pulledOut,
      pulledIn: pool.pulledIn,
      available: pool.available,
    },
    supply: {
      local: matched.local,
      occupationalMobility: matched.mobilityIn,
      commuting: matched.commutingIn,
      total: supplyTotal,
    },
    outflows: { occupationalMobility: matched.mobilityOut, commuting: matched.commutingOut },
    surplus: matched.surplus,
    gap,
    tension,
    reach: { source, byHorizon: reach },
    problems,
  };
}
