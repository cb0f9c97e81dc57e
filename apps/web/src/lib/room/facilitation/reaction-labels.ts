import type { Reaction } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

/** A spoken name for each reaction, for buttons and announcements. */
export function reactionLabel(reaction: Reaction): string {
  switch (reaction) {
    case '👍':
      return m.room_reaction_thumbs();
    case '👏':
      return m.room_reaction_clap();
    case '❤️':
      return m.room_reaction_heart();
    case '😮':
      return m.room_reaction_surprised();
    case '🤔':
      return m.room_reaction_thinking();
    case '❓':
      return m.room_reaction_question();
    default: {
      const unreachable: never = reaction;
      return unreachable;
    }
  }
}
