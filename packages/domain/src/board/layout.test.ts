import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ideas, type Idea } from '../realtime/content-doc.ts';
import { ideaGroups, type IdeaGroup } from './board-schema.ts';
import {
  CARD_SIZE,
  COLUMN_PITCH,
  GROUP_HEADER,
  GROUP_PADDING,
  boardLayout,
  cardColour,
  dropTarget,
  placeNewCard,
} from './layout.ts';
import { readBoard } from './read-board.ts';

const updatedAt = '2026-11-26T08:00:00.000Z';
const card = (id: string, more: Partial<Idea> = {}): Idea => ({
  id,
  text: `Carte ${id}`,
  createdBy: 'u1',
  updatedAt,
  ...more,
});
const group = (id: string, more: Partial<IdeaGroup> = {}): IdeaGroup => ({
  id,
  title: 'Mobilité',
  color: 'blue',
  position: { x: 1000, y: 500 },
  createdBy: 'u-fac',
  updatedAt,
  ...more,
});

describe('the board layout', () => {
  it('lays out the cards of an older document in columns by category, as the board used to be', () => {
    const layout = boardLayout({
      ideas: [
        card('a'),
        card('b', { category: 'pistes' }),
        card('c'),
        card('d', { category: 'Idées folles' }),
      ],
      groups: [],
    });
    const at = Object.fromEntries(layout.cards.map((c) => [c.idea.id, [c.x, c.y, c.placed]]));
    expect(at).toEqual({
      a: [0, 0, false],
      b: [COLUMN_PITCH, 0, false],
      c: [0, CARD_SIZE.height + 24, false],
      d: [3 * COLUMN_PITCH, 0, false],
    });
    expect(layout.columns).toEqual(['constats', 'pistes', 'actions', 'Idées folles']);
  });

  it('places cards where the document says, and cards of a group relative to it', () => {
    const layout = boardLayout({
      ideas: [
        card('a', { position: { x: -40, y: 70 } }),
        card('b', { groupId: 'g1', position: { x: 16, y: 60 } }),
        card('c', { groupId: 'g1' }),
      ],
      groups: [group('g1')],
    });
    const [a, b, c] = layout.cards;
    expect([a!.x, a!.y]).toEqual([-40, 70]);
    expect([b!.x, b!.y, b!.local]).toEqual([1016, 560, { x: 16, y: 60 }]);
    // A member without a place goes under the placed ones.
    expect(c!.local).toEqual({ x: GROUP_PADDING, y: 60 + CARD_SIZE.height + 12 });
    const [g] = layout.groups;
    expect(g).toMatchObject({ id: 'g1', stored: true, cardIds: ['b', 'c'], x: 1000, y: 500 });
    expect(g!.height).toBe(c!.local.y + CARD_SIZE.height + GROUP_PADDING);
    expect(layout.bounds).toEqual({ x: -40, y: 70, width: 1040 + g!.width, height: 430 + g!.height });
  });

  it('shows the groups of older documents (cards sharing their first card’s id) as untitled groups', () => {
    const layout = boardLayout({
      ideas: [card('a'), card('b', { groupId: 'b' }), card('c', { groupId: 'b' })],
      groups: [],
    });
    expect(layout.groups).toMatchObject([{ id: 'b', title: '', stored: false, cardIds: ['b', 'c'], x: 0 }]);
    expect(layout.groups[0]!.y).toBe(CARD_SIZE.height + 24);
    expect(layout.cards[1]!.local).toEqual({ x: GROUP_PADDING, y: GROUP_HEADER });
  });

  it('gives a card its own colour, else its column’s', () => {
    expect(cardColour({ category: 'pistes' })).toBe('blue');
    expect(cardColour({ category: 'pistes', color: 'pink' })).toBe('pink');
    expect(cardColour({ category: 'Autre' })).toBe('yellow');
  });
});

describe('placing and dropping cards', () => {
  it('puts a new card under its column’s lane, apart from one added at the same moment', () => {
    const layout = boardLayout({ ideas: [card('a', { category: 'pistes' })], groups: [] });
    const first = placeNewCard({ layout, category: 'pistes', id: 'k1' });
    const second = placeNewCard({ layout, category: 'pistes', id: 'k2' });
    expect(first.x).toBeGreaterThanOrEqual(COLUMN_PITCH);
    expect(first.y).toBeGreaterThanOrEqual(CARD_SIZE.height + 24);
    expect(first).not.toEqual(second);
    expect(placeNewCard({ layout: boardLayout({ ideas: [], groups: [] }), id: 'k1' }).x).toBeLessThan(40);
  });

  it('drops a card into the group under its centre, inside its margins, or loose', () => {
    const layout = boardLayout({ ideas: [], groups: [group('g1', { position: { x: 0, y: 0 } })] });
    expect(dropTarget({ layout, at: { x: 0, y: 0 }, cardId: 'a' })).toEqual({
      groupId: 'g1',
      position: { x: GROUP_PADDING, y: GROUP_HEADER },
    });
    expect(dropTarget({ layout, at: { x: 500, y: 20.4 }, cardId: 'a' })).toEqual({
      groupId: undefined,
      position: { x: 500, y: 20 },
    });
  });
});

describe('readBoard', () => {
  it('reads the valid cards and groups of a content document', () => {
    const doc = new Y.Doc();
    ideaGroups.add(doc, group('g1'));
    ideas.add(doc, card('a', { groupId: 'g1' }));
    doc.getArray('ideas').push([new Y.Map([['text', 'incomplete']])]);
    const board = readBoard(doc);
    expect(board.groups.map((g) => g.id)).toEqual(['g1']);
    expect(board.cards.map((c) => c.idea.id)).toEqual(['a']);
  });
});
