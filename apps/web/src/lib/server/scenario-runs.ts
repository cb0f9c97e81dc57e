import { scenarioRuns, yjsStore, type Queryable, type RunLog } from '@atelier/db';
import { readWorkshopContent, roomName, scenarioRunTargets, type IndicatorId } from '@atelier/domain';

/** A scenario's stored run as the lab may show it: the figures of record and when they were computed. */
export interface ScenarioRunView {
  scenarioId: string;
  fingerprint: string;
  modelVersion: string;
  computedAt: string;
  indicators: Readonly<Record<IndicatorId, number | null>>;
}

/**
 * The stored run of one scenario of a workshop, as the lab asks for it: the scenario compiled from
 * the **stored** content document (never from what a browser sends), its run read by fingerprint,
 * or computed in this process and stored when absent (`scenarioRuns.ensure`, the exports' own
 * path). Null when the stored document has no such scenario.
 *
 * @example const run = await scenarioRunOf(sql, { workshopId, scenarioId, now: new Date() })
 */
export async function scenarioRunOf(
  sql: Queryable,
  options: { workshopId: string; scenarioId: string; now: Date; log?: RunLog },
): Promise<ScenarioRunView | null> {
  const [content, facilitation] = await Promise.all([
    yjsStore.readDocument(sql, { docName: roomName(options.workshopId, 'content') }),
    yjsStore.readDocument(sql, { docName: roomName(options.workshopId, 'facilitation') }),
  ]);
  let target;
  try {
    const read = readWorkshopContent({ content, facilitation });
    target = scenarioRunTargets({ scenarios: read.scenarios, scenarioChanges: read.scenarioChanges }).find(
      (t) => t.scenario?.id === options.scenarioId,
    );
  } finally {
    content.destroy();
    facilitation.destroy();
  }
  if (!target) return null;
  const run = await scenarioRuns.ensure(sql, {
    compiled: target.compiled,
    fingerprint: target.fingerprint,
    now: options.now,
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    scenarioId: options.scenarioId,
    fingerprint: run.fingerprint,
    modelVersion: run.modelVersion,
    computedAt: run.computedAt.toISOString(),
    indicators: run.result.indicators,
  };
}
