/**
 * Runs both models on a compiled scenario and keeps a compact, typed result for the live view.
 */
import type { Mode } from '../mobility/demand/purposes.ts';
import { runModel, type ModelResult } from '../mobility/model/run-model.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import type { Territory } from '../mobility/territory/territory.ts';
import { defaultSkillsScenario, LUXEMBOURG_ID } from '../skills/data/default-scenario.ts';
import { evaluateLevers } from '../skills/effects.ts';
import type { OccupationFamily } from '../skills/families.ts';
import type { SkillsScenario } from '../skills/scenario.ts';
import type { Horizon } from '../skills/units.ts';
import type { CompiledScenario, CompiledSkills, LabProblem } from './compile.ts';
import { mobilityInputsHash, scenarioHash } from './hash.ts';
import { labPullAccessibility } from './pull.ts';
import { labTravelTimes, zoneTerritories, type LabSkims, type LabTravelTimesSource } from './skims.ts';

/**
 * Versions of the models behind a result (bump when a model's method or data changes). `lab` 2: the
 * skills part's commuting reach runs on the mobility model's skims of the same scenario; 5: its pull
 * towards Luxembourg moves with access to the X-LUX zone relative to the baseline's.
 */
export const LAB_MODEL_VERSIONS = {
  mobility: 'mobility-north-lorraine-3',
  skills: 'skills-north-lorraine-2',
  lab: 'scenario-lab-5',
} as const;

export type ModeShares = Record<Mode, number>;

export interface MobilitySummary {
  modeShares: ModeShares;
  ptShare: number;
  sharesByZone: { zone: string; name: string; trips: number; shares: ModeShares }[];
  meanTravelMinutes: ModeShares;
  /** Shares of all trips (intrazonal ones included) of at most 1 and 3 km. */
  tripLengths: { upTo1Km: number; upTo3Km: number };
  vehicleKm: number;
  co2TonnesPerDay: number;
  dysfunctions: {
    linksOver90: number;
    linksOver100: number;
    slowPtPairCount: number;
    overloadedPtSegments: number;
    /** The most loaded road sections (volume / capacity), at most 10. */
    topLinks: {
      from: string;
      to: string;
      fromName: string;
      toName: string;
      name: string;
      volumeCapacity: number;
      dailyVolume: number;
    }[];
  };
  accessibility: { zone: string; name: string; car30: number; car45: number; pt30: number; pt45: number }[];
  /** Jobs reachable in 45 minutes by PT, averaged over zones weighted by trips. */
  meanPtJobs45: number;
  convergence: ModelResult['convergence'];
  illustrative: boolean;
}

export interface SkillsSummary {
  horizons: Horizon[];
  /**
   * Unfilled positions outside the cross-border pole, per horizon; `pulledToPole`: the local
   * candidates drawn to jobs in the pole by then.
   */
  totals: {
    horizon: Horizon;
    demand: number;
    supply: number;
    gap: number;
    tension: number;
    pulledToPole: number;
  }[];
  /** Unfilled positions by occupation family and horizon, outside the pole. */
  gapsByFamily: { family: OccupationFamily; horizon: Horizon; demand: number; gap: number }[];
  /** Per lever and horizon: positions filled and share of the baseline gap closed (outside the pole). */
  levers: {
    leverId: string;
    label: string;
    kind: string;
    byHorizon: { horizon: Horizon; gapClosed: number; share: number }[];
  }[];
  combined: { horizon: Horizon; gapClosed: number; share: number }[];
  /** Demand and unfilled positions by territory (EPCI) and horizon, the cross-border pole left out. */
  byTerritory: { territory: string; name: string; horizon: Horizon; demand: number; gap: number }[];
  /** The territory (EPCI) of each internal mobility zone, through its communes. */
  zoneTerritory: Record<string, string>;
  /** The commuting times the model used: the mobility model's skims of which inputs, or an estimate. */
  travelTimes: { source: LabTravelTimesSource; mobilityHash: string | null; mobilityVersion: string | null };
  illustrative: boolean;
  problems: string[];
}

export interface LabResult {
  hash: string;
  versions: typeof LAB_MODEL_VERSIONS;
  mobility?: MobilitySummary;
  skills?: SkillsSummary;
  /** Compile problems, and model errors (key `mobility` or `skills`). */
  problems: LabProblem[];
  ms: { mobility?: number; skills?: number };
}

let defaultSkills: SkillsScenario | undefined;

/** The default skills scenario with a compiled scenario's changes. */
export function skillsScenarioOf(skills: CompiledSkills, base?: SkillsScenario): SkillsScenario {
  const scenario = base ?? (defaultSkills ??= defaultSkillsScenario());
  return {
    ...scenario,
    growthRates: { ...scenario.growthRates, ...skills.growthRates },
    crossBorderPull:
      skills.crossBorderPull === undefined
        ? scenario.crossBorderPull
        : { ...scenario.crossBorderPull, share: skills.crossBorderPull },
    jobSeekerMatchRate: skills.jobSeekerMatchRate ?? scenario.jobSeekerMatchRate,
    reach: { ...scenario.reach, ...skills.reach },
    levers: [...scenario.levers, ...skills.levers],
  };
}

/**
 * The scenario with its pull towards Luxembourg tied to the skims of `territory`, relative to the
 * baseline's (see `labPullAccessibility`); unchanged without skims or when the scenario sets its own
 * coupling.
 */
function withLabPull(
  scenario: SkillsScenario,
  territory: Territory,
  skims: LabSkims | undefined,
): SkillsScenario {
  if (!skims || scenario.crossBorderPull.accessibility) return scenario;
  const accessibility = labPullAccessibility({ territory, scenario, current: skims });
  return accessibility
    ? { ...scenario, crossBorderPull: { ...scenario.crossBorderPull, accessibility } }
    : scenario;
}

/** A compact summary of a mobility model result. */
export function summariseMobility(
  result: ModelResult,
  territory: Territory = NORTH_LORRAINE,
): MobilitySummary {
  const names = new Map(territory.zones.map((z) => [z.id, z.name]));
  const tripsByZone = new Map(result.sharesByZone.map((z) => [z.zone, z.trips]));
  let weight = 0;
  let jobs = 0;
  for (const a of result.accessibility) {
    const w = tripsByZone.get(a.zone) ?? 0;
    weight += w;
    jobs += w * a.pt45;
  }
  return {
    modeShares: result.modeShares,
    ptShare: result.modeShares.pt,
    sharesByZone: result.sharesByZone.map((z) => ({
      zone: z.zone,
      name: z.name,
      trips: z.trips,
      shares: z.shares,
    })),
    meanTravelMinutes: result.meanTravelMinutes,
    tripLengths: { upTo1Km: result.tripLengths.upTo1Km, upTo3Km: result.tripLengths.upTo3Km },
    vehicleKm: result.vehicleKm,
    co2TonnesPerDay: result.co2.tonnesPerDay,
    dysfunctions: {
      linksOver90: result.dysfunctions.linksOver90,
      linksOver100: result.dysfunctions.linksOver100,
      slowPtPairCount: result.dysfunctions.slowPtPairCount,
      overloadedPtSegments: result.dysfunctions.overloadedPtSegments.length,
      topLinks: result.dysfunctions.congestedLinks.slice(0, 10).map((l) => ({
        from: l.from,
        to: l.to,
        fromName: names.get(l.from) ?? l.from,
        toName: names.get(l.to) ?? l.to,
        name: l.name,
        volumeCapacity: l.volumeCapacity,
        dailyVolume: l.dailyVolume,
      })),
    },
    accessibility: result.accessibility,
    meanPtJobs45: weight > 0 ? jobs / weight : 0,
    convergence: result.convergence,
    illustrative: result.illustrative.length > 0,
  };
}

/**
 * Runs the skills model with its levers evaluated one by one, and summarises it. With `skims`, its
 * commuting reach uses the mobility model's car and PT minutes between the zones of `territory`;
 * without, the crow-fly estimate from commune centroids.
 *
 * @param skills - the compiled scenario's skills part
 * @param options.skims - a mobility result's skims and the hash of the mobility inputs behind them
 * @param options.territory - the mobility territory (zones and their communes), North Lorraine by default
 * @param options.base - the skills scenario the changes apply to (the default one otherwise)
 * @example runSkillsPart(compiled.skills, { skims: { mobilityHash, skims: model.skims } }).travelTimes.source // 'mobility-skims'
 */
export function runSkillsPart(
  skills: CompiledSkills,
  options: { skims?: LabSkims | undefined; territory?: Territory; base?: SkillsScenario } = {},
): SkillsSummary {
  const territory = options.territory ?? NORTH_LORRAINE;
  const scenario = withLabPull(skillsScenarioOf(skills, options.base), territory, options.skims);
  const travelTimes = options.skims
    ? labTravelTimes({
        skims: options.skims.skims,
        territory,
        communes: scenario.territories.flatMap((t) => t.communes),
      })
    : undefined;
  const evaluation = evaluateLevers({ scenario, travelTimes, topUnits: 0 });
  const result = evaluation.combined;
  const { territories: T, occupations: O } = result.sizes;
  const pole = result.territories.indexOf(LUXEMBOURG_ID);
  const totals: SkillsSummary['totals'] = [];
  const gapsByFamily: SkillsSummary['gapsByFamily'] = [];
  const byTerritory: SkillsSummary['byTerritory'] = [];
  const names = new Map<string, string>(scenario.territories.map((t) => [t.id, t.name]));
  result.horizons.forEach((horizon, h) => {
    const perFamily = new Map<OccupationFamily, { demand: number; gap: number }>();
    let demand = 0;
    let supply = 0;
    let gap = 0;
    let pulledToPole = 0;
    for (let t = 0; t < T; t++) {
      if (t === pole) continue;
      let territoryDemand = 0;
      let territoryGap = 0;
      for (let o = 0; o < O; o++) {
        const u = (h * T + t) * O + o;
        const family = result.families[o]!;
        const entry = perFamily.get(family) ?? { demand: 0, gap: 0 };
        entry.demand += result.demand.total[u]!;
        entry.gap += Math.max(0, result.gap[u]!);
        perFamily.set(family, entry);
        demand += result.demand.total[u]!;
        supply += result.supply.total[u]!;
        pulledToPole += result.pool.pulledOut[u]!;
        gap += Math.max(0, result.gap[u]!);
        territoryDemand += result.demand.total[u]!;
        territoryGap += Math.max(0, result.gap[u]!);
      }
      const id = result.territories[t]!;
      byTerritory.push({
        territory: id,
        name: names.get(id) ?? id,
        horizon,
        demand: territoryDemand,
        gap: territoryGap,
      });
    }
    totals.push({ horizon, demand, supply, gap, tension: demand > 0 ? gap / demand : 0, pulledToPole });
    for (const [family, entry] of perFamily) gapsByFamily.push({ family, horizon, ...entry });
  });
  return {
    horizons: [...result.horizons],
    totals,
    gapsByFamily,
    levers: evaluation.effects.map((e) => ({
      leverId: e.leverId,
      label: e.label,
      kind: e.kind,
      byHorizon: e.byHorizon.map((b) => ({
        horizon: b.horizon,
        gapClosed: b.gapClosedOutsidePole,
        share: b.shareOfGapOutsidePole,
      })),
    })),
    combined: evaluation.combinedByHorizon.map((b) => ({
      horizon: b.horizon,
      gapClosed: b.gapClosedOutsidePole,
      share: b.shareOfGapOutsidePole,
    })),
    byTerritory,
    zoneTerritory: zoneTerritories({
      zones: territory.zones.filter((zone) => zone.kind === 'internal'),
      territories: scenario.territories,
    }),
    travelTimes: {
      source: options.skims
        ? 'mobility-skims'
        : result.reach.source === 'none'
          ? 'none'
          : 'crow-fly-estimate',
      mobilityHash: options.skims?.mobilityHash ?? null,
      mobilityVersion: options.skims ? LAB_MODEL_VERSIONS.mobility : null,
    },
    illustrative: scenario.illustrative,
    problems: result.problems,
  };
}

/**
 * Runs the mobility and skills models on a compiled scenario (see `compileScenario`).
 *
 * Run together, the skills part uses the skims of this scenario's mobility result (the crow-fly
 * estimate if the mobility model failed). Run alone, it uses `options.skims` when given.
 *
 * @param options.parts - run only one model (the live view runs them as separate steps)
 * @param options.skims - for `parts: 'skills'`: a mobility result's skims and their inputs' hash
 * @param options.onModel - receives the full mobility result (e.g. for the map)
 * @example const result = runScenarioLab(compileScenario(resolveScenario(doc, id).changes)); result.mobility?.ptShare
 */
export function runScenarioLab(
  compiled: CompiledScenario,
  options: {
    parts?: 'all' | 'mobility' | 'skills';
    territory?: Territory;
    skims?: LabSkims;
    onModel?: (model: ModelResult) => void;
  } = {},
): LabResult {
  const parts = options.parts ?? 'all';
  const territory = options.territory ?? NORTH_LORRAINE;
  const lab: LabResult = {
    hash: scenarioHash(compiled),
    versions: LAB_MODEL_VERSIONS,
    problems: [...compiled.problems],
    ms: {},
  };
  let skims = parts === 'skills' ? options.skims : undefined;
  if (parts !== 'skills') {
    const start = performance.now();
    try {
      const model = runModel({ territory, scenario: compiled.mobility });
      lab.mobility = summariseMobility(model, territory);
      skims = { mobilityHash: mobilityInputsHash(compiled), skims: model.skims };
      options.onModel?.(model);
    } catch (error) {
      lab.problems.push({ key: 'mobility', message: error instanceof Error ? error.message : String(error) });
    }
    lab.ms.mobility = performance.now() - start;
  }
  if (parts !== 'mobility') {
    const start = performance.now();
    try {
      lab.skills = runSkillsPart(compiled.skills, { skims, territory });
    } catch (error) {
      lab.problems.push({ key: 'skills', message: error instanceof Error ? error.message : String(error) });
    }
    lab.ms.skills = performance.now() - start;
  }
  return lab;
}
