// Importer for a training-offer CSV. Layout (header names, any order, case-insensitive; `;` or `,`):
//
//   id;name;provider;kind;commune;territory;rome_codes;seats_per_year;duration_years;completion_rate;local_entry_share;opening_year
//
// - kind: school | apprenticeship | higher-education | continuing (default school)
// - commune (INSEE code) or territory (territory id): one of them per row
// - rome_codes: `H2913:0.6|H2902:0.4` (share of graduates per occupation), or `H2913|H2902` (equal shares)
// - completion_rate, local_entry_share: `0.85`, `0,85` or `85%`
// - opening_year: empty for a programme that already runs, else the first intake year (1 = first year)
// Required columns: id, name, rome_codes, seats_per_year, duration_years, completion_rate,
// local_entry_share, and commune or territory.
import { trainingProgrammeSchema } from '../scenario.ts';
import type { TrainingProgramme } from '../scenario.ts';
import { importRows, parseNumber, parseShare } from './csv.ts';
import type { ImportError, ImportResult } from './csv.ts';

const FIELD_TO_COLUMN: Record<string, string> = {
  id: 'id',
  name: 'name',
  provider: 'provider',
  kind: 'kind',
  communeCode: 'commune',
  territory: 'territory',
  occupations: 'rome_codes',
  seatsPerYear: 'seats_per_year',
  durationYears: 'duration_years',
  completionRate: 'completion_rate',
  localEntryShare: 'local_entry_share',
  openingYear: 'opening_year',
};

/**
 * Parses a training-offer CSV into programmes of the skills scenario.
 *
 * @param text - the decoded file content
 * @example importTrainingCsv(text).rows // TrainingProgramme[]
 */
export function importTrainingCsv(text: string): ImportResult<TrainingProgramme> {
  const required = [
    'id',
    'name',
    'rome_codes',
    'seats_per_year',
    'duration_years',
    'completion_rate',
    'local_entry_share',
  ];
  const result = importRows<TrainingProgramme>({
    text,
    required,
    normalizeHeader: (h) => h.trim().toLowerCase(),
    readRow: (cells, line) => {
      const errors: ImportError[] = [];
      const number = (column: string, optional = false): number | undefined => {
        const raw = cells.get(column) ?? '';
        if (raw === '' && optional) return undefined;
        const value = parseNumber(raw);
        if (value === undefined) errors.push({ line, column, problem: `"${raw}" is not a number` });
        return value;
      };
      const share = (column: string): number | undefined => {
        const raw = cells.get(column) ?? '';
        const value = parseShare(raw);
        if (value === undefined)
          errors.push({ line, column, problem: `"${raw}" is not a share between 0 and 1` });
        return value;
      };
      const codes = (cells.get('rome_codes') ?? '')
        .split('|')
        .map((part) => part.trim())
        .filter(Boolean);
      const occupations = codes.map((part) => {
        const [code = '', shareText] = part.split(':');
        const value = shareText === undefined ? 1 / codes.length : parseShare(shareText);
        if (value === undefined)
          errors.push({ line, column: 'rome_codes', problem: `"${shareText}" is not a share for ${code}` });
        return { code: code.trim(), share: value ?? 0 };
      });
      if (occupations.length === 0) errors.push({ line, column: 'rome_codes', problem: 'no ROME code' });
      const candidate = {
        id: cells.get('id'),
        name: cells.get('name'),
        provider: cells.get('provider') ?? '',
        kind: cells.get('kind') || undefined,
        communeCode: cells.get('commune') || undefined,
        territory: cells.get('territory') || undefined,
        occupations,
        seatsPerYear: number('seats_per_year'),
        durationYears: number('duration_years'),
        completionRate: share('completion_rate'),
        localEntryShare: share('local_entry_share'),
        openingYear: number('opening_year', true),
      };
      // Report every problem of the row: schema issues on columns not already reported.
      const parsed = trainingProgrammeSchema.safeParse(candidate);
      if (parsed.success && errors.length === 0) return parsed.data;
      const reported = new Set(errors.map((e) => e.column));
      for (const issue of parsed.success ? [] : parsed.error.issues) {
        const column = FIELD_TO_COLUMN[String(issue.path[0] ?? '')] ?? '';
        if (!reported.has(column)) errors.push({ line, column, problem: issue.message });
      }
      return errors;
    },
  });
  const { header, ...rest } = result;
  if (header.length && !header.includes('commune') && !header.includes('territory'))
    return {
      rows: [],
      errors: [
        { line: 1, column: 'commune', problem: 'missing column in the header (commune or territory)' },
      ],
      accepted: 0,
      rejected: rest.accepted + rest.rejected,
    };
  return rest;
}
