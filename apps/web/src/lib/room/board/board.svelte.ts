// The ideas board of a room, shared by its two views (canvas and list): the cards and groups
// of the content document, laid out, and what this person may do with them.
import { ideas, type Idea } from '@atelier/domain';
import {
  ANONYMOUS_AUTHOR,
  boardLayout,
  ideaGroups,
  type BoardLayout,
  type IdeaGroup,
} from '@atelier/domain/board';
import { m } from '$lib/paraglide/messages.js';
import { CachedCollection } from '../live.svelte.ts';
import type { Room } from '../room.svelte.ts';

export class Board {
  readonly room: Room;
  readonly #ideas: CachedCollection<Idea>;
  readonly #groups: CachedCollection<IdeaGroup>;

  /** Valid cards, in document order. */
  readonly cards = $derived.by(() => this.#ideas.rows.flatMap((row) => (row.valid ? [row.value] : [])));
  /** Entries that do not pass the schema (skipped, counted for a notice). */
  readonly invalidCount = $derived.by(() => this.#ideas.rows.filter((row) => !row.valid).length);
  readonly layout: BoardLayout = $derived.by(() =>
    boardLayout({
      ideas: this.cards,
      groups: this.#groups.rows.flatMap((row) => (row.valid ? [row.value] : [])),
    }),
  );

  constructor(room: Room) {
    this.room = room;
    this.#ideas = new CachedCollection<Idea>(room.content, ideas);
    this.#groups = new CachedCollection<IdeaGroup>(room.content, ideaGroups);
  }

  destroy(): void {
    this.#ideas.destroy();
    this.#groups.destroy();
  }

  /** May place cards (move them, into groups and out): whoever writes in the ideas section now. */
  get canPlace(): boolean {
    return this.room.canWrite('ideas');
  }

  /** May arrange groups: facilitators. */
  get canArrange(): boolean {
    return this.room.canWrite('ideas') && this.room.rights.facilitate;
  }

  /** May change a card's text and colour, or delete it: its author, and facilitators. */
  mayChange(idea: Idea): boolean {
    return (
      this.room.canWrite('ideas') && (this.room.rights.facilitate || idea.createdBy === this.room.me.userId)
    );
  }

  /** Who wrote a card, as the board says it. */
  authorOf(idea: Idea): string {
    if (idea.createdBy === ANONYMOUS_AUTHOR) return m.board_anonymous();
    return this.room.nameOf(idea.createdBy) ?? m.room_someone();
  }

  /** A group's title as shown: its own, or "Group of N cards". */
  groupTitle(group: { title: string; cardIds: readonly string[] }): string {
    return group.title.trim() || m.room_ideas_group_label({ count: group.cardIds.length });
  }
}
