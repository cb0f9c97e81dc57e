import type { EmailDelivery, EmailNotificationKind } from '@atelier/db';
import { m } from '$lib/paraglide/messages.js';

/** What a notification kind is, as the preferences page and unsubscribe links name it. */
export function notificationKindLabel(kind: EmailNotificationKind): string {
  switch (kind) {
    case 'call_opened':
      return m.prefs_kind_call_opened();
    case 'call_closing':
      return m.prefs_kind_call_closing();
    case 'contribution_accepted':
      return m.prefs_kind_contribution_accepted();
    case 'contribution_rejected':
      return m.prefs_kind_contribution_rejected();
    case 'contribution_submitted':
      return m.prefs_kind_contribution_submitted();
    case 'membership_requested':
      return m.prefs_kind_membership_requested();
    case 'membership_decided':
      return m.prefs_kind_membership_decided();
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

export function deliveryLabel(delivery: EmailDelivery): string {
  switch (delivery) {
    case 'off':
      return m.prefs_delivery_off();
    case 'immediate':
      return m.prefs_delivery_immediate();
    case 'digest':
      return m.prefs_delivery_digest();
    default: {
      const unreachable: never = delivery;
      return unreachable;
    }
  }
}
