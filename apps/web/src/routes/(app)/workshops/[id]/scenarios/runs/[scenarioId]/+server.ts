import { error, json } from '@sveltejs/kit';
import { workshopAccess } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { log } from '$lib/server/log.ts';
import { scenarioRunOf } from '$lib/server/scenario-runs.ts';
import type { RequestHandler } from './$types';

/**
 * The stored run of a scenario (issue 21): the figures the exports print, computed by the server
 * from the stored document when absent. 404 for a scenario the stored document does not hold.
 */
export const GET: RequestHandler = async ({ locals, url, params }) => {
  const user = requireUser({ locals, url }, { endpoint: true });
  const { sql } = await getDb();
  await workshopAccess(sql, { user, workshopId: params.id });
  if (params.scenarioId.length > 200) error(404, 'Not found');
  const run = await scenarioRunOf(sql, {
    workshopId: params.id,
    scenarioId: params.scenarioId,
    now: new Date(),
    log: (line) => log.warn({ workshopId: params.id }, line),
  });
  if (!run) error(404, 'Not found');
  return json(run);
};
