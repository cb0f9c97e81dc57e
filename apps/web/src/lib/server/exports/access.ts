import type { WorkshopAccess } from '../access.ts';

/**
 * What a person may do with a workshop's exports: facilitators and administrators create and
 * manage them (`workshop.export`); anyone with a seat may download those published to
 * participants once the workshop is closed.
 */
export function exportRights(access: WorkshopAccess): { manage: boolean; downloadPublic: boolean } {
  const manage = access.allows('workshop.export');
  return {
    manage,
    downloadPublic: manage || (access.resource.seat !== undefined && access.workshop.status === 'closed'),
  };
}
