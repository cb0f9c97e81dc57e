// Supply before matching: the candidates each territory produces by each horizon — graduates of
// training programmes entering the local labour market, job seekers placed — less the share the
// cross-border pole draws away (which becomes the pole's candidate pool).
import type { CompiledScenario } from './compile.ts';
import type { Lever } from './levers.ts';
import { HORIZONS, MODEL_YEARS } from './units.ts';

export interface CandidatePool {
  /** Per unit `(h * T + t) * O + o`, cumulative from year 1 to the horizon. */
  training: Float64Array;
  jobSeekers: Float64Array;
  /** Young people entering from initial education outside the listed programmes. */
  otherEntrants: Float64Array;
  /** Candidates of the unit drawn to the cross-border pole (0 for the pole itself). */
  pulledOut: Float64Array;
  /** Candidates the pole receives (0 outside the pole). */
  pulledIn: Float64Array;
  /** training + jobSeekers + otherEntrants − pulledOut + pulledIn, never negative. */
  available: Float64Array;
  problems: string[];
}

interface Intake {
  t: number;
  occupations: readonly { o: number; share: number }[];
  seats: number;
  durationYears: number;
  completionRate: number;
  localEntryShare: number;
  /** First intake year; 0 or less: a programme already running (graduates from year 1). */
  firstIntake: number;
}

/** Adds graduates of an intake to the yearly training array: cohort of year k graduates into year k + duration. */
function addGraduates(yearly: Float64Array, compiled: CompiledScenario, intake: Intake): void {
  const { O, T } = compiled;
  const perYear = intake.seats * intake.completionRate * intake.localEntryShare;
  const firstYear = intake.firstIntake <= 0 ? 1 : intake.firstIntake + intake.durationYears;
  for (let year = Math.max(1, firstYear); year <= MODEL_YEARS; year++)
    for (const { o, share } of intake.occupations) {
      const k = ((year - 1) * T + intake.t) * O + o;
      yearly[k] = yearly[k]! + perYear * share;
    }
}

/**
 * The candidate pool by unit, with the levers of the scenario that act on supply applied.
 *
 * @param compiled - the indexed scenario
 * @param levers - the levers in force (usually `compiled.scenario.levers`)
 * @param poleAccess - per year (`(year - 1) * T + t`), each territory's pull multiplier: the share of
 *   its residents within reach of the pole, or that share relative to a reference (see
 *   `crossBorderPull.accessibility`); absent: the weights alone set the pull
 */
export function computeCandidatePool(
  compiled: CompiledScenario,
  levers: readonly Lever[],
  poleAccess?: Float64Array,
): CandidatePool {
  const { O, T, scenario } = compiled;
  const problems: string[] = [];
  const cells = T * O;
  const trainingYearly = new Float64Array(MODEL_YEARS * cells);

  const territoryOf = (communeCode: string | undefined, territory: string | undefined) =>
    communeCode !== undefined
      ? compiled.communeTerritory.get(communeCode)
      : compiled.territoryIndex.get(territory ?? '');
  const occupationsOf = (list: readonly { code: string; share: number }[], owner: string) =>
    list.flatMap(({ code, share }) => {
      const o = compiled.occupationIndex.get(code);
      if (o === undefined) problems.push(`${owner}: occupation ${code} is not modelled`);
      return o === undefined ? [] : [{ o, share }];
    });

  const programmes = new Map<string, Intake>();
  for (const p of scenario.programmes) {
    const t = territoryOf(p.communeCode, p.territory);
    if (t === undefined) {
      problems.push(`programme ${p.id}: ${p.communeCode ?? p.territory} is in no territory`);
      continue;
    }
    const intake: Intake = {
      t,
      occupations: occupationsOf(p.occupations, `programme ${p.id}`),
      seats: p.seatsPerYear,
      durationYears: p.durationYears,
      completionRate: p.completionRate,
      localEntryShare: p.localEntryShare,
      firstIntake: p.openingYear ?? 0,
    };
    programmes.set(p.id, intake);
    addGraduates(trainingYearly, compiled, intake);
  }

  // Allocated only when a recruitment drive needs it.
  let extraMatch: Float64Array | undefined;
  const pullShare = new Float64Array(MODEL_YEARS).fill(scenario.crossBorderPull.share);
  const pullFrom = new Int32Array(MODEL_YEARS); // fromYear of the pull lever in force, 0 = scenario's
  for (const lever of levers) {
    switch (lever.kind) {
      case 'training-seats': {
        const existing = lever.programmeId !== undefined ? programmes.get(lever.programmeId) : undefined;
        if (lever.programmeId !== undefined && !existing) {
          problems.push(`lever ${lever.id}: programme ${lever.programmeId} is not in the scenario`);
          break;
        }
        const t = existing?.t ?? territoryOf(undefined, lever.territory);
        const occupations =
          existing?.occupations ??
          occupationsOf(lever.occupation ? [{ code: lever.occupation, share: 1 }] : [], `lever ${lever.id}`);
        if (t === undefined || occupations.length === 0) {
          problems.push(
            `lever ${lever.id}: needs a programmeId, or an occupation and a territory of the scenario`,
          );
          break;
        }
        addGraduates(trainingYearly, compiled, {
          t,
          occupations,
          seats: lever.seats,
          durationYears: existing?.durationYears ?? lever.durationYears,
          completionRate: existing?.completionRate ?? lever.completionRate,
          localEntryShare: existing?.localEntryShare ?? lever.localEntryShare,
          firstIntake: lever.fromYear,
        });
        break;
      }
      case 'apprenticeship': {
        const t = compiled.territoryIndex.get(lever.territory);
        const o = compiled.occupationIndex.get(lever.occupation);
        if (t === undefined || o === undefined) {
          problems.push(`lever ${lever.id}: territory or occupation not in the scenario`);
          break;
        }
        addGraduates(trainingYearly, compiled, {
          t,
          occupations: [{ o, share: 1 }],
          seats: lever.seats,
          durationYears: lever.durationYears,
          completionRate: lever.completionRate,
          localEntryShare: lever.retentionShare,
          firstIntake: lever.fromYear,
        });
        break;
      }
      case 'recruitment-drive': {
        extraMatch ??= new Float64Array(MODEL_YEARS * cells);
        const extra = extraMatch;
        const os = lever.occupations.length
          ? lever.occupations.flatMap((c) => compiled.occupationIndex.get(c) ?? [])
          : Array.from({ length: O }, (_, o) => o);
        const ts = lever.territories.length
          ? lever.territories.flatMap((id) => compiled.territoryIndex.get(id) ?? [])
          : Array.from({ length: T }, (_, t) => t);
        for (let year = lever.fromYear; year <= MODEL_YEARS; year++)
          for (const t of ts)
            for (const o of os) {
              const k = ((year - 1) * T + t) * O + o;
              extra[k] = extra[k]! + lever.extraMatchRate;
            }
        break;
      }
      case 'cross-border-pull':
        for (let year = lever.fromYear; year <= MODEL_YEARS; year++)
          if (lever.fromYear >= pullFrom[year - 1]!) {
            pullShare[year - 1] = lever.share;
            pullFrom[year - 1] = lever.fromYear;
          }
        break;
      case 'travel-time':
        break; // acts on reach, not on the pool
      default: {
        const unreachable: never = lever;
        throw new Error(`unknown lever ${JSON.stringify(unreachable)}`);
      }
    }
  }

  const baseRate = scenario.jobSeekerMatchRate;
  const stock = compiled.jobSeekers;

  // Candidates are drawn only to occupations the pole employs or has register needs for; without a
  // pole in the scenario, the pull takes candidates out of the modelled area for every occupation.
  const pullable = new Float64Array(O).fill(1);
  if (compiled.pole >= 0) {
    for (let o = 0; o < O; o++) pullable[o] = compiled.employment[compiled.pole * O + o]! > 0 ? 1 : 0;
    for (const need of scenario.needs)
      if (need.communeCode === 'LU') {
        const o = compiled.occupationIndex.get(need.romeCode);
        if (o !== undefined) pullable[o] = 1;
      }
  }
  const weights = scenario.territories.map((t) =>
    t.kind === 'cross-border-pole' ? 0 : (scenario.crossBorderPull.territoryWeights[t.id] ?? 1),
  );
  const H = HORIZONS.length;
  const training = new Float64Array(H * cells);
  const jobSeekers = new Float64Array(H * cells);
  const otherEntrants = new Float64Array(H * cells);
  const entrantRate = scenario.otherEntrantRate;
  const pulledOut = new Float64Array(H * cells);
  const pulledIn = new Float64Array(H * cells);
  const available = new Float64Array(H * cells);
  const employment = compiled.employment;
  const runTraining = new Float64Array(cells);
  const runEntrants = new Float64Array(cells);
  const runSeekers = new Float64Array(cells);
  const runPulled = new Float64Array(cells);
  let h = 0;
  for (let year = 1; year <= MODEL_YEARS; year++) {
    const share = pullShare[year - 1]!;
    const offset = (year - 1) * cells;
    for (let t = 0; t < T; t++) {
      const access = poleAccess ? poleAccess[(year - 1) * T + t]! : 1;
      // At most 1: a relative multiplier above 1 could otherwise pull more than every candidate (the
      // schema keeps share, weights and access non-negative, so the pull is within 0..1).
      const pull = Math.min(1, share * weights[t]! * access);
      for (let cell = t * O; cell < (t + 1) * O; cell++) {
        const graduates = trainingYearly[offset + cell]!;
        const entrants = entrantRate * employment[cell]!;
        const rate = extraMatch ? Math.min(1, baseRate + extraMatch[offset + cell]!) : baseRate;
        const placed = stock[cell]! * rate;
        runTraining[cell] = runTraining[cell]! + graduates;
        runEntrants[cell] = runEntrants[cell]! + entrants;
        runSeekers[cell] = runSeekers[cell]! + placed;
        runPulled[cell] = runPulled[cell]! + pull * pullable[cell - t * O]! * (graduates + entrants + placed);
      }
    }
    if (year === HORIZONS[h]) {
      const offset = h * cells;
      training.set(runTraining, offset);
      jobSeekers.set(runSeekers, offset);
      otherEntrants.set(runEntrants, offset);
      pulledOut.set(runPulled, offset);
      if (compiled.pole >= 0)
        for (let t = 0; t < T; t++)
          for (let o = 0; o < O; o++) {
            const k = offset + compiled.pole * O + o;
            pulledIn[k] = pulledIn[k]! + runPulled[t * O + o]!;
          }
      for (let cell = 0; cell < cells; cell++) {
        const u = offset + cell;
        available[u] = Math.max(
          0,
          training[u]! + jobSeekers[u]! + otherEntrants[u]! - pulledOut[u]! + pulledIn[u]!,
        );
      }
      h += 1;
    }
  }
  return { training, jobSeekers, otherEntrants, pulledOut, pulledIn, available, problems };
}
