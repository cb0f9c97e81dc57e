// Importer for the France Travail "Besoins en main-d'œuvre" (BMO) open-data CSV. Columns (FACTS.md):
// annee, Code métier BMO, Nom métier BMO, Famille_met, Lbl_fam_met, REG, NOM_REG, Dept, NomDept,
// BEyy (employment area; the suffix follows the year, e.g. BE24), NOMBEyy, met (hiring projects),
// xmet (judged difficult), smet (seasonal). `*` marks a value suppressed for confidentiality.
import { importRows, parseNumber } from './csv.ts';
import type { ImportError, ImportResult } from './csv.ts';

export interface BmoRow {
  line: number;
  year: number;
  bmoCode: string;
  bmoLabel: string;
  family: string;
  familyLabel: string;
  region: string;
  regionName: string;
  department: string;
  departmentName: string;
  employmentArea: string;
  employmentAreaName: string;
  /** Hiring projects; `null` when suppressed (`*`). */
  projects: number | null;
  /** Projects judged difficult; `null` when suppressed. */
  difficult: number | null;
  /** Seasonal projects; `null` when suppressed. */
  seasonal: number | null;
}

const BASE_COLUMNS = [
  'annee',
  'Code métier BMO',
  'Nom métier BMO',
  'Famille_met',
  'Lbl_fam_met',
  'REG',
  'NOM_REG',
  'Dept',
  'NomDept',
  'met',
  'xmet',
  'smet',
] as const;

/**
 * Parses a BMO CSV (any year): good rows are kept, each bad row yields errors naming the line, the
 * column and the problem.
 *
 * @param text - the decoded file content
 * @example const { rows, errors, accepted, rejected } = importBmoCsv(text);
 */
export function importBmoCsv(
  text: string,
): ImportResult<BmoRow> & { employmentAreaColumn: string | undefined } {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const areaColumn = /(?:^|[;,\t"])(BE\d{2})(?=["]?(?:[;,\t]|$))/.exec(firstLine)?.[1];
  const nameColumn = areaColumn ? `NOM${areaColumn}` : undefined;
  const result = importRows<BmoRow>({
    text,
    required: [...BASE_COLUMNS, ...(areaColumn ? [areaColumn, nameColumn!] : ['BEyy'])],
    readRow: (cells, line) => {
      const errors: ImportError[] = [];
      const count = (column: string): number | null => {
        const raw = cells.get(column) ?? '';
        if (raw === '*') return null;
        const value = parseNumber(raw);
        if (value === undefined || value < 0) {
          errors.push({
            line,
            column,
            problem:
              raw === ''
                ? 'empty value (use * for a suppressed one)'
                : `"${raw}" is not a non-negative number`,
          });
          return null;
        }
        return value;
      };
      const year = parseNumber(cells.get('annee') ?? '');
      if (year === undefined || !Number.isInteger(year) || year < 2000 || year > 2100)
        errors.push({ line, column: 'annee', problem: `"${cells.get('annee')}" is not a year` });
      const bmoCode = cells.get('Code métier BMO') ?? '';
      if (bmoCode === '') errors.push({ line, column: 'Code métier BMO', problem: 'empty occupation code' });
      const employmentArea = cells.get(areaColumn!) ?? '';
      if (!/^\d{3,5}$/.test(employmentArea))
        errors.push({
          line,
          column: areaColumn!,
          problem: `"${employmentArea}" is not an employment area code`,
        });
      const projects = count('met');
      const difficult = count('xmet');
      const seasonal = count('smet');
      if (projects !== null && difficult !== null && difficult > projects)
        errors.push({
          line,
          column: 'xmet',
          problem: `more difficult projects (${difficult}) than projects (${projects})`,
        });
      if (projects !== null && seasonal !== null && seasonal > projects)
        errors.push({
          line,
          column: 'smet',
          problem: `more seasonal projects (${seasonal}) than projects (${projects})`,
        });
      if (errors.length) return errors;
      return {
        line,
        year: year!,
        bmoCode,
        bmoLabel: cells.get('Nom métier BMO')!,
        family: cells.get('Famille_met')!,
        familyLabel: cells.get('Lbl_fam_met')!,
        region: cells.get('REG')!,
        regionName: cells.get('NOM_REG')!,
        department: cells.get('Dept')!,
        departmentName: cells.get('NomDept')!,
        employmentArea,
        employmentAreaName: cells.get(nameColumn!)!,
        projects,
        difficult,
        seasonal,
      };
    },
  });
  if (!areaColumn && result.errors[0]?.column === 'BEyy')
    result.errors[0] = {
      line: 1,
      column: 'BEyy',
      problem: 'no employment-area column (BE followed by two digits, e.g. BE24)',
    };
  const { header: _header, ...rest } = result;
  return { ...rest, employmentAreaColumn: areaColumn };
}
