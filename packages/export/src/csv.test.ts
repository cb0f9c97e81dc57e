import { buildReport, reportTables, sampleReportInput } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, renderCsv } from './csv.ts';

/** A small RFC 4180 reader, to parse the output back. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += char;
  }
  return rows;
}

const report = buildReport(sampleReportInput());
const needs = reportTables(report).find((t) => t.name === 'needs')!;

describe('renderCsv', () => {
  it('starts with a BOM, ends lines with CRLF, and parses back to the table', () => {
    const csv = renderCsv({ table: needs });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(needs.rows.length + 2);
    const rows = parseCsv(csv.slice(1), ',');
    expect(rows[0]).toEqual(needs.columns);
    expect(rows.slice(1).map((r) => r[3])).toContain('Soudeurs TIG');
    expect(rows.slice(1).map((r) => Number(r[5]))).toEqual(needs.rows.map((r) => r[5]));
  });

  it('writes French Excel CSV with semicolons, quoting fields that hold one', () => {
    const table = { ...needs, rows: [['a;b', 'say "hi"', 'two\nlines', 1.5]], columns: ['x', 'y', 'z', 'n'] };
    const csv = renderCsv({ table, separator: ';', bom: false });
    expect(csv).toBe('x;y;z;n\r\n"a;b";"say ""hi""";"two\nlines";1.5\r\n');
    expect(parseCsv(csv, ';')[1]).toEqual(['a;b', 'say "hi"', 'two\nlines', '1.5']);
  });

  it('neutralises a need titled with a formula', () => {
    const csv = renderCsv({ table: needs, separator: ';' });
    const titles = parseCsv(csv.slice(1), ';').map((r) => r[3]);
    expect(titles).toContain('\'=HYPERLINK("http://x","y")');
    expect(csv).not.toMatch(/(^|[;\n])"?=HYPERLINK/);
  });

  it('neutralises every formula start, and leaves numbers and plain text alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseCell(`${start}1`)).toBe(`'${start}1`);
    expect(neutraliseCell(-3)).toBe(-3);
    expect(neutraliseCell('Soudeurs')).toBe('Soudeurs');
  });
});
