// Importer for a needs-register CSV. Layout (header names, any order, case-insensitive; `;` or `,`):
//
//   id;organisation;rome_code;title;headcount;horizon_months;commune;contract;difficulty;cross_border;comment
//
// - rome_code: a ROME code (letter and four digits)
// - headcount: integer ≥ 1; horizon_months: integer ≥ 0, months from the workshop to the hire
// - commune: INSEE code of the site, or LU for Luxembourg
// - contract: cdi | cdd | apprenticeship | internship | interim
// - difficulty: 1-4 or empty; cross_border: yes/no, oui/non, true/false, 1/0 or empty (no)
// Required columns: id, rome_code, headcount, horizon_months, commune, contract.
import { needEntrySchema } from '../scenario.ts';
import type { NeedEntry } from '../scenario.ts';
import { importRows, parseNumber } from './csv.ts';
import type { ImportError, ImportResult } from './csv.ts';

const FIELD_TO_COLUMN: Record<string, string> = {
  id: 'id',
  organisationId: 'organisation',
  romeCode: 'rome_code',
  headcount: 'headcount',
  horizonMonths: 'horizon_months',
  communeCode: 'commune',
  contract: 'contract',
  difficulty: 'difficulty',
  crossBorder: 'cross_border',
};

const TRUE = new Set(['yes', 'oui', 'true', '1', 'y', 'o']);
const FALSE = new Set(['no', 'non', 'false', '0', 'n', '']);

/**
 * Parses a needs CSV into entries of the needs register.
 *
 * @param text - the decoded file content
 * @example importNeedsCsv(text).rows // NeedEntry[]
 */
export function importNeedsCsv(text: string): ImportResult<NeedEntry> {
  const { header: _header, ...result } = importRows<NeedEntry>({
    text,
    required: ['id', 'rome_code', 'headcount', 'horizon_months', 'commune', 'contract'],
    normalizeHeader: (h) => h.trim().toLowerCase(),
    readRow: (cells, line) => {
      const errors: ImportError[] = [];
      const integer = (column: string, optional = false): number | undefined => {
        const raw = cells.get(column) ?? '';
        if (raw === '' && optional) return undefined;
        const value = parseNumber(raw);
        if (value === undefined || !Number.isInteger(value)) {
          errors.push({ line, column, problem: `"${raw}" is not a whole number` });
          return undefined;
        }
        return value;
      };
      const crossText = (cells.get('cross_border') ?? '').toLowerCase();
      if (!TRUE.has(crossText) && !FALSE.has(crossText))
        errors.push({ line, column: 'cross_border', problem: `"${crossText}" is not yes or no` });
      const candidate = {
        id: cells.get('id'),
        organisationId: cells.get('organisation') || undefined,
        romeCode: (cells.get('rome_code') ?? '').toUpperCase(),
        headcount: integer('headcount'),
        horizonMonths: integer('horizon_months'),
        communeCode: (cells.get('commune') ?? '').toUpperCase(),
        contract: (cells.get('contract') ?? '').toLowerCase(),
        difficulty: integer('difficulty', true),
        crossBorder: TRUE.has(crossText),
      };
      // Report every problem of the row: schema issues on columns not already reported.
      const parsed = needEntrySchema.safeParse(candidate);
      if (parsed.success && errors.length === 0) return parsed.data;
      const reported = new Set(errors.map((e) => e.column));
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const column = FIELD_TO_COLUMN[String(issue.path[0] ?? '')] ?? '';
        if (!reported.has(column)) errors.push({ line, column, problem: issue.message });
      }
      return errors;
    },
  });
  return result;
}
