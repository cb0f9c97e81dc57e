import type { Ack } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

/** What to tell the person when the realtime server refused a facilitation event. */
export function ackError(ack: Ack<object>): string | null {
  if (ack.ok) return null;
  switch (ack.error.code) {
    case 'forbidden':
      return m.room_error_forbidden();
    case 'conflict':
      return m.room_error_conflict();
    case 'not_found':
      return m.room_error_not_found();
    case 'rate_limited':
      return m.room_error_rate_limited();
    default:
      return m.room_error_failed();
  }
}
