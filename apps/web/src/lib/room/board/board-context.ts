import { getContext, setContext } from 'svelte';
import type { Idea } from '@atelier/domain';
import type { LaidOutGroup } from '@atelier/domain/board';
import type { Board } from './board.svelte.ts';

/** A dialog the board opens for a card or a group. */
export type BoardDialogRequest =
  | { kind: 'move'; idea: Idea }
  | { kind: 'colour'; idea: Idea }
  | { kind: 'promote'; idea: Idea; to: 'need' | 'action' }
  | { kind: 'group'; group: LaidOutGroup };

/** What the canvas's nodes reach through context (they are rendered by Svelte Flow). */
export interface BoardContext {
  board: Board;
  isSelected: (id: string) => boolean;
  select: (id: string, on: boolean) => void;
  open: (request: BoardDialogRequest) => void;
  /** The card being edited in place, if any. */
  editing: () => string | null;
  setEditing: (id: string | null) => void;
}

const KEY = Symbol('board');

export function setBoardContext(context: BoardContext): void {
  setContext(KEY, context);
}

export function boardContext(): BoardContext {
  return getContext<BoardContext>(KEY);
}
