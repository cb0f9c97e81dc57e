import type { WorkshopRole, WorkshopStatus } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

/** The translated name of a workshop status. */
export function statusLabel(status: WorkshopStatus): string {
  switch (status) {
    case 'draft':
      return m.status_draft();
    case 'scheduled':
      return m.status_scheduled();
    case 'live':
      return m.status_live();
    case 'closed':
      return m.status_closed();
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** The translated name of a workshop role. */
export function roleLabel(role: WorkshopRole): string {
  switch (role) {
    case 'facilitator':
      return m.role_facilitator();
    case 'participant':
      return m.role_participant();
    case 'observer':
      return m.role_observer();
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}
