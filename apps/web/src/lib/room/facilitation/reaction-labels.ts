import type { Reaction } from '@atelier/domain';
import Brain from '@lucide/svelte/icons/brain';
import CircleQuestionMark from '@lucide/svelte/icons/circle-question-mark';
import Heart from '@lucide/svelte/icons/heart';
import Sparkles from '@lucide/svelte/icons/sparkles';
import ThumbsUp from '@lucide/svelte/icons/thumbs-up';
import Zap from '@lucide/svelte/icons/zap';
import type { Component } from 'svelte';
import { m } from '$lib/paraglide/messages.js';

/**
 * The icon drawn for each reaction (SVG: an emoji shows as an empty box where no emoji font
 * is installed). The protocol keeps the emoji as the reaction's value.
 */
export const REACTION_ICONS: Readonly<Record<Reaction, Component<{ size?: number }>>> = {
  '👍': ThumbsUp,
  '👏': Sparkles,
  '❤️': Heart,
  '😮': Zap,
  '🤔': Brain,
  '❓': CircleQuestionMark,
};

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
