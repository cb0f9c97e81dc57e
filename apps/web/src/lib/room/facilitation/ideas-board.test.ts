import type { Idea } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { boardColumns, pollOptionsFromIdeas } from './ideas-board.ts';

const idea = (id: string, fields: Partial<Idea> = {}): Idea => ({
  id,
  text: `idée ${id}`,
  createdBy: 'u1',
  updatedAt: '2026-11-26T08:00:00.000Z',
  ...fields,
});

describe('boardColumns', () => {
  it('always has the three known columns, then one per other category in order of appearance', () => {
    const columns = boardColumns([idea('a', { category: 'freins' }), idea('b', { category: 'pistes' })]);
    expect(columns.map((column) => [column.category, column.known])).toEqual([
      ['constats', true],
      ['pistes', true],
      ['actions', true],
      ['freins', false],
    ]);
  });

  it('puts a card without a category in the findings column', () => {
    const [constats] = boardColumns([idea('a')]);
    expect(constats?.stacks.map((stack) => stack.key)).toEqual(['a']);
  });

  it('stacks grouped cards together where the group first appears', () => {
    const columns = boardColumns([
      idea('a', { category: 'pistes', groupId: 'a' }),
      idea('b', { category: 'pistes' }),
      idea('c', { category: 'pistes', groupId: 'a' }),
    ]);
    const pistes = columns.find((column) => column.category === 'pistes');
    expect(
      pistes?.stacks.map((stack) => [stack.key, stack.grouped, stack.cards.map((card) => card.id)]),
    ).toEqual([
      ['a', true, ['a', 'c']],
      ['b', false, ['b']],
    ]);
  });
});

describe('pollOptionsFromIdeas', () => {
  it('keeps equal texts as distinct options and cuts long ones', () => {
    expect(pollOptionsFromIdeas(['Navette', 'Navette', 'x'.repeat(300)])).toEqual([
      'Navette',
      'Navette (2)',
      'x'.repeat(190),
    ]);
  });
});
