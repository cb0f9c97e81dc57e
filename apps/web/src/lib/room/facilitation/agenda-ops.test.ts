import { agenda, type AgendaItem } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { moveAgendaItem, nextStepId, replaceAgendaItem } from './agenda-ops.ts';

const step = (id: string, fields: Partial<AgendaItem> = {}): AgendaItem => ({
  id,
  title: `Étape ${id}`,
  kind: 'plenary',
  durationMinutes: 10,
  notes: '',
  ...fields,
});

function docWith(...steps: AgendaItem[]): Y.Doc {
  const doc = new Y.Doc();
  for (const item of steps) agenda.add(doc, item);
  return doc;
}

describe('agenda edits', () => {
  it('moves a step by one place and keeps its fields', () => {
    const doc = docWith(step('a'), step('b', { section: 'ideas' }), step('c'));
    expect(moveAgendaItem(doc, 'b', -1)).toBe(true);
    expect(agenda.read(doc).map((item) => item.id)).toEqual(['b', 'a', 'c']);
    expect(agenda.find(doc, 'b')?.section).toBe('ideas');
    expect(moveAgendaItem(doc, 'b', -1)).toBe(false);
    expect(moveAgendaItem(doc, 'c', 1)).toBe(false);
  });

  it('replaces a step and removes a section that was taken away', () => {
    const doc = docWith(step('a', { section: 'needs' }));
    replaceAgendaItem(doc, step('a', { title: 'Besoins' }));
    expect(agenda.find(doc, 'a')).toEqual(step('a', { title: 'Besoins' }));
  });

  it('refuses an invalid step', () => {
    const doc = docWith(step('a'));
    expect(() => replaceAgendaItem(doc, step('a', { durationMinutes: 0 }))).toThrow();
    expect(agenda.find(doc, 'a')?.durationMinutes).toBe(10);
  });

  it('finds the next step: the first one when none is current, none after the last', () => {
    const items = [step('a'), step('b')];
    expect(nextStepId(items, null)).toBe('a');
    expect(nextStepId(items, 'a')).toBe('b');
    expect(nextStepId(items, 'b')).toBeNull();
    expect(nextStepId([], null)).toBeNull();
  });
});
