import type * as Y from 'yjs';
import { ideas } from '../realtime/content-doc.ts';
import { ideaGroups } from './board-schema.ts';
import { boardLayout, type BoardLayout } from './layout.ts';

/**
 * The ideas board of a `content` document as drawn (valid cards and groups only): what a
 * report or an image of the board draws. Anonymous cards have `idea.createdBy` equal to
 * `ANONYMOUS_AUTHOR`; colours are names, shades in `BOARD_PALETTE`; an untitled group
 * (`title` empty) is "Group of N cards" in the reader's language.
 *
 * @example const board = readBoard(doc); board.cards.map((card) => [card.x, card.y, card.idea.text])
 */
export function readBoard(doc: Y.Doc): BoardLayout {
  return boardLayout({ ideas: ideas.read(doc), groups: ideaGroups.read(doc) });
}
