import { buildReport, reportTables, sampleReportInput } from '@atelier/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from './xlsx.ts';

describe('renderXlsx', () => {
  it('writes one sheet per table that reads back as the data, formulas neutralised', async () => {
    const report = buildReport(sampleReportInput({ locale: 'en' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await renderXlsx({ report })).buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Skills needs',
      'Training offer',
      'Roadmap',
      'Decisions and votes',
      'Accepted contributions',
      'Scenario comparison',
    ]);
    for (const table of reportTables(report)) {
      const sheet = workbook.getWorksheet(table.title.slice(0, 31))!;
      const values = sheet
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
      expect(values[0]).toEqual(table.columns);
      expect(values).toHaveLength(table.rows.length + 1);
      values.slice(1).forEach((row, index) =>
        row.forEach((cell, column) => {
          const expected = table.rows[index]![column];
          if (typeof expected === 'string' && /^[=+\-@]/.test(expected)) expect(cell).toBe(`'${expected}`);
          else expect(cell ?? '').toEqual(expected);
        }),
      );
    }
    const needs = workbook.getWorksheet('Skills needs')!;
    let formulas = 0;
    needs.eachRow((row) =>
      row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++)),
    );
    expect(formulas).toBe(0);
  });
});
