import {
  computeScenarioRun,
  SCENARIO_RUN_MODEL_VERSION,
  scenarioRunResultSchema,
  type CompiledScenario,
  type ScenarioRunResult,
  type ScenarioRunTarget,
  type StoredScenarioRun,
} from '@atelier/domain';
import type { Queryable } from '../client.ts';

// The scenario runs (issue 21, item 2: one source of truth per figure): a scenario's results,
// computed once on the server per fingerprint of the lab's compiled inputs and model version,
// stored, and read back through the domain's schema by every export. What a browser computed is
// never stored: a client could post anything.

/** Receives one line when a stored run is refused by its schema (the web passes its logger). */
export type RunLog = (message: string) => void;

interface Row {
  fingerprint: string;
  modelVersion: string;
  result: unknown;
  computedAt: Date;
}

/** What the store holds for a fingerprint: a valid run, nothing, or a row its schema refuses. */
export type FindResult =
  { status: 'found'; run: StoredScenarioRun } | { status: 'absent' } | { status: 'invalid'; problem: string };

function parse(row: Row): FindResult {
  const parsed = scenarioRunResultSchema.safeParse(row.result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { status: 'invalid', problem: `${issue?.path.join('.') || '(result)'}: ${issue?.message ?? '?'}` };
  }
  return {
    status: 'found',
    run: {
      fingerprint: row.fingerprint,
      modelVersion: row.modelVersion,
      computedAt: row.computedAt,
      result: parsed.data,
    },
  };
}

/**
 * The stored run of a fingerprint for the current models (or `modelVersion`), checked by the
 * domain's schema.
 *
 * @example const found = await scenarioRuns.find(sql, { fingerprint: 'a1b2c3d4e5f60718' })
 */
export async function find(
  sql: Queryable,
  options: { fingerprint: string; modelVersion?: string },
): Promise<FindResult> {
  const modelVersion = options.modelVersion ?? SCENARIO_RUN_MODEL_VERSION;
  const [row]: [Row?] = await sql`
    select fingerprint, model_version, result, computed_at from scenario_runs
    where fingerprint = ${options.fingerprint} and model_version = ${modelVersion}`;
  return row ? parse(row) : { status: 'absent' };
}

/**
 * Stores a computed run and returns the stored one: the first stored stays (a concurrent store of
 * the same fingerprint gets that one back), unless `replace` (a row its schema refused).
 *
 * @throws Error when the row read back is still refused by the schema
 */
export async function store(
  sql: Queryable,
  options: { fingerprint: string; result: ScenarioRunResult; now: Date; replace?: boolean },
): Promise<StoredScenarioRun> {
  const values = {
    fingerprint: options.fingerprint,
    modelVersion: SCENARIO_RUN_MODEL_VERSION,
    result: sql.json(options.result as never),
    computedAt: options.now,
  };
  if (options.replace)
    await sql`
      insert into scenario_runs (fingerprint, model_version, result, computed_at)
      values (${values.fingerprint}, ${values.modelVersion}, ${values.result}, ${values.computedAt})
      on conflict (fingerprint, model_version)
      do update set result = excluded.result, computed_at = excluded.computed_at`;
  else
    await sql`
      insert into scenario_runs (fingerprint, model_version, result, computed_at)
      values (${values.fingerprint}, ${values.modelVersion}, ${values.result}, ${values.computedAt})
      on conflict (fingerprint, model_version) do nothing`;
  const found = await find(sql, { fingerprint: options.fingerprint });
  if (found.status !== 'found')
    throw new Error(`scenario run ${options.fingerprint} could not be read back (${found.status})`);
  return found.run;
}

// Runs being computed in this process, per database client: a second request for the same
// fingerprint waits for the first instead of running the models again.
const inFlight = new WeakMap<object, Map<string, Promise<StoredScenarioRun>>>();

/**
 * The stored run of a compiled scenario, computed and stored when absent: the one function every
 * reader goes through (the report's loader, the demo seed). A row the schema refuses is logged
 * and computed again. The models run in this process (about a second), outside any transaction.
 *
 * @param options.fingerprint - `scenarioHash(compiled)`, as the lab shows it
 * @param options.now - when a run computed now is said to be computed
 * @param options.log - one line when a stored row is refused (console.warn by default)
 * @example const run = await scenarioRuns.ensure(sql, { compiled, fingerprint: scenarioHash(compiled), now: new Date() })
 */
export function ensure(
  sql: Queryable,
  options: { compiled: CompiledScenario; fingerprint: string; now: Date; log?: RunLog },
): Promise<StoredScenarioRun> {
  let running = inFlight.get(sql);
  if (!running) inFlight.set(sql, (running = new Map()));
  const key = `${SCENARIO_RUN_MODEL_VERSION}|${options.fingerprint}`;
  const pending = running.get(key);
  if (pending) return pending;
  const work = (async () => {
    const found = await find(sql, { fingerprint: options.fingerprint });
    if (found.status === 'found') return found.run;
    if (found.status === 'invalid')
      (options.log ?? console.warn)(
        `scenario run ${options.fingerprint} (${SCENARIO_RUN_MODEL_VERSION}) refused by its schema, computed again: ${found.problem}`,
      );
    return store(sql, {
      fingerprint: options.fingerprint,
      result: computeScenarioRun(options.compiled),
      now: options.now,
      replace: found.status === 'invalid',
    });
  })().finally(() => running.delete(key));
  running.set(key, work);
  return work;
}

/**
 * The stored runs of a workshop's scenarios (see `scenarioRunTargets`), each fingerprint once,
 * computed and stored when absent: fingerprint → run.
 *
 * @example const runs = await scenarioRuns.ensureAll(sql, { targets: scenarioRunTargets(content), now })
 */
export async function ensureAll(
  sql: Queryable,
  options: { targets: readonly ScenarioRunTarget[]; now: Date; log?: RunLog },
): Promise<Map<string, StoredScenarioRun>> {
  const runs = new Map<string, StoredScenarioRun>();
  // One after the other: the models are CPU-bound, and the embedded database serves one query at a time.
  for (const target of options.targets) {
    if (runs.has(target.fingerprint)) continue;
    const run = await ensure(sql, {
      compiled: target.compiled,
      fingerprint: target.fingerprint,
      now: options.now,
      ...(options.log ? { log: options.log } : {}),
    });
    runs.set(target.fingerprint, run);
  }
  return runs;
}
