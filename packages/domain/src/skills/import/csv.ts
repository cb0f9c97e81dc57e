// A small CSV reader for the importers: RFC 4180 quoting, `;`, `,` or tab delimiters (detected from
// the header line), CRLF or LF, a leading byte-order mark. Decoding bytes is the caller's job.

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export interface ImportError {
  line: number;
  /** Column name from the header, or '' for a problem with the whole line. */
  column: string;
  problem: string;
}

export interface ImportResult<Row> {
  rows: Row[];
  errors: ImportError[];
  accepted: number;
  rejected: number;
}

/** Detects the delimiter from the first line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = -1;
  for (const candidate of [';', ',', '\t']) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Splits CSV text into records. Blank lines are skipped. An unterminated quote yields a record with
 * `unterminated: true` so that importers can report the line.
 *
 * @example parseCsv('a;b\n1;"x;y"\n').records[1].fields // ['1', 'x;y']
 */
export function parseCsv(
  text: string,
  delimiter = detectDelimiter(text),
): { records: CsvRecord[]; unterminatedAt?: number } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '' && !fieldStarted))
      records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      fieldStarted = true;
    } else if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += c;
  }
  if (inQuotes) return { records, unterminatedAt: recordLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { records };
}

/** A number written `12`, `12.5`, `12,5` or `1 234`; `undefined` when it is not one. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

/** A share written `0.85`, `0,85` or `85%`; `undefined` when it is not between 0 and 1. */
export function parseShare(text: string): number | undefined {
  const trimmed = text.trim();
  const percent = trimmed.endsWith('%');
  const value = parseNumber(percent ? trimmed.slice(0, -1) : trimmed);
  if (value === undefined) return undefined;
  const share = percent ? value / 100 : value;
  return share >= 0 && share <= 1 ? share : undefined;
}

/**
 * Reads a CSV with a header and hands each data record, as a column → text map, to `readRow`, which
 * returns a row or the problems it found. Collects rows and errors; a line with the wrong number of
 * fields is an error of the whole line.
 */
export function importRows<Row>(options: {
  text: string;
  /** Header names that must be present (matched after `normalizeHeader`). */
  required: readonly string[];
  normalizeHeader?: (name: string) => string;
  readRow: (cells: ReadonlyMap<string, string>, line: number) => Row | ImportError[];
}): ImportResult<Row> & { header: string[] } {
  const { text, required, normalizeHeader = (h) => h.trim(), readRow } = options;
  const { records, unterminatedAt } = parseCsv(text);
  const errors: ImportError[] = [];
  const rows: Row[] = [];
  const [head, ...data] = records;
  if (!head)
    return {
      rows,
      errors: [{ line: 1, column: '', problem: 'the file is empty' }],
      accepted: 0,
      rejected: 0,
      header: [],
    };
  const header = head.fields.map(normalizeHeader);
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length)
    return {
      rows,
      errors: missing.map((column) => ({ line: 1, column, problem: 'missing column in the header' })),
      accepted: 0,
      rejected: data.length,
      header,
    };
  let rejected = 0;
  for (const record of data) {
    if (record.fields.length !== header.length) {
      errors.push({
        line: record.line,
        column: '',
        problem: `expected ${header.length} fields, found ${record.fields.length}`,
      });
      rejected++;
      continue;
    }
    const cells = new Map(header.map((name, i) => [name, record.fields[i]!.trim()]));
    const row = readRow(cells, record.line);
    if (Array.isArray(row)) {
      errors.push(...row);
      rejected++;
    } else rows.push(row);
  }
  if (unterminatedAt !== undefined) {
    errors.push({ line: unterminatedAt, column: '', problem: 'a quoted field is never closed' });
    rejected++;
  }
  return { rows, errors, accepted: rows.length, rejected, header };
}
