// How the ideas board lays out cards: columns by category, grouped cards together.
import type { Idea } from '@atelier/domain';

/** The board's own columns, in order; other categories get a column each after them. */
export const IDEA_COLUMNS = ['constats', 'pistes', 'actions'] as const;
export type IdeaColumn = (typeof IDEA_COLUMNS)[number];

/** Where a card without a category goes. */
export const DEFAULT_IDEA_COLUMN: IdeaColumn = 'constats';

/** Cards shown together: a facilitator's group (`groupId`), or one card on its own. */
export interface IdeaStack {
  /** The group id, or the card's own id for a card alone. */
  key: string;
  grouped: boolean;
  cards: Idea[];
}

export interface BoardColumn {
  category: string;
  known: boolean;
  stacks: IdeaStack[];
}

export function isKnownColumn(category: string): category is IdeaColumn {
  return (IDEA_COLUMNS as readonly string[]).includes(category);
}

/**
 * The columns of the board: the three known ones always, then one per other category
 * in order of first appearance; in each, grouped cards stacked where their first card is.
 *
 * @example boardColumns([{ id: 'a', text: 'x', category: 'idées', createdBy: 'u', updatedAt }]).map((c) => c.category)
 * // ['constats', 'pistes', 'actions', 'idées']
 */
export function boardColumns(ideas: readonly Idea[]): BoardColumn[] {
  const columns = new Map<string, BoardColumn>();
  for (const category of IDEA_COLUMNS) columns.set(category, { category, known: true, stacks: [] });
  for (const idea of ideas) {
    const category = idea.category?.trim() || DEFAULT_IDEA_COLUMN;
    let column = columns.get(category);
    if (!column) {
      column = { category, known: false, stacks: [] };
      columns.set(category, column);
    }
    const key = idea.groupId ?? idea.id;
    const stack = column.stacks.find((existing) => existing.key === key);
    if (stack) {
      stack.cards.push(idea);
      stack.grouped = true;
    } else {
      column.stacks.push({ key, grouped: idea.groupId !== undefined, cards: [idea] });
    }
  }
  return [...columns.values()];
}

/**
 * Poll options from idea cards: their texts, cut to the 200 characters an option allows,
 * made distinct so two equal cards stay two options.
 *
 * @example pollOptionsFromIdeas(['Navette', 'Navette']) // ['Navette', 'Navette (2)']
 */
export function pollOptionsFromIdeas(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const base = text.replace(/\s+/g, ' ').trim().slice(0, 190);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
