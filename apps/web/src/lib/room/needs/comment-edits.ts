// Whether a comment was edited, read from Yjs itself: the schema has no creation time
// (`updatedAt` moves on each edit), but each key of a Y.Map is an item stamped with the
// writing client and its clock. An entry's keys are written together, in schema order
// (`text` before `createdBy`, which never changes), so a `text` written later by the same
// client, or by another client, is an edit.
import type { Comment } from '@atelier/domain';
import type * as Y from 'yjs';

/**
 * Whether `field` of an entry was rewritten after the entry was created, judged against
 * `anchor`, a field written after it at creation and never changed since.
 *
 * @example rewrittenSinceCreation({ map, field: 'text', anchor: 'createdBy' }) // false for a new comment
 */
export function rewrittenSinceCreation(options: {
  map: Y.Map<unknown>;
  field: string;
  anchor: string;
}): boolean {
  const field = options.map._map.get(options.field);
  const anchor = options.map._map.get(options.anchor);
  if (!field || !anchor) return false;
  return field.id.client !== anchor.id.client || field.id.clock > anchor.id.clock;
}

/** A comment as a thread shows it: with `edited` when its text changed after it was written. */
export type ThreadComment = Comment & { edited: boolean };

const threadComments = new WeakMap<Comment, ThreadComment>();

/**
 * The comment with its `edited` flag, the same object as long as the parsed comment is
 * (cached rows keep theirs until the entry changes), so a keyed thread re-renders nothing.
 */
export function threadComment(comment: Comment, map: Y.Map<unknown>): ThreadComment {
  let shown = threadComments.get(comment);
  if (!shown) {
    shown = { ...comment, edited: rewrittenSinceCreation({ map, field: 'text', anchor: 'createdBy' }) };
    threadComments.set(comment, shown);
  }
  return shown;
}
