import type { AgendaItemKind } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

/** The translated name of a kind of agenda step. */
export function kindLabel(kind: AgendaItemKind): string {
  switch (kind) {
    case 'plenary':
      return m.room_agenda_kind_plenary();
    case 'workgroup':
      return m.room_agenda_kind_workgroup();
    case 'vote':
      return m.room_agenda_kind_vote();
    case 'break':
      return m.room_agenda_kind_break();
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
