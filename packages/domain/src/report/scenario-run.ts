// One scenario's run as it is stored (`scenario_runs` in packages/db) and read back: the figures
// the lab compares and the report prints, computed once per fingerprint of the compiled inputs and
// model version, so that every format reads the same numbers. The schema checks a stored row
// before anything prints it.
import { z } from 'zod';
import { runModel, type ModelResult } from '../mobility/model/run-model.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import {
  canonicalJson,
  indicatorValues,
  INDICATORS,
  LAB_MODEL_VERSIONS,
  mobilityInputsHash,
  runSkillsPart,
  scenarioHash,
  summariseMobility,
  type CompiledScenario,
  type LabResult,
} from '../scenario-lab/index.ts';
import { MAP_INDICATORS } from '../scenario-lab-map/index.ts';
import { occupationFamilySchema } from '../skills/families.ts';
import { reportMap } from './map-data.ts';

/** The horizons of the trend chart (years), those the skills model computes. */
const TREND_HORIZONS = [1, 3, 5, 10] as const;

/** The models' versions a run was computed with, as one key: a new version is a new run. */
export const SCENARIO_RUN_MODEL_VERSION = `${LAB_MODEL_VERSIONS.mobility}+${LAB_MODEL_VERSIONS.skills}+${LAB_MODEL_VERSIONS.lab}`;

const position = z.tuple([z.number(), z.number()]);

/** The stored form of a run (the `result` column), checked on every read. */
export const scenarioRunResultSchema = z.object({
  versions: z.object({ mobility: z.string(), skills: z.string(), lab: z.string() }),
  indicators: z.record(z.enum(INDICATORS), z.number().nullable()),
  trend: z.array(z.object({ horizon: z.number(), demand: z.number(), gap: z.number(), tension: z.number() })),
  families: z.array(z.object({ family: occupationFamilySchema, demand: z.number(), gap: z.number() })),
  /** The models ran on illustrative default data. */
  illustrative: z.boolean(),
  /** Model errors only: the compile problems belong to the inputs, which the fingerprint leaves out. */
  modelProblems: z.array(z.object({ key: z.enum(['mobility', 'skills']), message: z.string() })),
  /** The map of this run's mobility result (the report draws its reference's). */
  map: z
    .object({
      indicator: z.enum(MAP_INDICATORS),
      classes: z
        .array(z.object({ min: z.number(), max: z.number(), colour: z.string(), count: z.number() }))
        .readonly(),
      zones: z
        .array(
          z.object({
            id: z.string(),
            lon: z.number(),
            lat: z.number(),
            population: z.number(),
            value: z.number().nullable(),
            colour: z.string(),
          }),
        )
        .readonly(),
      roads: z
        .array(
          z.object({ name: z.string(), roadClass: z.string(), coordinates: z.array(position).readonly() }),
        )
        .readonly(),
      ptLines: z
        .array(z.object({ line: z.string(), kind: z.string(), coordinates: z.array(position).readonly() }))
        .readonly(),
      externals: z.array(z.object({ id: z.string(), lon: z.number(), lat: z.number() })).readonly(),
      bounds: z.object({ west: z.number(), east: z.number(), south: z.number(), north: z.number() }),
    })
    .nullable(),
});
export type ScenarioRunResult = z.output<typeof scenarioRunResultSchema>;

/** A run read from the store: its result, its key and when it was computed. */
export interface StoredScenarioRun {
  fingerprint: string;
  modelVersion: string;
  computedAt: Date;
  result: ScenarioRunResult;
}

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
 * One scenario run as the lab's runner runs it (the same as `runScenarioLab(compiled)` with both
 * parts): the mobility model, then the skills part on that result's skims.
 */
function runLab(compiled: CompiledScenario): { lab: LabResult; model: ModelResult | null } {
  const lab: LabResult = {
    hash: scenarioHash(compiled),
    versions: LAB_MODEL_VERSIONS,
    problems: [],
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

/**
 * Runs a compiled scenario through the lab's code path and keeps what the lab compares and the
 * report prints: every indicator (`INDICATORS`), the skills totals by horizon and by family at 5
 * years, the models' errors, and the map of its mobility result. About a second (the mobility
 * model), less when the same mobility inputs ran before in this process.
 *
 * @example computeScenarioRun(compileScenario([], { name: 'Référence' })).indicators.ptShare
 */
export function computeScenarioRun(compiled: CompiledScenario): ScenarioRunResult {
  const { lab, model } = runLab(compiled);
  const totals = lab.skills?.totals ?? [];
  return {
    versions: { ...LAB_MODEL_VERSIONS },
    indicators: indicatorValues(lab),
    trend: TREND_HORIZONS.flatMap((horizon) => {
      const total = totals.find((t) => t.horizon === horizon);
      return total ? [{ horizon, demand: total.demand, gap: total.gap, tension: total.tension }] : [];
    }),
    families: (lab.skills?.gapsByFamily ?? [])
      .filter((row) => row.horizon === 5)
      .map((row) => ({ family: row.family, demand: row.demand, gap: row.gap })),
    illustrative: (lab.skills?.illustrative ?? false) || (lab.mobility?.illustrative ?? false),
    modelProblems: lab.problems.flatMap((p) =>
      p.key === 'mobility' || p.key === 'skills' ? [{ key: p.key, message: p.message }] : [],
    ),
    map: model ? reportMap({ result: model, indicator: 'ptShare' }) : null,
  };
}
