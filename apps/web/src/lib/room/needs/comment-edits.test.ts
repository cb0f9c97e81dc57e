import { comments, type Comment } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rewrittenSinceCreation, threadComment } from './comment-edits.ts';

const comment = (patch: Partial<Comment> = {}): Comment => ({
  id: 'c1',
  targetType: 'need',
  targetId: 'n1',
  text: 'Premier jet',
  organisationId: 'o1',
  createdBy: 'u1',
  updatedAt: '2026-11-26T09:00:00.000Z',
  ...patch,
});

const mapOf = (doc: Y.Doc, index = 0) => doc.getArray<Y.Map<unknown>>('comments').get(index);
const sync = (from: Y.Doc, to: Y.Doc) =>
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
const edited = (map: Y.Map<unknown>) => rewrittenSinceCreation({ map, field: 'text', anchor: 'createdBy' });

describe('rewrittenSinceCreation', () => {
  it('is false for a comment as written, here and on another client', () => {
    const doc = new Y.Doc();
    comments.add(doc, comment());
    expect(edited(mapOf(doc))).toBe(false);
    const other = new Y.Doc();
    sync(doc, other);
    expect(edited(mapOf(other))).toBe(false);
  });

  it('is true once the author rewrites the text, even right after writing it', () => {
    const doc = new Y.Doc();
    comments.add(doc, comment());
    comments.update(doc, 'c1', { text: 'Second jet', updatedAt: '2026-11-26T09:05:00.000Z' });
    expect(edited(mapOf(doc))).toBe(true);
    const other = new Y.Doc();
    sync(doc, other);
    expect(edited(mapOf(other))).toBe(true);
  });

  it('is true when the text is rewritten from another client (a new session)', () => {
    const first = new Y.Doc();
    comments.add(first, comment());
    const later = new Y.Doc();
    sync(first, later);
    comments.update(later, 'c1', { text: 'Corrigé', updatedAt: '2026-11-26T10:00:00.000Z' });
    sync(later, first);
    expect(edited(mapOf(first))).toBe(true);
  });

  it('is false when only another field changed', () => {
    const doc = new Y.Doc();
    comments.add(doc, comment());
    comments.update(doc, 'c1', { updatedAt: '2026-11-26T09:05:00.000Z' });
    expect(edited(mapOf(doc))).toBe(false);
  });
});

describe('threadComment', () => {
  it('keeps one object per parsed comment, so an unchanged thread re-renders nothing', () => {
    const doc = new Y.Doc();
    const value = comment();
    comments.add(doc, value);
    const shown = threadComment(value, mapOf(doc));
    expect(shown).toMatchObject({ text: 'Premier jet', edited: false });
    expect(threadComment(value, mapOf(doc))).toBe(shown);
  });
});
