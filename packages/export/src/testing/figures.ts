// The cross-format check of a report's scenario figures: each figure of each scenario must have one
// value in the PDF (its tagged tables and its text), the DOCX (its tables and text), the XLSX
// (scenarios sheet: the raw value and the printed text) and the open-data JSON (raw value). And the
// ideas board: every word its figure draws in the PDF's text and the DOCX's picture, its text
// alternative on both, every card in the JSON (the XLSX has no ideas sheet).
import { formatIndicator, type OpenDataBundle, type Report } from '@atelier/domain';
import ExcelJS from 'exceljs';
import { boardScenes } from '../board/board-scene.ts';
import { DOCX_BOARD_PART } from '../docx.ts';
import type { Scene } from '../graphics/scene.ts';
import { PDF_BOARD_PART } from '../pdf.ts';
import {
  docxParagraphs,
  docxTables,
  pdfFigureAlts,
  pdfPages,
  pdfStructure,
  structTables,
  zipPart,
  zipParts,
} from './read-files.ts';

/** Spaces as a reader copies them: the PDF prints no-break spaces where the others hold narrow ones. */
export const normaliseSpaces = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

export interface FigureFiles {
  report: Report;
  pdf: Uint8Array;
  docx: Uint8Array;
  xlsx: Uint8Array;
  json: string;
}

const flat = (text: string) => normaliseSpaces(text).replace(/\s+/g, ' ');

/** The problems of the ideas board: every text of its figure, its alternative text, its cards. */
function boardMismatches(files: FigureFiles): string[] {
  const { report } = files;
  const board = report.board;
  if (!board) return report.ideas.length > 0 ? ['the report has ideas but no board'] : [];
  const problems: string[] = [];
  const words = (scenes: Scene[]) =>
    scenes.flatMap((scene) => scene.shapes.flatMap((shape) => (shape.kind === 'text' ? [shape.text] : [])));
  const parts = (size: { width: number; height: number }) =>
    boardScenes({ board, labels: report.labels.board, ...size });

  const pdfScenes = parts(PDF_BOARD_PART);
  const pdfText = flat(pdfPages(files.pdf).join('\n'));
  for (const text of words(pdfScenes))
    if (!pdfText.includes(flat(text))) problems.push(`PDF board lacks: ${text}`);
  const alts = pdfFigureAlts(files.pdf).map(flat);
  for (const scene of pdfScenes)
    if (!alts.includes(flat(scene.description)))
      problems.push(`PDF board lacks the alternative text: ${scene.title}`);

  const docxScenes = parts(DOCX_BOARD_PART);
  const svg = zipParts(files.docx)
    .filter((part) => part.startsWith('word/media/') && part.endsWith('.svg'))
    .map((part) => zipPart(files.docx, part))
    .join('\n');
  const svgText = flat(
    [...svg.matchAll(/<text [^>]*fill="(?!none)[^"]*">([^<]*)<\/text>/g)]
      .map((m) =>
        m[1]!
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&quot;', '"')
          .replaceAll('&amp;', '&'),
      )
      .join('\n'),
  );
  for (const text of words(docxScenes))
    if (!svgText.includes(flat(text))) problems.push(`DOCX board lacks: ${text}`);
  const documentXml = flat(
    zipPart(files.docx, 'word/document.xml')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&'),
  );
  for (const scene of docxScenes)
    if (!documentXml.includes(`descr="${flat(scene.description)}"`))
      problems.push(`DOCX board lacks the alternative text: ${scene.title}`);

  const bundle = JSON.parse(files.json) as OpenDataBundle;
  const ideas = new Map(bundle.ideas.map((idea) => [idea.id, idea]));
  for (const card of board.cards) {
    const idea = ideas.get(card.id);
    if (idea?.text !== card.text) problems.push(`JSON lacks the card ${card.id}`);
    else if ((idea.groupId ?? null) !== card.groupId) problems.push(`JSON puts ${card.id} in another group`);
  }
  if (bundle.ideas.length !== board.cards.length)
    problems.push(`JSON: ${bundle.ideas.length} ideas, the board ${board.cards.length} cards`);
  return problems;
}

/** The problems found: empty when every figure has one value across the four formats. */
export async function figureMismatches(files: FigureFiles): Promise<string[]> {
  const { report } = files;
  const scenarios = report.scenarios;
  const problems: string[] = boardMismatches(files);
  if (!scenarios) return [...problems, 'the report has no scenarios'];
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
