import { ideas, type Idea } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { groupIdeas, ungroupIdeas } from './ideas-ops.ts';

const at = '2026-11-26T09:00:00.000Z';
const idea = (id: string): Idea => ({ id, text: id, createdBy: 'u1', updatedAt: '2026-11-26T08:00:00.000Z' });

describe('idea groups', () => {
  it('gives the selected cards the first card id as group, and takes it away again', () => {
    const doc = new Y.Doc();
    for (const id of ['a', 'b', 'c']) ideas.add(doc, idea(id));
    groupIdeas(doc, ['b', 'c'], at);
    expect(ideas.read(doc).map((card) => card.groupId)).toEqual([undefined, 'b', 'b']);
    ungroupIdeas(doc, ['b', 'c'], at);
    expect(ideas.read(doc).every((card) => card.groupId === undefined)).toBe(true);
    expect(ideas.find(doc, 'c')?.updatedAt).toBe(at);
  });

  it('does not group a single card', () => {
    const doc = new Y.Doc();
    ideas.add(doc, idea('a'));
    groupIdeas(doc, ['a'], at);
    expect(ideas.find(doc, 'a')?.groupId).toBeUndefined();
  });
});
