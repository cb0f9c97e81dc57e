// A problem of an uploaded CSV of needs as a sentence in the reader's language, naming its line
// and its column (issue 20): the domain reports codes, never a validator's text.
import type { NeedsCsvError } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

/**
 * @example csvErrorText({ line: 3, column: 'Effectif', problem: 'not_whole_number', value: 'douze' }) // 'Ligne 3, colonne « Effectif » : « douze » n'est pas un nombre entier.'
 */
export function csvErrorText(error: NeedsCsvError, locale?: 'fr' | 'en' | 'de'): string {
  const o = locale ? { locale } : {};
  const at = { line: error.line, column: error.column, value: error.value ?? '' };
  switch (error.problem) {
    case 'empty_file':
      return m.csv_err_empty_file({}, o);
    case 'missing_column':
      return m.csv_err_missing_column(at, o);
    case 'duplicate_column':
      return m.csv_err_duplicate_column(at, o);
    case 'field_count':
      return m.csv_err_field_count(
        {
          line: error.line,
          expected: error.expected ?? 0,
          found: error.found ?? 0,
        },
        o,
      );
    case 'unclosed_quote':
      return m.csv_err_unclosed_quote(at, o);
    case 'too_many_lines':
      return m.csv_err_too_many_lines({ line: error.line, max: error.max ?? 0 }, o);
    case 'required':
      return m.csv_err_required(at, o);
    case 'not_whole_number':
      return m.csv_err_not_whole_number(at, o);
    case 'out_of_range':
      return m.csv_err_out_of_range({ ...at, min: error.min ?? 0, max: error.max ?? 0 }, o);
    case 'unknown_occupation':
      return m.csv_err_unknown_occupation(at, o);
    case 'unknown_commune':
      return m.csv_err_unknown_commune(at, o);
    case 'unknown_contract':
      return m.csv_err_unknown_contract(at, o);
    case 'not_yes_no':
      return m.csv_err_not_yes_no(at, o);
    case 'too_long':
      return m.csv_err_too_long({ ...at, max: error.max ?? 0 }, o);
    case 'too_many':
      return m.csv_err_too_many({ ...at, max: error.max ?? 0 }, o);
    case 'invalid':
      return m.csv_err_invalid(at, o);
    default: {
      const unreachable: never = error.problem;
      return unreachable;
    }
  }
}
