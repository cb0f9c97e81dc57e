import type { Queryable } from '../client.ts';

/**
 * Records organisations a workshop's documents name without a seat (an imported bundle's);
 * recording one twice is a no-op.
 *
 * @example await workshopOrganisations.add(tx, { workshopId, organisationIds: [a, b] })
 */
export async function add(
  sql: Queryable,
  options: { workshopId: string; organisationIds: readonly string[] },
): Promise<void> {
  if (options.organisationIds.length === 0) return;
  await sql`
    insert into workshop_organisations (workshop_id, organisation_id)
    select ${options.workshopId}::uuid, unnest(${options.organisationIds as string[]}::uuid[])
    on conflict do nothing`;
}

/** The ids of the organisations recorded for a workshop. */
export async function listIds(sql: Queryable, options: { workshopId: string }): Promise<string[]> {
  const rows = await sql<{ organisationId: string }[]>`
    select organisation_id from workshop_organisations
    where workshop_id = ${options.workshopId}
    order by organisation_id`;
  return rows.map((row) => row.organisationId);
}
