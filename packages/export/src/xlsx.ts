import { reportTables, scenarioTable, type Report } from '@atelier/domain';
import ExcelJS from 'exceljs';
import { neutraliseCell } from './csv.ts';

/**
 * The report's tables (needs, training offers, roadmap, votes, contributions, and the scenarios'
 * figures: raw value and the text the PDF and DOCX print) as one workbook, a sheet each,
 * headers in the report's language, bold and frozen. Text cells are written as text and
 * formula-like ones neutralised as in CSV.
 *
 * @example await writeFile('atelier.xlsx', await renderXlsx({ report }))
 */
export async function renderXlsx(options: { report: Report }): Promise<Buffer> {
  const { report } = options;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Atelier';
  workbook.created = new Date(report.meta.exportedAt);
  workbook.title = report.meta.title;
  const scenarios = scenarioTable(report);
  for (const table of [...reportTables(report), ...(scenarios ? [scenarios] : [])]) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const sheet = workbook.addWorksheet(table.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(neutraliseCell));
    sheet.columns.forEach((column, index) => {
      const longest = Math.max(
        table.columns[index]?.length ?? 0,
        ...table.rows.slice(0, 200).map((row) => String(row[index] ?? '').length),
      );
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
