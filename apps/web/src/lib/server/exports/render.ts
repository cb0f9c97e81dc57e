import { buildReport, reportTables, type ReportInput } from '@atelier/domain';
import { renderCsv, renderDocx, renderOpenDataJson, renderPdf, renderXlsx } from '@atelier/export';
import type { ExportOptions } from './options.ts';

export interface RenderedExport {
  file: Uint8Array;
  fileName: string;
  contentType: string;
}

/** `atelier-<date>-<workshop id prefix>-<what>.<ext>`: nothing typed by a person goes into a file name. */
function fileName(input: ReportInput, what: string, extension: string): string {
  const day = input.exportedAt.toISOString().slice(0, 10);
  return `atelier-${day}-${input.workshop.id.slice(0, 8)}-${what}${input.anonymised ? '-anonymised' : ''}.${extension}`;
}

/** Renders one export of a workshop in the chosen format. */
export async function renderExport(options: {
  input: ReportInput;
  choice: ExportOptions;
}): Promise<RenderedExport> {
  const { input, choice } = options;
  switch (choice.format) {
    case 'pdf':
      return {
        file: await renderPdf({ report: buildReport(input) }),
        fileName: fileName(input, 'report', 'pdf'),
        contentType: 'application/pdf',
      };
    case 'docx':
      return {
        file: await renderDocx({ report: buildReport(input) }),
        fileName: fileName(input, 'minutes', 'docx'),
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      };
    case 'xlsx':
      return {
        file: await renderXlsx({ report: buildReport(input) }),
        fileName: fileName(input, 'tables', 'xlsx'),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    case 'csv': {
      const table = reportTables(buildReport(input)).find((t) => t.name === choice.table)!;
      return {
        file: new TextEncoder().encode(renderCsv({ table, separator: choice.separator })),
        fileName: fileName(
          input,
          choice.table.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
          'csv',
        ),
        contentType: 'text/csv; charset=utf-8',
      };
    }
    case 'json':
      return {
        file: new TextEncoder().encode(renderOpenDataJson({ input, licence: choice.licence })),
        fileName: fileName(input, 'open-data', 'json'),
        contentType: 'application/json; charset=utf-8',
      };
    default: {
      const unreachable: never = choice.format;
      throw new Error(`unknown format ${String(unreachable)}`);
    }
  }
}
