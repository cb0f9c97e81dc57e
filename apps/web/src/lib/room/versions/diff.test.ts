import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { diffEntries, entriesOf } from './diff.ts';

const need = { id: 'n1', title: 'Soudeurs', headcount: 4, updatedAt: '2026-11-26T09:00:00Z' };

describe('diffEntries', () => {
  it('marks a row modified with the fields that differ, ignoring updatedAt', () => {
    const [row] = diffEntries({
      then: [need],
      now: [{ ...need, headcount: 6, updatedAt: '2026-11-26T10:00:00Z' }],
    });
    expect(row).toMatchObject({ id: 'n1', status: 'modified', fields: ['headcount'] });
  });

  it('keeps a row whose only change is updatedAt unchanged', () => {
    const [row] = diffEntries({ then: [need], now: [{ ...need, updatedAt: '2026-11-27T00:00:00Z' }] });
    expect(row?.status).toBe('unchanged');
  });

  it('lists the version rows first (deleted ones included), then the rows added since', () => {
    const other = { id: 'n2', title: 'Caristes' };
    const added = { id: 'n3', title: 'Infirmiers' };
    const rows = diffEntries({ then: [need, other], now: [added, need] });
    expect(rows.map((row) => [row.id, row.status])).toEqual([
      ['n1', 'unchanged'],
      ['n2', 'deleted'],
      ['n3', 'added'],
    ]);
  });

  it('compares arrays by value', () => {
    const [row] = diffEntries({ then: [{ id: 'a', skills: ['TIG'] }], now: [{ id: 'a', skills: ['TIG'] }] });
    expect(row?.status).toBe('unchanged');
  });
});

describe('entriesOf', () => {
  it('reads the Y.Map entries with a string id and skips the others', () => {
    const doc = new Y.Doc();
    const needs = doc.getArray<unknown>('needs');
    const good = new Y.Map<unknown>();
    good.set('id', 'n1');
    good.set('headcount', 'not a number');
    const noId = new Y.Map<unknown>();
    noId.set('title', 'x');
    needs.push([good, noId, 'junk']);
    expect(entriesOf({ doc, collection: 'needs' })).toEqual([{ id: 'n1', headcount: 'not a number' }]);
  });
});
