// The ideas board (issue 19, item 4): `@atelier/domain/board`.
export {
  ANONYMOUS_AUTHOR,
  BOARD_COLOURS,
  BOARD_EXTENT,
  BOARD_INK,
  BOARD_PALETTE,
  BOARD_PLACEMENT_FIELDS,
  boardColourSchema,
  boardPositionSchema,
  ideaGroupSchema,
  ideaGroups,
} from './board-schema.ts';
export type { BoardColour, BoardPosition, IdeaGroup } from './board-schema.ts';
export {
  BOARD_COLUMNS,
  BOARD_GAP,
  CARD_SIZE,
  COLUMN_PITCH,
  DEFAULT_BOARD_COLUMN,
  GROUP_HEADER,
  GROUP_MIN_SIZE,
  GROUP_PADDING,
  boardLayout,
  cardColour,
  clampPosition,
  columnOf,
  dropTarget,
  placeNewCard,
} from './layout.ts';
export type { BoardColumn, BoardLayout, BoardRect, LaidOutCard, LaidOutGroup } from './layout.ts';
export { readBoard } from './read-board.ts';
