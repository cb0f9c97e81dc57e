// A contributor uploads their needs as a CSV of the skills issue's documented layout
// (packages/domain/src/skills/import/needs.ts):
//
//   id;organisation;rome_code;title;headcount;horizon_months;commune;contract;difficulty;cross_border;comment
//
// Here the rows become need drafts of the room (document field rules). `organisation`
// and `id` may be present but are ignored: a contribution is always in the name of the
// contributor's organisation. `title` may be empty: the occupation's label is used.
import { importRows, parseNumber, type ImportError } from '../skills/import/csv.ts';
import { findRomeOccupation } from '../workshop/rome/rome.ts';
import { needDraftSchema, type NeedDraft } from './payloads.ts';

const FIELD_TO_COLUMN: Record<string, string> = {
  romeCode: 'rome_code',
  title: 'title',
  headcount: 'headcount',
  horizonMonths: 'horizon_months',
  communeCode: 'commune',
  contract: 'contract',
  difficulty: 'difficulty',
  crossBorder: 'cross_border',
  comment: 'comment',
  skills: 'skills',
};

const TRUE = new Set(['yes', 'oui', 'ja', 'true', '1', 'y', 'o']);
const FALSE = new Set(['no', 'non', 'nein', 'false', '0', 'n', '']);

export interface NeedsCsvReport {
  /** The drafts of the lines that passed, in file order, with their line. */
  rows: { line: number; need: NeedDraft }[];
  /** One entry per problem: line, column, what is wrong. */
  errors: ImportError[];
  accepted: number;
  rejected: number;
}

/**
 * Reads a needs CSV into need drafts with a per-line report of what was accepted and
 * refused, so that a contributor can fix the bad lines and upload again.
 *
 * @param text - the decoded file (UTF-8, with or without a byte-order mark)
 * @param options.isKnownCommune - the territory's commune list (the domain holds none); unset: any INSEE code
 * @example const { rows, errors } = needsFromCsv(text, { isKnownCommune: (code) => communes.has(code) })
 */
export function needsFromCsv(
  text: string,
  options: { isKnownCommune?: (code: string) => boolean } = {},
): NeedsCsvReport {
  const result = importRows<{ line: number; need: NeedDraft }>({
    text,
    required: ['rome_code', 'headcount', 'horizon_months', 'commune', 'contract'],
    normalizeHeader: (header) => header.trim().toLowerCase(),
    readRow: (cells, line) => {
      const errors: ImportError[] = [];
      const integer = (column: string, fallback?: number): number | undefined => {
        const raw = cells.get(column) ?? '';
        if (raw === '' && fallback !== undefined) return fallback;
        const value = parseNumber(raw);
        if (value === undefined || !Number.isInteger(value)) {
          errors.push({ line, column, problem: `"${raw}" is not a whole number` });
          return undefined;
        }
        return value;
      };
      const crossText = (cells.get('cross_border') ?? '').toLowerCase();
      if (!TRUE.has(crossText) && !FALSE.has(crossText)) {
        errors.push({ line, column: 'cross_border', problem: `"${crossText}" is not yes or no` });
      }
      const romeCode = (cells.get('rome_code') ?? '').toUpperCase();
      const occupation = findRomeOccupation(romeCode);
      if (/^[A-N]\d{4}$/.test(romeCode) && !occupation) {
        errors.push({ line, column: 'rome_code', problem: `${romeCode} is not in the occupation list` });
      }
      const communeCode = (cells.get('commune') ?? '').toUpperCase();
      if (/^\d{5}$/.test(communeCode) && options.isKnownCommune && !options.isKnownCommune(communeCode)) {
        errors.push({ line, column: 'commune', problem: `${communeCode} is not a commune of the territory` });
      }
      const candidate = {
        romeCode,
        title: (cells.get('title') ?? '') || occupation?.label || '',
        skills: (cells.get('skills') ?? '')
          .split('|')
          .map((skill) => skill.trim())
          .filter(Boolean),
        headcount: integer('headcount'),
        horizonMonths: integer('horizon_months'),
        communeCode,
        contract: (cells.get('contract') ?? '').toLowerCase(),
        difficulty: integer('difficulty', 2),
        crossBorder: TRUE.has(crossText),
        comment: cells.get('comment') ?? '',
      };
      const parsed = needDraftSchema.safeParse(candidate);
      if (parsed.success && errors.length === 0) return { line, need: parsed.data };
      const reported = new Set(errors.map((error) => error.column));
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const column = FIELD_TO_COLUMN[String(issue.path[0] ?? '')] ?? '';
        if (!reported.has(column)) {
          errors.push({ line, column, problem: issue.message });
          reported.add(column);
        }
      }
      return errors;
    },
  });
  return { rows: result.rows, errors: result.errors, accepted: result.accepted, rejected: result.rejected };
}
