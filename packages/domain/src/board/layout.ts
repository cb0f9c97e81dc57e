// Where everything sits on the ideas board, in absolute board units: what the canvas, the
// presenter view, the PNG export and the PDF report draw. Pure: the same document gives the
// same picture everywhere.
import type { Idea } from '../realtime/content-doc.ts';
import { BOARD_EXTENT, type BoardColour, type BoardPosition, type IdeaGroup } from './board-schema.ts';

/** The board's own columns, in order; other categories get a column each after them. */
export const BOARD_COLUMNS = ['constats', 'pistes', 'actions'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];

/** Where a card without a category goes. */
export const DEFAULT_BOARD_COLUMN: BoardColumn = 'constats';

/** Every card has this size (its text is cut to a few lines; the list view shows it whole). */
export const CARD_SIZE = { width: 220, height: 148 } as const;
/** Space between cards laid out in a column, and between columns. */
export const BOARD_GAP = 24;
/** Inside a group: the margin around its cards, and the band its title is written in. */
export const GROUP_PADDING = 16;
export const GROUP_HEADER = 44;
/** A group with few cards still leaves room to drop one in. */
export const GROUP_MIN_SIZE = { width: CARD_SIZE.width + 2 * GROUP_PADDING, height: 120 } as const;
/** From one column's left edge to the next. */
export const COLUMN_PITCH = CARD_SIZE.width + 2 * GROUP_PADDING + 2 * BOARD_GAP;

const COLUMN_COLOURS: Readonly<Record<BoardColumn, BoardColour>> = {
  constats: 'yellow',
  pistes: 'blue',
  actions: 'green',
};

export interface BoardRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A group as drawn: its rectangle (absolute) and its cards. */
export interface LaidOutGroup extends BoardRect {
  id: string;
  title: string;
  color: BoardColour;
  /** False for a group of an older document (cards sharing the id of their first card). */
  stored: boolean;
  cardIds: string[];
}

/** A card as drawn: absolute rectangle, and its place relative to its group. */
export interface LaidOutCard extends BoardRect {
  idea: Idea;
  color: BoardColour;
  /** The column it belongs to (its category, or the default one). */
  column: string;
  groupId: string | undefined;
  /** Relative to the group's corner when in a group, else the same as `x`/`y`. */
  local: BoardPosition;
  /** Whether `position` comes from the document (false: laid out by column). */
  placed: boolean;
}

/** The whole board: groups first (drawn below), then cards, and the box around everything. */
export interface BoardLayout {
  groups: LaidOutGroup[];
  cards: LaidOutCard[];
  /** The columns in order (known ones first): where unplaced cards and new ones go. */
  columns: string[];
  bounds: BoardRect;
}

/** The column a card belongs to. */
export function columnOf(idea: Pick<Idea, 'category'>): string {
  return idea.category?.trim() || DEFAULT_BOARD_COLUMN;
}

/** A card's colour: its own, else its column's (yellow for columns of the facilitator's). */
export function cardColour(idea: Pick<Idea, 'category' | 'color'>): BoardColour {
  if (idea.color) return idea.color;
  const column = columnOf(idea);
  return (COLUMN_COLOURS as Record<string, BoardColour>)[column] ?? 'yellow';
}

/**
 * Lays out the board. Cards and groups with a `position` sit where it says; a card in a group
 * sits relative to the group's corner, and a group is as large as its cards need. Cards of
 * older documents (no position) are laid out in columns by category, as the board used to
 * be, with the groups of those documents (no `ideaGroups` entry) in their first card's column.
 *
 * @param options.ideas - valid cards, in document order
 * @param options.groups - valid groups, in document order
 * @example boardLayout({ ideas: [{ id: 'a', text: 'Navette', createdBy: 'u', updatedAt }], groups: [] }).cards[0]
 * // { x: 0, y: 0, width: 220, height: 132, column: 'constats', placed: false, … }
 */
export function boardLayout(options: { ideas: readonly Idea[]; groups: readonly IdeaGroup[] }): BoardLayout {
  const { ideas } = options;
  const stored = new Map(options.groups.map((group) => [group.id, group]));
  const columns = columnsOf(ideas);

  // Members of each group, in document order (groups of older documents included).
  const members = new Map<string, Idea[]>();
  for (const idea of ideas) {
    if (idea.groupId === undefined) continue;
    const list = members.get(idea.groupId) ?? [];
    list.push(idea);
    members.set(idea.groupId, list);
  }

  // Cards inside each group, relative to the group's corner; then the group's size.
  const inside = new Map<string, { card: Idea; local: BoardPosition; placed: boolean }[]>();
  const sizes = new Map<string, { width: number; height: number }>();
  for (const [groupId, cards] of members) {
    const placed = cards.filter((card) => card.position !== undefined);
    let nextY = Math.max(GROUP_HEADER, ...placed.map((card) => card.position!.y + CARD_SIZE.height + 12));
    const slots = cards.map((card) => {
      if (card.position) return { card, local: card.position, placed: true };
      const local = { x: GROUP_PADDING, y: nextY };
      nextY += CARD_SIZE.height + 12;
      return { card, local, placed: false };
    });
    inside.set(groupId, slots);
    sizes.set(groupId, {
      width: Math.max(GROUP_MIN_SIZE.width, ...slots.map((s) => s.local.x + CARD_SIZE.width + GROUP_PADDING)),
      height: Math.max(
        GROUP_MIN_SIZE.height,
        ...slots.map((s) => s.local.y + CARD_SIZE.height + GROUP_PADDING),
      ),
    });
  }

  // Column flow for what has no place: loose cards without a position, older groups.
  const cursor = new Map<string, number>();
  const flowed = new Map<string, BoardPosition>();
  const take = (column: string, height: number): BoardPosition => {
    const y = cursor.get(column) ?? 0;
    cursor.set(column, y + height + BOARD_GAP);
    return { x: columns.indexOf(column) * COLUMN_PITCH, y };
  };
  for (const idea of ideas) {
    const groupId = idea.groupId;
    if (groupId === undefined) {
      if (!idea.position) flowed.set(idea.id, take(columnOf(idea), CARD_SIZE.height));
    } else if (!stored.has(groupId) && !flowed.has(`group:${groupId}`)) {
      flowed.set(`group:${groupId}`, take(columnOf(idea), sizes.get(groupId)!.height));
    }
  }

  const groups: LaidOutGroup[] = [];
  const corner = new Map<string, BoardPosition>();
  for (const group of options.groups) {
    const size = sizes.get(group.id) ?? GROUP_MIN_SIZE;
    corner.set(group.id, group.position);
    groups.push({
      id: group.id,
      title: group.title,
      color: group.color,
      stored: true,
      cardIds: (members.get(group.id) ?? []).map((card) => card.id),
      ...group.position,
      ...size,
    });
  }
  for (const [groupId, cards] of members) {
    if (stored.has(groupId)) continue;
    const at = flowed.get(`group:${groupId}`)!;
    corner.set(groupId, at);
    groups.push({
      id: groupId,
      title: '',
      color: 'grey',
      stored: false,
      cardIds: cards.map((card) => card.id),
      ...at,
      ...sizes.get(groupId)!,
    });
  }

  const cards: LaidOutCard[] = [];
  for (const idea of ideas) {
    const base = { idea, color: cardColour(idea), column: columnOf(idea), ...CARD_SIZE };
    if (idea.groupId !== undefined) {
      const slot = inside.get(idea.groupId)!.find((s) => s.card === idea)!;
      const origin = corner.get(idea.groupId)!;
      cards.push({
        ...base,
        groupId: idea.groupId,
        local: slot.local,
        placed: slot.placed,
        x: origin.x + slot.local.x,
        y: origin.y + slot.local.y,
      });
    } else {
      const at = idea.position ?? flowed.get(idea.id)!;
      cards.push({ ...base, groupId: undefined, local: at, placed: idea.position !== undefined, ...at });
    }
  }

  return { groups, cards, columns, bounds: boundsOf([...groups, ...cards]) };
}

/**
 * Where a new card of a column goes: under whatever already sits in that column's lane,
 * nudged by its id so that two cards added at once in the same lane do not hide each other.
 *
 * @example placeNewCard({ layout, category: 'pistes', id: 'k2' }) // { x: 300, y: 468 }
 */
export function placeNewCard(options: { layout: BoardLayout; category?: string; id: string }): BoardPosition {
  const { layout } = options;
  const column = columnOf({ category: options.category });
  const index = layout.columns.indexOf(column);
  const x = (index >= 0 ? index : layout.columns.length) * COLUMN_PITCH;
  const inLane = (rect: BoardRect) => rect.x < x + CARD_SIZE.width && rect.x + rect.width > x;
  const bottoms = [...layout.groups, ...layout.cards.filter((card) => card.groupId === undefined)]
    .filter(inLane)
    .map((rect) => rect.y + rect.height + BOARD_GAP);
  const y = Math.max(0, ...bottoms);
  const hash = hashOf(options.id);
  return clampPosition({ x: x + (hash % 4) * 10, y: y + ((hash >> 2) % 4) * 10 });
}

/** Keeps a position on the board (the schema refuses anything further). */
export function clampPosition(position: BoardPosition): BoardPosition {
  const clamp = (value: number) => Math.round(Math.min(BOARD_EXTENT, Math.max(-BOARD_EXTENT, value)));
  return { x: clamp(position.x), y: clamp(position.y) };
}

/**
 * Where a card dropped at an absolute position lands: in the group whose rectangle holds the
 * card's centre (relative to that group's corner, kept inside its margins), else loose.
 *
 * @example dropTarget({ layout, at: { x: 40, y: 80 }, cardId: 'a' }) // { groupId: 'g1', position: { x: 16, y: 44 } }
 */
export function dropTarget(options: { layout: BoardLayout; at: BoardPosition; cardId: string }): {
  groupId: string | undefined;
  position: BoardPosition;
} {
  const centre = { x: options.at.x + CARD_SIZE.width / 2, y: options.at.y + CARD_SIZE.height / 2 };
  // The topmost group wins: the last drawn.
  const group = [...options.layout.groups]
    .reverse()
    .find(
      (g) => centre.x >= g.x && centre.x <= g.x + g.width && centre.y >= g.y && centre.y <= g.y + g.height,
    );
  if (!group) return { groupId: undefined, position: clampPosition(options.at) };
  return {
    groupId: group.id,
    position: clampPosition({
      x: Math.max(GROUP_PADDING, options.at.x - group.x),
      y: Math.max(GROUP_HEADER, options.at.y - group.y),
    }),
  };
}

function columnsOf(ideas: readonly Idea[]): string[] {
  const columns: string[] = [...BOARD_COLUMNS];
  for (const idea of ideas) {
    const column = columnOf(idea);
    if (!columns.includes(column)) columns.push(column);
  }
  return columns;
}

function boundsOf(rects: readonly BoardRect[]): BoardRect {
  if (rects.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function hashOf(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash;
}
