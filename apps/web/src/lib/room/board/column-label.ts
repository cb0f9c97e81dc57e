import { BOARD_COLUMNS, type BoardColour, type BoardColumn } from '@atelier/domain/board';
import { m } from '$lib/paraglide/messages.js';

function isKnownColumn(category: string): category is BoardColumn {
  return (BOARD_COLUMNS as readonly string[]).includes(category);
}

/** The name of a column of the ideas board: the known ones translated, others as named. */
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

/** The spoken name of a board colour. */
export function colourLabel(colour: BoardColour): string {
  switch (colour) {
    case 'yellow':
      return m.board_colour_yellow();
    case 'pink':
      return m.board_colour_pink();
    case 'blue':
      return m.board_colour_blue();
    case 'green':
      return m.board_colour_green();
    case 'orange':
      return m.board_colour_orange();
    case 'purple':
      return m.board_colour_purple();
    case 'grey':
      return m.board_colour_grey();
    default: {
      const unreachable: never = colour;
      return unreachable;
    }
  }
}
