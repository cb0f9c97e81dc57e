// The models' results for a report: each scenario of the workshop compiled as the scenario lab
// compiles it (resolve → compile, with the lab's fingerprint), its figures taken from one run per
// fingerprint — stored by the caller (packages/db `scenarioRuns`) or computed here — so that the
// report prints exactly what the lab showed.
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import {
  compareIndicatorValues,
  compileScenario,
  LAB_MODEL_VERSIONS,
  resolveScenario,
  scenarioHash,
  type CompiledScenario,
  type EffectiveChange,
} from '../scenario-lab/index.ts';
import type { Need, Scenario, ScenarioChange } from '../realtime/content-doc.ts';
import type { ReportLocale } from './format.ts';
import type { ReportModelResults, ReportScenarioRun } from './report.ts';
import { computeScenarioRun, type ScenarioRunResult } from './scenario-run.ts';

/** One scenario of a workshop as the lab compiles it, with the lab's fingerprint of its inputs. */
export interface ScenarioRunTarget {
  /** The workshop's scenario; null for the models' defaults (a workshop without scenarios). */
  scenario: Scenario | null;
  /** Its parent when that is a scenario of the workshop. */
  parentId: string | null;
  changes: readonly EffectiveChange[];
  compiled: CompiledScenario;
  fingerprint: string;
}

/**
 * Every scenario of a workshop compiled as the lab compiles it (its effective changes resolved
 * through the parent chain, compiled with its title), with its fingerprint (`scenarioHash`). A
 * workshop without scenarios gets one target: the models' defaults.
 *
 * @example scenarioRunTargets({ scenarios, scenarioChanges }).map((t) => t.fingerprint)
 */
export function scenarioRunTargets(options: {
  scenarios: readonly Scenario[];
  scenarioChanges?: readonly ScenarioChange[] | undefined;
}): ScenarioRunTarget[] {
  const entries = { scenarios: [...options.scenarios], changes: [...(options.scenarioChanges ?? [])] };
  const known = new Set(options.scenarios.map((s) => s.id));
  const scenarios: (Scenario | null)[] = options.scenarios.length > 0 ? [...options.scenarios] : [null];
  return scenarios.map((scenario) => {
    const changes = scenario ? resolveScenario(entries, scenario.id).changes : [];
    const compiled = compileScenario(
      changes.map(({ key, value }) => ({ key, value })),
      scenario ? { name: scenario.title } : {},
    );
    return {
      scenario,
      parentId: scenario?.parentId && known.has(scenario.parentId) ? scenario.parentId : null,
      changes,
      compiled,
      fingerprint: scenarioHash(compiled),
    };
  });
}

/**
 * The report's model results from one run per target (looked up by fingerprint): each run's
 * figures as they were stored, the compile problems of its own inputs, each variant compared with
 * the scenario it was forked from in the report's language (the lab's sentences), and the map of
 * the reference (the first scenario without a parent).
 *
 * @param options.runs - fingerprint → the run's result and, when stored, when it was computed
 * @throws Error when a target's run is missing
 */
export function assembleModelResults(options: {
  targets: readonly ScenarioRunTarget[];
  runs: ReadonlyMap<string, { result: ScenarioRunResult; computedAt?: Date | undefined }>;
  locale?: ReportLocale | undefined;
}): ReportModelResults {
  const locale = options.locale ?? 'fr';
  const runOf = (target: ScenarioRunTarget) => {
    const run = options.runs.get(target.fingerprint);
    if (!run) throw new Error(`no run for the scenario fingerprint ${target.fingerprint}`);
    return run;
  };
  const runs: ReportScenarioRun[] = options.targets.map((target) => {
    const { result, computedAt } = runOf(target);
    return {
      scenarioId: target.scenario?.id ?? null,
      parentId: target.parentId,
      fingerprint: target.fingerprint,
      ...(computedAt ? { computedAt } : {}),
      changes: target.changes.map((change) => ({
        key: change.key,
        value: change.value,
        reason: change.reason,
        origin: change.origin,
      })),
      problems: [...target.compiled.problems, ...result.modelProblems].map((p) => ({
        key: p.key,
        message: p.message,
      })),
      indicators: result.indicators,
      trend: result.trend,
      families: result.families,
    };
  });
  const indicatorsOf = new Map(runs.map((run) => [run.scenarioId, run.indicators]));
  const comparisons = runs.flatMap((run) => {
    const reference = run.parentId === null ? undefined : indicatorsOf.get(run.parentId);
    if (!reference || run.scenarioId === null) return [];
    return [
      {
        scenarioId: run.scenarioId,
        referenceId: run.parentId!,
        rows: compareIndicatorValues({ a: reference, b: run.indicators, locale })
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
  const reference = options.targets.find((target) => target.parentId === null);
  const map = reference ? runOf(reference).result.map : null;
  const first = options.targets[0];
  return {
    versions: { ...LAB_MODEL_VERSIONS },
    illustrative:
      (first ? runOf(first).result.illustrative : false) || NORTH_LORRAINE.illustrative.length > 0,
    runs,
    comparisons,
    ...(map ? { map } : {}),
  };
}

/**
 * The models' results for a report, every scenario computed here (the pure path: tests, the
 * samples, benchmarks); the server reads stored runs instead (`loadReportInput` in packages/db).
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
  const targets = scenarioRunTargets(options);
  const runs = new Map(
    targets.map((target) => [target.fingerprint, { result: computeScenarioRun(target.compiled) }]),
  );
  return assembleModelResults({ targets, runs, locale: options.locale });
}
