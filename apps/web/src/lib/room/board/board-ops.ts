// Edits of the ideas board in the content document: adding a card (anonymously or not),
// placing cards, and the facilitators' groups. Each is one transaction, so a move reaches
// the others whole; a move writes only the placement fields (`position`, `groupId`,
// `updatedAt`), which the write rules let anyone who writes ideas change on any card.
import { ideas, type Idea } from '@atelier/domain';
import {
  ANONYMOUS_AUTHOR,
  GROUP_HEADER,
  GROUP_PADDING,
  clampPosition,
  ideaGroups,
  type BoardColour,
  type BoardLayout,
  type BoardPosition,
  type IdeaGroup,
  type LaidOutGroup,
} from '@atelier/domain/board';
import * as Y from 'yjs';

/** Where one card goes: into a group (relative place) or loose (absolute place). */
export interface CardMove {
  id: string;
  groupId: string | undefined;
  position: BoardPosition;
}

function ideaMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  for (const item of doc.getArray<unknown>(ideas.name)) {
    if (item instanceof Y.Map && item.get('id') === id) return item as Y.Map<unknown>;
  }
  return undefined;
}

/**
 * Adds a card. An anonymous card is written with `createdBy: 'anonymous'`, no organisation,
 * and under a throwaway Yjs client id: the document's items carry the id of the client that
 * wrote them, and awareness tells everyone which client is whose, so the person's own id
 * would give them away.
 *
 * @example addIdea(doc, { idea, anonymous: room.settings.anonymousIdeas === true })
 */
export function addIdea(doc: Y.Doc, options: { idea: Idea; anonymous: boolean }): void {
  if (!options.anonymous) {
    ideas.add(doc, options.idea);
    return;
  }
  const { organisationId: _dropped, ...rest } = options.idea;
  const card: Idea = { ...rest, createdBy: ANONYMOUS_AUTHOR };
  const own = doc.clientID;
  doc.clientID = crypto.getRandomValues(new Uint32Array(1))[0]!;
  try {
    ideas.add(doc, card);
  } finally {
    doc.clientID = own;
  }
}

/**
 * Moves cards, in one transaction: each gets its new place, and joins, changes or leaves its
 * group.
 *
 * @example moveCards(doc, [{ id: 'a', groupId: 'g1', position: { x: 16, y: 44 } }], new Date().toISOString())
 */
export function moveCards(doc: Y.Doc, moves: readonly CardMove[], updatedAt: string): void {
  doc.transact(() => {
    for (const move of moves) {
      const map = ideaMap(doc, move.id);
      if (!map) continue;
      map.set('position', clampPosition(move.position));
      if (move.groupId === undefined) {
        if (map.has('groupId')) map.delete('groupId');
      } else if (map.get('groupId') !== move.groupId) {
        map.set('groupId', move.groupId);
      }
      map.set('updatedAt', updatedAt);
    }
  });
}

/**
 * Where a card goes when it is sent into a group from a menu: under the group's cards.
 *
 * @example slotInGroup(layout, 'g1') // { x: 16, y: 188 }
 */
export function slotInGroup(layout: BoardLayout, groupId: string): BoardPosition {
  const bottoms = layout.cards
    .filter((card) => card.groupId === groupId)
    .map((card) => card.local.y + card.height + 12);
  return { x: GROUP_PADDING, y: Math.max(GROUP_HEADER, ...bottoms) };
}

/**
 * Creates a group (a facilitator's write), with some cards moved into it in the same
 * transaction, kept in the arrangement they had.
 */
export function createGroup(
  doc: Y.Doc,
  options: { group: IdeaGroup; cards?: readonly { id: string; at: BoardPosition }[] },
): void {
  const { group } = options;
  const cards = options.cards ?? [];
  doc.transact(() => {
    ideaGroups.add(doc, group);
    if (cards.length === 0) return;
    const left = Math.min(...cards.map((card) => card.at.x));
    const top = Math.min(...cards.map((card) => card.at.y));
    moveCards(
      doc,
      cards.map((card) => ({
        id: card.id,
        groupId: group.id,
        position: { x: GROUP_PADDING + card.at.x - left, y: GROUP_HEADER + card.at.y - top },
      })),
      group.updatedAt,
    );
  });
}

/**
 * Changes a group (title, colour, place). A group of an older document (no entry yet) gets
 * its entry now, with the same id, where it is drawn: its cards keep their places.
 */
export function updateGroup(
  doc: Y.Doc,
  options: {
    group: LaidOutGroup;
    patch: Partial<Pick<IdeaGroup, 'title' | 'color' | 'position'>>;
    createdBy: string;
    updatedAt: string;
  },
): void {
  const { group, patch, updatedAt } = options;
  if (group.stored) {
    ideaGroups.update(doc, group.id, { ...patch, updatedAt });
    return;
  }
  ideaGroups.add(doc, {
    id: group.id,
    title: patch.title ?? group.title,
    color: patch.color ?? group.color,
    position: patch.position ?? { x: group.x, y: group.y },
    createdBy: options.createdBy,
    updatedAt,
  });
}

/** Removes a group; its cards stay where they are drawn, loose. */
export function deleteGroup(
  doc: Y.Doc,
  options: { layout: BoardLayout; groupId: string; updatedAt: string },
): void {
  const members = options.layout.cards.filter((card) => card.groupId === options.groupId);
  doc.transact(() => {
    moveCards(
      doc,
      members.map((card) => ({ id: card.idea.id, groupId: undefined, position: { x: card.x, y: card.y } })),
      options.updatedAt,
    );
    ideaGroups.remove(doc, options.groupId);
  });
}

/** Sets a card's colour (its author's or a facilitator's write). */
export function setCardColour(doc: Y.Doc, id: string, color: BoardColour, updatedAt: string): void {
  ideas.update(doc, id, { color, updatedAt });
}
