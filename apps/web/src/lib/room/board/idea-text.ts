import { ideaSchema, ideas, type Idea } from '@atelier/domain';
import type * as Y from 'yjs';

/**
 * Writes a card's new text (co-edited: each keystroke is an update), or says why not.
 *
 * @returns `'invalid'` when the text is empty or too long (nothing is written), else `'written'`
 */
export function writeIdeaText(doc: Y.Doc, idea: Pick<Idea, 'id'>, value: string): 'written' | 'invalid' {
  const parsed = ideaSchema.shape.text.safeParse(value.trim() === '' ? '' : value);
  if (!parsed.success) return 'invalid';
  ideas.update(doc, idea.id, { text: value, updatedAt: new Date().toISOString() });
  return 'written';
}
