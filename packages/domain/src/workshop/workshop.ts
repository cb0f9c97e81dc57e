import { z } from 'zod';

/** Lifecycle of a workshop: draft → scheduled → live → closed. */
export const WORKSHOP_STATUSES = ['draft', 'scheduled', 'live', 'closed'] as const;
export type WorkshopStatus = (typeof WORKSHOP_STATUSES)[number];
export const workshopStatusSchema = z.enum(WORKSHOP_STATUSES);

/** Roles a person holds inside one workshop. */
export const WORKSHOP_ROLES = ['facilitator', 'participant', 'observer'] as const;
export type WorkshopRole = (typeof WORKSHOP_ROLES)[number];
export const workshopRoleSchema = z.enum(WORKSHOP_ROLES);

export type WorkshopId = string & { __brand: 'WorkshopId' };

/**
 * The status a workshop may move to next, or `undefined` when it is closed.
 *
 * @param status - the current status
 * @example nextWorkshopStatus('live') // 'closed'
 */
export function nextWorkshopStatus(status: WorkshopStatus): WorkshopStatus | undefined {
  switch (status) {
    case 'draft':
      return 'scheduled';
    case 'scheduled':
      return 'live';
    case 'live':
      return 'closed';
    case 'closed':
      return undefined;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
