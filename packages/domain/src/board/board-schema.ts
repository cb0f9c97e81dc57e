// The ideas board's own vocabulary in the `content` document (issue 19, item 4): where a card
// sits, its colour, the facilitator's groups, and the author of an anonymous card.
import { z } from 'zod';
import { arrayCollection } from '../realtime/collection.ts';

/**
 * The colours of cards and groups, by name (the document stores the name, the renderers
 * pick the shades from {@link BOARD_PALETTE}).
 */
export const BOARD_COLOURS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple', 'grey'] as const;
export type BoardColour = (typeof BOARD_COLOURS)[number];
export const boardColourSchema = z.enum(BOARD_COLOURS);

/**
 * Shades of each colour: `fill` behind a card's text, `tint` behind a group, `border` around
 * both. Dark ink (#1f2933) on every fill and tint has a contrast of at least 7:1.
 */
export const BOARD_PALETTE: Readonly<Record<BoardColour, { fill: string; tint: string; border: string }>> = {
  yellow: { fill: '#fff1a8', tint: '#fffbe6', border: '#b08900' },
  pink: { fill: '#ffd3de', tint: '#fff0f4', border: '#b03a5b' },
  blue: { fill: '#d3e6ff', tint: '#eef5ff', border: '#2f5f9e' },
  green: { fill: '#d2f0d8', tint: '#eefaf0', border: '#2f7a45' },
  orange: { fill: '#ffdcbc', tint: '#fff3e8', border: '#b05a14' },
  purple: { fill: '#e5d8ff', tint: '#f5f0ff', border: '#6a4bb0' },
  grey: { fill: '#e6e8eb', tint: '#f6f7f8', border: '#5f6b7a' },
};

/** The ink every card and group title is written in (on every shade above). */
export const BOARD_INK = '#1f2933';

/** How far from the origin anything may be placed, in board units (CSS pixels at zoom 1). */
export const BOARD_EXTENT = 100_000;

/**
 * Where a card or a group sits: absolute for a card outside groups and for a group, relative
 * to its group's top-left corner for a card in a group. One plain value under one key, so
 * that two people moving the same card at once end with one of the two places, never with
 * the x of one and the y of the other; moves of different cards never meet.
 */
export const boardPositionSchema = z
  .object({
    x: z.number().finite().min(-BOARD_EXTENT).max(BOARD_EXTENT),
    y: z.number().finite().min(-BOARD_EXTENT).max(BOARD_EXTENT),
  })
  .strict();
export type BoardPosition = z.output<typeof boardPositionSchema>;

/**
 * The author of an anonymous card (`createdBy`), written while the facilitator has turned
 * anonymity on (`settings.anonymousIdeas`). The person's id is stored nowhere: not in the
 * document, not in the update log (which holds no author), and the browser writes the card
 * under a throwaway Yjs client id so that awareness does not link it to them either.
 */
export const ANONYMOUS_AUTHOR = 'anonymous';

const id = z.string().min(1).max(100);

/** A facilitator's group of cards: an entry of the `ideaGroups` Y.Array. */
export const ideaGroupSchema = z.object({
  id,
  /** May be empty: the board then says "Group of N cards". */
  title: z.string().max(120),
  color: boardColourSchema,
  position: boardPositionSchema,
  createdBy: id,
  updatedAt: z.iso.datetime(),
});
export type IdeaGroup = z.output<typeof ideaGroupSchema>;

/** The groups of the ideas board (their cards point to them through `groupId`). */
export const ideaGroups = arrayCollection<IdeaGroup>({ name: 'ideaGroups', schema: ideaGroupSchema });

/**
 * The fields of a card that place it on the board. Anyone who may write in the ideas section
 * may change them on any card (moving cards around and into groups is the room's work); the
 * rest of a card is its author's (and the facilitators').
 */
export const BOARD_PLACEMENT_FIELDS: ReadonlySet<string> = new Set(['position', 'groupId', 'updatedAt']);
