import { isKnownColumn } from '$lib/room/facilitation/ideas-board.ts';
import { m } from '$lib/paraglide/messages.js';

/** The heading of a column of the ideas board: the known ones translated, others as named. */
export function columnLabel(category: string): string {
  if (!isKnownColumn(category)) return category;
  switch (category) {
    case 'constats':
      return m.room_ideas_column_constats();
    case 'pistes':
      return m.room_ideas_column_pistes();
    case 'actions':
      return m.room_ideas_column_actions();
    default: {
      const unreachable: never = category;
      return unreachable;
    }
  }
}
