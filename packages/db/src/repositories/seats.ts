import type { OrganisationKind, MembershipRole, WorkshopRole, WorkshopStatus } from '@atelier/domain';
import type { Queryable } from '../client.ts';

/** What the realtime server needs to decide with `can()`: the workshop, the seat, the organisations. */
export interface WorkshopAccess {
  workshop: { id: string; status: WorkshopStatus };
  seat: { role: WorkshopRole; organisationId: string } | undefined;
  organisations: { id: string; kind: OrganisationKind; role: MembershipRole }[];
}

/**
 * A person's access to a workshop in one query; undefined when there is no such workshop.
 *
 * @example const access = await seats.accessTo(sql, { workshopId, userId })
 */
export async function accessTo(
  sql: Queryable,
  options: { workshopId: string; userId: string },
): Promise<WorkshopAccess | undefined> {
  const [row]: [
    {
      id: string;
      status: WorkshopStatus;
      role: WorkshopRole | null;
      organisationId: string | null;
      organisations: WorkshopAccess['organisations'];
    }?,
  ] = await sql`
    select w.id, w.status, wm.role, wm.organisation_id,
           coalesce((select json_agg(json_build_object('id', o.id, 'kind', o.kind, 'role', m.role))
                     from memberships m join organisations o on o.id = m.organisation_id
                     where m.user_id = ${options.userId}), '[]'::json) as organisations
    from workshops w
    left join workshop_members wm on wm.workshop_id = w.id and wm.user_id = ${options.userId}
    where w.id = ${options.workshopId}`;
  if (!row) return undefined;
  return {
    workshop: { id: row.id, status: row.status },
    seat: row.role && row.organisationId ? { role: row.role, organisationId: row.organisationId } : undefined,
    organisations: row.organisations,
  };
}
