import { buildReport, sampleReportInput, type ReportInput } from '@atelier/domain';
import { arrangedBoardInput, columnBoardInput } from './board/board-fixtures.ts';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.ts';
import { renderOpenDataJson } from './open-data.ts';
import { renderPdf } from './pdf.ts';
import { figureMismatches } from './testing/figures.ts';
import { poppler } from './testing/read-files.ts';
import { renderXlsx } from './xlsx.ts';

/** The four files of a report, the PDF made from `pdfReport` when given (a renderer gone wrong). */
async function filesOf(
  input: ReportInput,
  pdfReport?: (report: ReturnType<typeof buildReport>) => ReturnType<typeof buildReport>,
) {
  const report = buildReport(input);
  return {
    report,
    pdf: await renderPdf({ report: pdfReport ? pdfReport(report) : report }),
    docx: await renderDocx({ report }),
    xlsx: await renderXlsx({ report }),
    json: renderOpenDataJson({ input, licence: 'etalab-2.0' }),
  };
}

describe.skipIf(!poppler)('the ideas board of a report', () => {
  it('is the same figure in the PDF and the DOCX, with every card in the JSON: arranged, and in columns', async () => {
    expect(await figureMismatches(await filesOf(arrangedBoardInput()))).toEqual([]);
    expect(await figureMismatches(await filesOf(columnBoardInput({ locale: 'en' })))).toEqual([]);
  }, 120_000);

  it('is caught when one format draws another board', async () => {
    const problems = await figureMismatches(
      await filesOf(arrangedBoardInput(), (report) => ({
        ...report,
        board: {
          ...report.board!,
          cards: report.board!.cards.map((card) =>
            card.anonymous ? { ...card, author: 'Karim Formation' } : card,
          ),
        },
      })),
    );
    expect(problems).toContain('PDF board lacks: Anonyme');
  }, 120_000);
});

describe.skipIf(!poppler)('the scenario figures of a report', () => {
  it('have one value each across the PDF, the DOCX, the XLSX and the open-data JSON', async () => {
    const input = sampleReportInput();
    const report = buildReport(input);
    const problems = await figureMismatches({
      report,
      pdf: await renderPdf({ report }),
      docx: await renderDocx({ report }),
      xlsx: await renderXlsx({ report }),
      json: renderOpenDataJson({ input, licence: 'etalab-2.0' }),
    });
    expect(problems).toEqual([]);
  }, 120_000);

  it('are caught when one format prints another value', async () => {
    const input = sampleReportInput();
    const report = buildReport(input);
    // A PDF made from other results than the others: the check must see it.
    const scenarios = structuredClone(report.scenarios!);
    scenarios.indicators.find((i) => i.id === 'skillsGap5')!.values[0]!.text = '6 340';
    const problems = await figureMismatches({
      report,
      pdf: await renderPdf({ report: { ...report, scenarios } }),
      docx: await renderDocx({ report }),
      xlsx: await renderXlsx({ report }),
      json: renderOpenDataJson({ input, licence: 'etalab-2.0' }),
    });
    expect(problems.some((p) => p.startsWith('PDF: Postes non pourvus à 5 ans'))).toBe(true);
  }, 120_000);
});
