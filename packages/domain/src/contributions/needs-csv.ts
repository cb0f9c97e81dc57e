// A contributor uploads their needs as a CSV (issue 20): the template's French columns
//
//   Métier;Intitulé;Effectif;Horizon (mois);Commune;Contrat;Difficulté (1 à 4);Transfrontalier;Compétences;Commentaire
//
// or the skills issue's English ones (rome_code;title;headcount;horizon_months;commune;contract;…),
// in any order. Values in French or English: an appellation ("Soudeur / Soudeuse TIG") or a ROME
// code, a commune's name or its INSEE code, `CDI` or `cdi`, `Apprentissage` or `apprenticeship`,
// `oui`/`non`. Each problem is a code with its line and the column as the file names it, never a
// validator's sentence: the page words it in the reader's language.
import { parseCsv, parseNumber } from '../skills/import/csv.ts';
import { communeName, resolveCommuneCode } from '../workshop/communes.ts';
import { findRomeOccupation } from '../workshop/rome/rome.ts';
import { resolveRomeCode } from '../workshop/rome/appellations.ts';
import {
  contractOf,
  fieldOfHeader,
  NEEDS_CSV_FRENCH_HEADER,
  NEEDS_CSV_REQUIRED,
  yesNoOf,
  type NeedsCsvField,
} from './needs-csv-columns.ts';
import { MAX_NEEDS_PER_CONTRIBUTION, needDraftSchema, type NeedDraft } from './payloads.ts';

export type NeedsCsvProblem =
  | 'empty_file'
  | 'missing_column'
  | 'duplicate_column'
  | 'field_count'
  | 'unclosed_quote'
  | 'too_many_lines'
  | 'required'
  | 'not_whole_number'
  | 'out_of_range'
  | 'unknown_occupation'
  | 'unknown_commune'
  | 'unknown_contract'
  | 'not_yes_no'
  | 'too_long'
  | 'too_many'
  | 'invalid';

/** One problem of a file: where (line, column as the file names it) and what (a code). */
export interface NeedsCsvError {
  /** 1-based line of the file (the header is line 1). */
  line: number;
  /** The column's name as in the file's header ('' for the whole line). */
  column: string;
  /** The field it fills, when known. */
  field?: NeedsCsvField;
  problem: NeedsCsvProblem;
  /** What the cell held, cut to 80 characters. */
  value?: string;
  min?: number;
  max?: number;
  /** `field_count`: how many cells the header has, and the line. */
  expected?: number;
  found?: number;
}

export interface NeedsCsvReport {
  /** The drafts of the lines that passed, in file order, with their line. */
  rows: { line: number; need: NeedDraft }[];
  errors: NeedsCsvError[];
  accepted: number;
  rejected: number;
}

const LIMITS = {
  headcount: { min: 1, max: 100_000 },
  horizonMonths: { min: 0, max: 240 },
  difficulty: { min: 1, max: 4 },
} as const;

const cut = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/**
 * Reads a CSV of needs into need drafts, with a report per line of what was refused and why,
 * so that a contributor fixes the lines and uploads again.
 *
 * @param text - the decoded file (UTF-8 or Windows-1252 decoded by the caller; a byte-order mark is skipped)
 * @param options.isKnownCommune - the communes a need may name (default: the territory's)
 * @example needsFromCsv('Métier;Effectif;Horizon (mois);Commune;Contrat\nCariste;2;6;Florange;CDI').rows[0]?.need.romeCode // 'N1101'
 */
export function needsFromCsv(
  text: string,
  options: { isKnownCommune?: (code: string) => boolean } = {},
): NeedsCsvReport {
  const isKnownCommune = options.isKnownCommune ?? ((code: string) => communeName(code) !== undefined);
  const { records, unterminatedAt } = parseCsv(text);
  const [head, ...data] = records;
  const report: NeedsCsvReport = { rows: [], errors: [], accepted: 0, rejected: 0 };
  if (!head) {
    report.errors.push({ line: 1, column: '', problem: 'empty_file' });
    return report;
  }
  const columns = new Map<NeedsCsvField, { index: number; name: string }>();
  head.fields.forEach((name, index) => {
    const field = fieldOfHeader(name);
    if (!field || field === 'ignored') return;
    if (columns.has(field))
      report.errors.push({ line: 1, column: name.trim(), field, problem: 'duplicate_column' });
    else columns.set(field, { index, name: name.trim() });
  });
  for (const field of NEEDS_CSV_REQUIRED) {
    if (!columns.has(field))
      report.errors.push({
        line: 1,
        column: NEEDS_CSV_FRENCH_HEADER[field],
        field,
        problem: 'missing_column',
      });
  }
  if (report.errors.length > 0) {
    report.rejected = data.length;
    return report;
  }
  for (const [index, record] of data.entries()) {
    if (report.rows.length >= MAX_NEEDS_PER_CONTRIBUTION) {
      report.errors.push({
        line: record.line,
        column: '',
        problem: 'too_many_lines',
        max: MAX_NEEDS_PER_CONTRIBUTION,
      });
      report.rejected += data.length - index;
      break;
    }
    if (record.fields.length !== head.fields.length) {
      report.errors.push({
        line: record.line,
        column: '',
        problem: 'field_count',
        expected: head.fields.length,
        found: record.fields.length,
      });
      report.rejected += 1;
      continue;
    }
    const read = readLine(record.fields, record.line, columns, isKnownCommune);
    if ('errors' in read) {
      report.errors.push(...read.errors);
      report.rejected += 1;
    } else report.rows.push({ line: record.line, need: read.need });
  }
  if (unterminatedAt !== undefined) {
    report.errors.push({ line: unterminatedAt, column: '', problem: 'unclosed_quote' });
    report.rejected += 1;
  }
  report.accepted = report.rows.length;
  return report;
}

function readLine(
  fields: readonly string[],
  line: number,
  columns: ReadonlyMap<NeedsCsvField, { index: number; name: string }>,
  isKnownCommune: (code: string) => boolean,
): { need: NeedDraft } | { errors: NeedsCsvError[] } {
  const errors: NeedsCsvError[] = [];
  const cell = (field: NeedsCsvField) => {
    const column = columns.get(field);
    return column ? (fields[column.index] ?? '').trim() : '';
  };
  const fail = (field: NeedsCsvField, problem: NeedsCsvProblem, extra: Partial<NeedsCsvError> = {}) => {
    errors.push({
      line,
      column: columns.get(field)?.name ?? NEEDS_CSV_FRENCH_HEADER[field],
      field,
      problem,
      ...extra,
    });
  };
  const integer = (field: 'headcount' | 'horizonMonths' | 'difficulty', fallback?: number) => {
    const raw = cell(field);
    if (raw === '' && fallback !== undefined) return fallback;
    if (raw === '') return fail(field, 'required');
    const value = parseNumber(raw);
    if (value === undefined || !Number.isInteger(value))
      return fail(field, 'not_whole_number', { value: cut(raw) });
    const { min, max } = LIMITS[field];
    if (value < min || value > max) return fail(field, 'out_of_range', { value: cut(raw), min, max });
    return value;
  };

  const occupationText = cell('occupation');
  const romeCode = occupationText ? resolveRomeCode(occupationText) : undefined;
  if (!occupationText) fail('occupation', 'required');
  else if (!romeCode) fail('occupation', 'unknown_occupation', { value: cut(occupationText) });

  const communeText = cell('commune');
  const communeCode = communeText ? resolveCommuneCode(communeText) : undefined;
  if (!communeText) fail('commune', 'required');
  else if (!communeCode || !isKnownCommune(communeCode))
    fail('commune', 'unknown_commune', { value: cut(communeText) });

  const contractText = cell('contract');
  const contract = contractOf(contractText);
  if (!contractText) fail('contract', 'required');
  else if (!contract) fail('contract', 'unknown_contract', { value: cut(contractText) });

  const crossText = cell('crossBorder');
  const crossBorder = yesNoOf(crossText);
  if (crossBorder === undefined) fail('crossBorder', 'not_yes_no', { value: cut(crossText) });

  const headcount = integer('headcount');
  const horizonMonths = integer('horizonMonths');
  const difficulty = integer('difficulty', 2);
  const title = cell('title') || (romeCode ? (findRomeOccupation(romeCode)?.label ?? '') : '');
  const skills = cell('skills')
    .split(/[|,]/)
    .map((skill) => skill.trim())
    .filter(Boolean);
  const comment = cell('comment');
  if (title.length > 200) fail('title', 'too_long', { max: 200 });
  if (skills.length > 50) fail('skills', 'too_many', { max: 50 });
  if (skills.some((skill) => skill.length > 100)) fail('skills', 'too_long', { max: 100 });
  if (comment.length > 5000) fail('comment', 'too_long', { max: 5000 });
  if (errors.length > 0) return { errors };

  const parsed = needDraftSchema.safeParse({
    romeCode,
    title,
    skills,
    headcount,
    horizonMonths,
    communeCode,
    contract,
    difficulty,
    crossBorder,
    comment,
  });
  // Every rule of the schema is checked above; this is the backstop, reported without its text.
  if (!parsed.success) return { errors: [{ line, column: '', problem: 'invalid' }] };
  return { need: parsed.data };
}
