import { readWorkshopContent, roomName, scenarioRunTargets } from '@atelier/domain';
import type { Sql } from '../client.ts';
import * as scenarioRuns from '../repositories/scenario-runs.ts';
import * as yjsStore from '../repositories/yjs.ts';

/**
 * Stores the runs of a seeded workshop's scenarios as the server stores them
 * (`scenarioRuns.ensureAll`, the report loader's own function), computed at `now`: the lab's
 * three scenarios of the live workshop have their stored run before anyone opens the lab or
 * exports. Outside the seed's transaction (the models take about a second each).
 *
 * @returns how many runs the workshop's scenarios have
 */
export async function storeScenarioRuns(
  sql: Sql,
  options: { workshopId: string; now: Date },
): Promise<number> {
  const [content, facilitation] = await Promise.all([
    yjsStore.readDocument(sql, { docName: roomName(options.workshopId, 'content') }),
    yjsStore.readDocument(sql, { docName: roomName(options.workshopId, 'facilitation') }),
  ]);
  try {
    const read = readWorkshopContent({ content, facilitation });
    const targets = scenarioRunTargets({ scenarios: read.scenarios, scenarioChanges: read.scenarioChanges });
    const runs = await scenarioRuns.ensureAll(sql, { targets, now: options.now });
    return runs.size;
  } finally {
    content.destroy();
    facilitation.destroy();
  }
}
