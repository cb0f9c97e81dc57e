import { ideas, type Idea } from '@atelier/domain';
import { ANONYMOUS_AUTHOR, boardLayout, ideaGroups, type IdeaGroup } from '@atelier/domain/board';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIdea, createGroup, deleteGroup, moveCards, slotInGroup, updateGroup } from './board-ops.ts';

const at = '2026-11-26T09:00:00.000Z';
const idea = (id: string, more: Partial<Idea> = {}): Idea => ({
  id,
  text: `Carte ${id}`,
  createdBy: 'u1',
  organisationId: 'org-1',
  updatedAt: '2026-11-26T08:00:00.000Z',
  ...more,
});
const group: IdeaGroup = {
  id: 'g1',
  title: 'Mobilité',
  color: 'blue',
  position: { x: 500, y: 100 },
  createdBy: 'u-fac',
  updatedAt: at,
};
const layoutOf = (doc: Y.Doc) => boardLayout({ ideas: ideas.read(doc), groups: ideaGroups.read(doc) });

describe('adding cards', () => {
  it('writes an anonymous card without its author, its organisation or its writer’s client id', () => {
    const doc = new Y.Doc();
    const own = doc.clientID;
    addIdea(doc, { idea: idea('a'), anonymous: true });
    const card = ideas.find(doc, 'a');
    expect(card?.createdBy).toBe(ANONYMOUS_AUTHOR);
    expect(card?.organisationId).toBeUndefined();
    expect(doc.clientID).toBe(own);
    const writers = [...doc.store.clients.keys()];
    expect(writers).not.toContain(own);
    // The next named card is the person's own again.
    addIdea(doc, { idea: idea('b'), anonymous: false });
    expect(ideas.find(doc, 'b')?.createdBy).toBe('u1');
    expect([...doc.store.clients.keys()]).toContain(own);
  });
});

describe('moving cards and groups', () => {
  it('moves a card into a group and out again, writing only where it sits', () => {
    const doc = new Y.Doc();
    ideas.add(doc, idea('a'));
    ideaGroups.add(doc, group);
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    moveCards(doc, [{ id: 'a', groupId: 'g1', position: { x: 16.4, y: 60 } }], at);
    expect(transactions).toBe(1);
    expect(ideas.find(doc, 'a')).toMatchObject({
      groupId: 'g1',
      position: { x: 16, y: 60 },
      text: 'Carte a',
    });
    expect(layoutOf(doc).cards[0]).toMatchObject({ x: 516, y: 160 });
    moveCards(doc, [{ id: 'a', groupId: undefined, position: { x: 10, y: 20 } }], at);
    expect(ideas.find(doc, 'a')?.groupId).toBeUndefined();
    expect(slotInGroup(layoutOf(doc), 'g1')).toEqual({ x: 16, y: 44 });
  });

  it('groups cards in the arrangement they had, and ungroups them where they are drawn', () => {
    const doc = new Y.Doc();
    ideas.add(doc, idea('a', { position: { x: 100, y: 100 } }));
    ideas.add(doc, idea('b', { position: { x: 400, y: 160 } }));
    createGroup(doc, {
      group,
      cards: [
        { id: 'a', at: { x: 100, y: 100 } },
        { id: 'b', at: { x: 400, y: 160 } },
      ],
    });
    const grouped = layoutOf(doc);
    expect(grouped.cards.map((card) => card.local)).toEqual([
      { x: 16, y: 44 },
      { x: 316, y: 104 },
    ]);
    const drawn = grouped.cards.map((card) => [card.x, card.y]);
    deleteGroup(doc, { layout: grouped, groupId: 'g1', updatedAt: at });
    expect(ideaGroups.read(doc)).toEqual([]);
    expect(layoutOf(doc).cards.map((card) => [card.x, card.y, card.groupId])).toEqual(
      drawn.map(([x, y]) => [x, y, undefined]),
    );
  });

  it('gives a group of an older document its entry where it is drawn, its cards staying put', () => {
    const doc = new Y.Doc();
    ideas.add(doc, idea('a'));
    ideas.add(doc, idea('b', { groupId: 'b' }));
    ideas.add(doc, idea('c', { groupId: 'b' }));
    const before = layoutOf(doc);
    const legacy = before.groups[0]!;
    updateGroup(doc, { group: legacy, patch: { title: 'Transports' }, createdBy: 'u-fac', updatedAt: at });
    const after = layoutOf(doc);
    expect(after.groups[0]).toMatchObject({
      id: 'b',
      title: 'Transports',
      stored: true,
      x: legacy.x,
      y: legacy.y,
    });
    expect(after.cards.map((card) => [card.x, card.y])).toEqual(before.cards.map((card) => [card.x, card.y]));
  });
});
