// Sorting and filtering of the needs register: pure functions over parsed rows, cheap
// enough to run on every change of a 500-row document.
import { findRomeOccupation, type Need } from '@atelier/domain';
import { fold } from './fold.ts';

export const SORT_COLUMNS = [
  'added',
  'organisationId',
  'romeCode',
  'title',
  'headcount',
  'horizonMonths',
  'communeCode',
  'contract',
  'difficulty',
  'crossBorder',
  'updatedAt',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface NeedSort {
  column: SortColumn;
  descending: boolean;
}

export interface NeedFilters {
  organisationId: string;
  /** Matched against the ROME code and label, accents and case ignored. */
  occupation: string;
  horizonMonths: string;
  communeCode: string;
  difficulty: string;
}

export const NO_FILTERS: NeedFilters = {
  organisationId: '',
  occupation: '',
  horizonMonths: '',
  communeCode: '',
  difficulty: '',
};

/** A row as the table sorts it: its need and its position in the document. */
export interface Sortable {
  need: Need;
  index: number;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Whether a need passes every filter set (an empty filter passes all).
 *
 * @example matchesFilters({ need, filters: { ...NO_FILTERS, occupation: 'soudage' } })
 */
export function matchesFilters(options: { need: Need; filters: NeedFilters }): boolean {
  const { need, filters } = options;
  if (filters.organisationId && need.organisationId !== filters.organisationId) return false;
  if (filters.horizonMonths && String(need.horizonMonths) !== filters.horizonMonths) return false;
  if (filters.communeCode && need.communeCode !== filters.communeCode) return false;
  if (filters.difficulty && String(need.difficulty) !== filters.difficulty) return false;
  const query = fold(filters.occupation.trim());
  if (query) {
    const label = findRomeOccupation(need.romeCode)?.label ?? '';
    if (!fold(`${need.romeCode} ${label}`).includes(query)) return false;
  }
  return true;
}

/**
 * Rows in table order. Text columns sort by what people read (`labelOf` gives e.g. the
 * organisation's name for its id); ties keep document order.
 */
export function sortRows<R extends Sortable>(options: {
  rows: readonly R[];
  sort: NeedSort;
  labelOf?: (column: SortColumn, need: Need) => string;
}): R[] {
  const { column, descending } = options.sort;
  const sign = descending ? -1 : 1;
  const key = (row: R): string | number => {
    const need = row.need;
    switch (column) {
      case 'added':
        return row.index;
      case 'headcount':
      case 'horizonMonths':
      case 'difficulty':
        return need[column];
      case 'crossBorder':
        return need.crossBorder ? 1 : 0;
      case 'updatedAt':
        return need.updatedAt;
      default:
        return options.labelOf?.(column, need) ?? String(need[column]);
    }
  };
  const keyed = options.rows.map((row) => ({ row, key: key(row) }));
  keyed.sort((a, b) => {
    const order =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : collator.compare(String(a.key), String(b.key));
    return order === 0 ? a.row.index - b.row.index : order * sign;
  });
  return keyed.map((entry) => entry.row);
}
