import type {
  InvitationState,
  MembershipRole,
  OrganisationKind,
  WorkshopRole,
  WorkshopStatus,
} from '@atelier/domain';
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

/** The translated name of an organisation kind. */
export function kindLabel(kind: OrganisationKind): string {
  switch (kind) {
    case 'company':
      return m.kind_company();
    case 'school':
      return m.kind_school();
    case 'training_body':
      return m.kind_training_body();
    case 'public_body':
      return m.kind_public_body();
    case 'association':
      return m.kind_association();
    case 'metropole':
      return m.kind_metropole();
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The translated name of a role inside an organisation. */
export function membershipRoleLabel(role: MembershipRole): string {
  switch (role) {
    case 'admin':
      return m.mrole_admin();
    case 'member':
      return m.mrole_member();
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}

/** The translated state of an invitation. */
export function invitationStateLabel(state: InvitationState): string {
  switch (state) {
    case 'valid':
      return m.inv_state_valid();
    case 'expired':
      return m.inv_state_expired();
    case 'used_up':
      return m.inv_state_used_up();
    case 'revoked':
      return m.inv_state_revoked();
    case 'workshop_closed':
      return m.inv_state_workshop_closed();
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}
