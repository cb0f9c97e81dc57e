import type { Need } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { matchesFilters, NO_FILTERS, sortRows } from './needs-table.ts';
import { needFixture } from '$lib/testing/needs.ts';

const need = (patch: Partial<Need>): Need =>
  needFixture('n', { title: 'Soudeurs', createdBy: 'u', ...patch });

describe('matchesFilters', () => {
  it('matches the occupation by code or label, accents and case ignored', () => {
    expect(matchesFilters({ need: need({}), filters: { ...NO_FILTERS, occupation: 'SOUDAGE' } })).toBe(true);
    expect(matchesFilters({ need: need({}), filters: { ...NO_FILTERS, occupation: 'h29' } })).toBe(true);
    expect(matchesFilters({ need: need({}), filters: { ...NO_FILTERS, occupation: 'infirmier' } })).toBe(
      false,
    );
  });
  it('filters by organisation, horizon, commune and difficulty together', () => {
    const filters = {
      ...NO_FILTERS,
      organisationId: 'o1',
      horizonMonths: '12',
      communeCode: '57463',
      difficulty: '2',
    };
    expect(matchesFilters({ need: need({}), filters })).toBe(true);
    expect(matchesFilters({ need: need({ difficulty: 3 }), filters })).toBe(false);
    expect(matchesFilters({ need: need({ organisationId: 'o2' }), filters })).toBe(false);
  });
});

describe('sortRows', () => {
  const rows = [
    { need: need({ id: 'a', headcount: 10, title: 'Électriciens' }), index: 0 },
    { need: need({ id: 'b', headcount: 2, title: 'caristes' }), index: 1 },
    { need: need({ id: 'c', headcount: 2, title: 'Usineurs' }), index: 2 },
  ];
  const ids = (sorted: typeof rows) => sorted.map((row) => row.need.id);
  it('sorts numbers numerically, ties in document order', () => {
    expect(ids(sortRows({ rows, sort: { column: 'headcount', descending: false } }))).toEqual([
      'b',
      'c',
      'a',
    ]);
    expect(ids(sortRows({ rows, sort: { column: 'headcount', descending: true } }))).toEqual(['a', 'b', 'c']);
  });
  it('sorts text as French readers expect', () => {
    expect(ids(sortRows({ rows, sort: { column: 'title', descending: false } }))).toEqual(['b', 'a', 'c']);
  });
  it('sorts by document order, newest first', () => {
    expect(ids(sortRows({ rows, sort: { column: 'added', descending: true } }))).toEqual(['c', 'b', 'a']);
  });
  it('sorts by the label the table shows', () => {
    const labelOf = (_column: string, n: Need) => (n.id === 'c' ? 'A' : 'Z');
    expect(ids(sortRows({ rows, sort: { column: 'organisationId', descending: false }, labelOf }))[0]).toBe(
      'c',
    );
  });
});
