// The models' results for a report: each scenario of the workshop run by the scenario lab's own
// code path (resolve → compile → run, the skills part on the skims of the same scenario's mobility
// result), so that the report prints exactly what the lab showed, with the lab's fingerprint.
import { runModel, type ModelResult } from '../mobility/model/run-model.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import {
  compareResults,
  compileScenario,
  indicatorValue,
  INDICATORS,
  LAB_MODEL_VERSIONS,
  mobilityInputsHash,
  resolveScenario,
  runSkillsPart,
  scenarioHash,
  summariseMobility,
  canonicalJson,
  type CompiledScenario,
  type LabResult,
} from '../scenario-lab/index.ts';
import type { Need, Scenario, ScenarioChange } from '../realtime/content-doc.ts';
import type { ReportLocale } from './format.ts';
import { reportMap } from './map-data.ts';
import type { ReportModelResults, ReportScenarioRun } from './report.ts';

/** The horizons of the trend chart (years), those the skills model computes. */
const TREND_HORIZONS = [1, 3, 5, 10] as const;

// The mobility model takes about a second and depends only on its inputs: results are kept per
// set of inputs (the scenario's name left out) for the life of the process, as the lab's runner
// keeps them per page.
const mobilityCache = new Map<string, { model: ModelResult; summary: NonNullable<LabResult['mobility']> }>();
function mobilityOf(compiled: CompiledScenario) {
  const key = canonicalJson({ ...compiled.mobility, name: '' });
  let entry = mobilityCache.get(key);
  if (!entry) {
    const model = runModel({ territory: NORTH_LORRAINE, scenario: compiled.mobility });
    entry = { model, summary: summariseMobility(model, NORTH_LORRAINE) };
    if (mobilityCache.size > 20) mobilityCache.clear();
    mobilityCache.set(key, entry);
  }
  return entry;
}

/**
 * One scenario run as the lab's runner runs it: the mobility model, then the skills part on that
 * result's skims (the same as `runScenarioLab(compiled)` with both parts).
 */
function runLab(compiled: CompiledScenario): { lab: LabResult; model: ModelResult | null } {
  const lab: LabResult = {
    hash: scenarioHash(compiled),
    versions: LAB_MODEL_VERSIONS,
    problems: [...compiled.problems],
    ms: {},
  };
  let model: ModelResult | null = null;
  try {
    const mobility = mobilityOf(compiled);
    model = mobility.model;
    lab.mobility = mobility.summary;
  } catch (error) {
    lab.problems.push({ key: 'mobility', message: error instanceof Error ? error.message : String(error) });
  }
  try {
    lab.skills = runSkillsPart(compiled.skills, {
      skims: model ? { mobilityHash: mobilityInputsHash(compiled), skims: model.skims } : undefined,
      territory: NORTH_LORRAINE,
    });
  } catch (error) {
    lab.problems.push({ key: 'skills', message: error instanceof Error ? error.message : String(error) });
  }
  return { lab, model };
}

/** The values of every indicator the lab compares, and the skills figures the report charts. */
function runFigures(lab: LabResult): Pick<ReportScenarioRun, 'indicators' | 'trend' | 'families'> {
  const indicators = Object.fromEntries(
    INDICATORS.map((id) => [id, indicatorValue(lab, id)]),
  ) as ReportScenarioRun['indicators'];
  const totals = lab.skills?.totals ?? [];
  return {
    indicators,
    trend: TREND_HORIZONS.flatMap((horizon) => {
      const total = totals.find((t) => t.horizon === horizon);
      return total ? [{ horizon, demand: total.demand, gap: total.gap, tension: total.tension }] : [];
    }),
    families: (lab.skills?.gapsByFamily ?? [])
      .filter((row) => row.horizon === 5)
      .map((row) => ({ family: row.family, demand: row.demand, gap: row.gap })),
  };
}

/**
 * The models' results for a report: every scenario of the workshop run through the scenario lab
 * (its effective changes resolved through the parent chain, compiled with its title, as the lab
 * compiles it), each variant compared with the scenario it was forked from, in the report's
 * language, and the map of the reference. A workshop without scenarios gets one run of the
 * models' defaults. Each run carries the lab's fingerprint (`scenarioHash`).
 *
 * @param options.needs - the workshop's needs (their occupation families select the report's rows)
 * @param options.scenarios - the workshop's scenarios, at the exported version
 * @param options.scenarioChanges - the lab's changes, at the exported version
 * @example modelResults({ needs, scenarios, scenarioChanges, locale: 'fr' }).runs[0].fingerprint
 */
export function modelResults(options: {
  needs: readonly Need[];
  scenarios: readonly Scenario[];
  scenarioChanges?: readonly ScenarioChange[];
  locale?: ReportLocale;
}): ReportModelResults {
  const locale = options.locale ?? 'fr';
  const entries = { scenarios: [...options.scenarios], changes: [...(options.scenarioChanges ?? [])] };
  const known = new Set(options.scenarios.map((s) => s.id));
  const targets: { scenario: Scenario | null }[] =
    options.scenarios.length > 0 ? options.scenarios.map((scenario) => ({ scenario })) : [{ scenario: null }];
  const labs = new Map<string | null, LabResult>();
  let referenceModel: ModelResult | null = null;
  const runs: ReportScenarioRun[] = targets.map(({ scenario }) => {
    const resolved = scenario ? resolveScenario(entries, scenario.id).changes : [];
    const compiled = compileScenario(
      resolved.map(({ key, value }) => ({ key, value })),
      scenario ? { name: scenario.title } : {},
    );
    const { lab, model } = runLab(compiled);
    const id = scenario?.id ?? null;
    labs.set(id, lab);
    const parentId = scenario?.parentId && known.has(scenario.parentId) ? scenario.parentId : null;
    if (parentId === null && referenceModel === null) referenceModel = model;
    return {
      scenarioId: id,
      parentId,
      fingerprint: lab.hash,
      changes: resolved.map((change) => ({
        key: change.key,
        value: change.value,
        reason: change.reason,
        origin: change.origin,
      })),
      problems: lab.problems.map((p) => ({ key: p.key, message: p.message })),
      ...runFigures(lab),
    };
  });
  const comparisons = runs.flatMap((run) => {
    const reference = run.parentId === null ? undefined : labs.get(run.parentId);
    const variant = labs.get(run.scenarioId);
    if (!reference || !variant || run.scenarioId === null) return [];
    return [
      {
        scenarioId: run.scenarioId,
        referenceId: run.parentId!,
        rows: compareResults(reference, variant, locale)
          .filter((row) => row.a !== null && row.b !== null)
          .map((row) => ({
            id: row.id,
            unit: row.unit,
            name: row.name,
            baseline: row.aText,
            scenario: row.bText,
            difference: row.absoluteText,
            relative: row.relative,
            sentence: row.sentence,
          })),
      },
    ];
  });
  const anyLab = labs.values().next().value as LabResult | undefined;
  return {
    versions: { ...LAB_MODEL_VERSIONS },
    illustrative:
      (anyLab?.skills?.illustrative ?? false) ||
      (anyLab?.mobility?.illustrative ?? false) ||
      NORTH_LORRAINE.illustrative.length > 0,
    runs,
    comparisons,
    ...(referenceModel ? { map: reportMap({ result: referenceModel, indicator: 'ptShare' }) } : {}),
  };
}
