import type { ReportTable, TableCell } from '@atelier/domain';

/** Field separators: `,` (RFC 4180) or `;` (what French Excel expects). */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage
 * return first) gets a leading apostrophe, so it is shown as text and never evaluated
 * (OWASP "CSV injection"). Numbers are left alone.
 *
 * @example neutraliseCell('=HYPERLINK("http://x","y")') // '\'=HYPERLINK("http://x","y")'
 */
export function neutraliseCell(cell: TableCell): TableCell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function field(cell: TableCell, separator: CsvSeparator): string {
  const text = String(neutraliseCell(cell));
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One table as CSV: RFC 4180 (CRLF line ends, fields with the separator, a quote or a line
 * break quoted, quotes doubled), UTF-8 with a byte-order mark so that Excel reads accents,
 * formula-like cells neutralised. Numbers are written with a dot.
 *
 * @param options.separator - `,` by default, `;` for French Excel
 * @example renderCsv({ table, separator: ';' })
 */
export function renderCsv(options: { table: ReportTable; separator?: CsvSeparator; bom?: boolean }): string {
  const { table } = options;
  const separator = options.separator ?? ',';
  const lines = [table.columns, ...table.rows].map((row) =>
    row.map((cell) => field(cell, separator)).join(separator),
  );
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
