import { needs } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { removeWithUndo } from './undo.ts';
import { needFixture as need } from '$lib/testing/needs.ts';

describe('removeWithUndo', () => {
  it('puts the entry back at its place, in the writer name when asked', () => {
    const doc = new Y.Doc();
    for (const id of ['a', 'b', 'c']) needs.add(doc, need(id));
    const removed = removeWithUndo({ doc, collection: needs, id: 'b' });
    expect(needs.read(doc).map((n) => n.id)).toEqual(['a', 'c']);
    removed?.restore({
      now: new Date('2026-11-26T10:00:00Z'),
      rewrite: (entry) => ({ ...entry, createdBy: 'u2' }),
    });
    expect(needs.read(doc).map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(needs.find(doc, 'b')).toMatchObject({ createdBy: 'u2', updatedAt: '2026-11-26T10:00:00.000Z' });
  });
  it('does nothing for an unknown id', () => {
    expect(removeWithUndo({ doc: new Y.Doc(), collection: needs, id: 'zz' })).toBeUndefined();
  });
});
