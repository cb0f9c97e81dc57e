import { buildReport, sampleReportInput } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.ts';
import { renderOpenDataJson } from './open-data.ts';
import { renderPdf } from './pdf.ts';
import { figureMismatches } from './testing/figures.ts';
import { poppler } from './testing/read-files.ts';
import { renderXlsx } from './xlsx.ts';

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
