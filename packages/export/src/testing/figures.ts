// The cross-format check of a report's scenario figures: each figure of each scenario must have one
// value in the PDF (its tagged tables and its text), the DOCX (its tables and text), the XLSX
// (scenarios sheet: the raw value and the printed text) and the open-data JSON (raw value).
import { formatIndicator, type OpenDataBundle, type Report } from '@atelier/domain';
import ExcelJS from 'exceljs';
import { docxParagraphs, docxTables, pdfPages, pdfStructure, structTables, zipPart } from './read-files.ts';

/** Spaces as a reader copies them: the PDF prints no-break spaces where the others hold narrow ones. */
export const normaliseSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

export interface FigureFiles {
  report: Report;
  pdf: Uint8Array;
  docx: Uint8Array;
  xlsx: Uint8Array;
  json: string;
}

/** The problems found: empty when every figure has one value across the four formats. */
export async function figureMismatches(files: FigureFiles): Promise<string[]> {
  const { report } = files;
  const scenarios = report.scenarios;
  if (!scenarios) return ['the report has no scenarios'];
  const problems: string[] = [];
  const titles = scenarios.scenarios.map((s) => s.title);
  const names = new Map(scenarios.indicators.map((i) => [i.name, i]));

  // JSON: the raw values, the reference.
  const bundle = JSON.parse(files.json) as OpenDataBundle;
  const raw = new Map<string, number | null>();
  for (const run of bundle.results?.scenarios ?? [])
    for (const [id, value] of Object.entries(run.indicators)) raw.set(`${run.scenarioId}|${id}`, value);
  const expectedText = new Map<string, string>();
  scenarios.scenarios.forEach((scenario, index) => {
    for (const indicator of scenarios.indicators) {
      const key = `${scenario.scenarioId}|${indicator.id}`;
      if (!raw.has(key)) {
        problems.push(`JSON: no ${indicator.id} for ${scenario.title}`);
        continue;
      }
      const value = raw.get(key)!;
      if (value !== indicator.values[index]!.raw) problems.push(`report vs JSON: ${key}`);
      expectedText.set(
        `${scenario.title}|${indicator.name}`,
        normaliseSpaces(value === null ? '—' : formatIndicator(value, indicator.unit, report.locale)),
      );
    }
    const json = bundle.results?.scenarios.find((s) => s.scenarioId === scenario.scenarioId);
    if (json?.fingerprint !== scenario.fingerprint) problems.push(`JSON fingerprint of ${scenario.title}`);
  });

  // XLSX: the scenarios sheet.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(files.xlsx).buffer as ArrayBuffer);
  const sheet = workbook.getWorksheet(report.labels.sections.scenarios.slice(0, 31));
  if (!sheet) problems.push('XLSX: no scenarios sheet');
  sheet?.eachRow((row, number) => {
    if (number === 1) return;
    const [id, title, fingerprint, indicatorId, name, value, text] = (row.values as unknown[]).slice(1);
    const key = `${id === '' || id === undefined ? null : String(id)}|${String(indicatorId)}`;
    const expectedRaw = raw.get(key);
    if ((value === '' || value === undefined ? null : value) !== expectedRaw)
      problems.push(`XLSX value ${key}: ${String(value)} ≠ ${String(expectedRaw)}`);
    const expected = expectedText.get(`${String(title)}|${String(name)}`);
    if (normaliseSpaces(String(text)) !== expected)
      problems.push(`XLSX text ${key}: ${String(text)} ≠ ${expected}`);
    if (scenarios.scenarios.find((s) => s.title === title)?.fingerprint !== fingerprint)
      problems.push(`XLSX fingerprint of ${String(title)}`);
  });

  // PDF and DOCX: every table row headed by an indicator name, under columns headed by scenario
  // titles, must print the expected text; every comparison sentence is printed as the lab wrote it.
  const checkTables = (format: string, tables: string[][][]) => {
    let seen = 0;
    for (const table of tables) {
      const header = table[0]?.map(normaliseSpaces) ?? [];
      const columns = header.map((cell) => titles.indexOf(cell));
      if (!columns.some((c) => c >= 0)) continue;
      for (const row of table.slice(1)) {
        const indicator = names.get(normaliseSpaces(row[0] ?? ''));
        if (!indicator) continue;
        row.forEach((cell, i) => {
          const scenario = columns[i]!;
          if (scenario < 0) return;
          seen++;
          const expected = expectedText.get(`${titles[scenario]}|${indicator.name}`);
          if (normaliseSpaces(cell) !== expected)
            problems.push(`${format}: ${indicator.name} of ${titles[scenario]}: ${cell} ≠ ${expected}`);
        });
      }
    }
    if (seen < titles.length * scenarios.indicators.length)
      problems.push(`${format}: ${seen} scenario figures in tables, fewer than every one`);
  };
  checkTables('PDF', structTables(pdfStructure(files.pdf)));
  const documentXml = zipPart(files.docx, 'word/document.xml');
  checkTables('DOCX', docxTables(documentXml));
  const pdfText = normaliseSpaces(pdfPages(files.pdf).join('\n').replace(/\s+/g, ' '));
  const docxText = normaliseSpaces(docxParagraphs(documentXml).join('\n').replace(/\s+/g, ' '));
  for (const comparison of scenarios.comparisons)
    for (const row of comparison.rows) {
      if (!/[1-9]/.test(row.difference)) continue;
      const sentence = normaliseSpaces(row.sentence).replace(/\s+/g, ' ');
      if (!pdfText.includes(sentence)) problems.push(`PDF lacks: ${sentence}`);
      if (!docxText.includes(sentence)) problems.push(`DOCX lacks: ${sentence}`);
    }
  for (const scenario of scenarios.scenarios) {
    if (!pdfText.includes(scenario.fingerprint))
      problems.push(`PDF lacks the fingerprint of ${scenario.title}`);
    if (!docxText.includes(scenario.fingerprint))
      problems.push(`DOCX lacks the fingerprint of ${scenario.title}`);
  }
  return problems;
}
