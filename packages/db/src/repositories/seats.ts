import type { OrganisationKind, MembershipRole, WorkshopRole, WorkshopStatus } from '@atelier/domain';
import type { Queryable } from '../client.ts';

/** What the realtime server needs to decide with `can()`: the workshop, the seat, the organisations. */
export interface WorkshopAccess {
  workshop: { id: string; status: WorkshopStatus };
  /** A guest's seat carries `guest` (the policy's `WorkshopSeat`); its organisation may be ''. */
  seat: { role: WorkshopRole; organisationId: string; guest?: { needs: boolean } } | undefined;
  organisations: { id: string; kind: OrganisationKind; role: MembershipRole }[];
}

/**
 * A person's access to a workshop in one query; undefined when there is no such workshop.
 * A guest's seat (workshop_guests, while they are in) reads as role participant with `guest`.
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
      guest: boolean;
      guestNeeds: boolean;
      organisations: WorkshopAccess['organisations'];
    }?,
  ] = await sql`
    select w.id, w.status,
           coalesce(wm.role, case when g.user_id is not null then 'participant' end) as role,
           coalesce(wm.organisation_id::text, g.organisation_id::text,
                    case when g.user_id is not null then '' end) as organisation_id,
           (wm.user_id is null and g.user_id is not null) as guest,
           coalesce(a.allow_needs and g.organisation_id is not null, false) as guest_needs,
           coalesce((select json_agg(json_build_object('id', o.id, 'kind', o.kind, 'role', m.role))
                     from memberships m join organisations o on o.id = m.organisation_id
                     where m.user_id = ${options.userId}), '[]'::json) as organisations
    from workshops w
    left join workshop_members wm on wm.workshop_id = w.id and wm.user_id = ${options.userId}
    left join workshop_guests g on g.workshop_id = w.id and g.user_id = ${options.userId} and g.left_at is null
    left join guest_access a on a.workshop_id = w.id
    where w.id = ${options.workshopId}`;
  if (!row) return undefined;
  const seat =
    row.role && row.organisationId !== null
      ? {
          role: row.role,
          organisationId: row.organisationId,
          ...(row.guest ? { guest: { needs: row.guestNeeds } } : {}),
        }
      : undefined;
  return { workshop: { id: row.id, status: row.status }, seat, organisations: row.organisations };
}
