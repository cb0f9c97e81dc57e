// The demo workshop's report as the exports page makes it (the same loader, the same renderers),
// read back from the files as a reader would: the PDF's text and structure tree, the DOCX's
// tables, the XLSX's sheets, the JSON.
import { buildReport, type Report, type ReportInput, type ReportLocale } from '@atelier/domain';
import { renderDocx, renderOpenDataJson, renderPdf, renderXlsx } from '@atelier/export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Test helpers of the export package, read from its sources (they are not part of its API).
import { figureMismatches, normaliseSpaces } from '../../export/src/testing/figures.ts';
import {
  pdfFigureAlts,
  pdfInfo,
  pdfPages,
  pdfStructure,
  poppler,
  structTables,
  textOf,
  walk,
} from '../../export/src/testing/read-files.ts';
import { loadReportInput, seedDemo, workshops, type Db } from '../src/index.ts';
import { testBackends } from '../src/testing/index.ts';
import { demoWorkshops, SEEDED_AT } from './seed/support.ts';

if (!poppler)
  console.warn('demo report checks skipped: install poppler-utils (apt-get install -y poppler-utils)');

const pglite = testBackends().find((backend) => backend.name === 'pglite')!;

describe.skipIf(!poppler)("the demo workshop's report", { timeout: 180_000 }, () => {
  let db: Db;
  const inputs = new Map<ReportLocale, ReportInput>();
  const reports = new Map<ReportLocale, Report>();
  const pdfs = new Map<ReportLocale, Buffer>();

  beforeAll(async () => {
    db = await pglite.open();
    await seedDemo({ sql: db.sql, now: SEEDED_AT });
    const { liveId } = await demoWorkshops(db.sql);
    const workshop = (await workshops.findById(db.sql, { id: liveId }))!;
    for (const locale of ['fr', 'en', 'de'] as const) {
      const input = await loadReportInput(db.sql, {
        workshop,
        versionId: null,
        locale,
        anonymised: false,
        exportedBy: 'Julien Animateur',
        licence: 'etalab-2.0',
        now: new Date(SEEDED_AT.getTime() + 60_000),
      });
      const report = buildReport(input);
      inputs.set(locale, input);
      reports.set(locale, report);
      pdfs.set(locale, await renderPdf({ report }));
    }
  }, 300_000);
  afterAll(async () => {
    await db?.close();
  });

  it('gives every scenario figure one value across the PDF, the DOCX, the XLSX and the JSON', async () => {
    const report = reports.get('fr')!;
    const problems = await figureMismatches({
      report,
      pdf: pdfs.get('fr')!,
      docx: await renderDocx({ report }),
      xlsx: await renderXlsx({ report }),
      json: renderOpenDataJson({ input: inputs.get('fr')!, licence: 'etalab-2.0' }),
    });
    expect(problems).toEqual([]);
    // The reference's unfilled positions at 5 years, one value in the whole document.
    const reference = report.scenarios!.scenarios.findIndex((s) => s.referenceTitle === null);
    const gap = report.scenarios!.indicators.find((i) => i.id === 'skillsGap5')!.values[reference]!;
    const printed = normaliseSpaces(pdfPages(pdfs.get('fr')!).join('\n'));
    expect(printed).toContain(normaliseSpaces(gap.text));
  });

  for (const locale of ['fr', 'en', 'de'] as const) {
    it(`is tagged and reads as content in ${locale}: names, labels, no JSON, no code where a name belongs`, () => {
      const pdf = pdfs.get(locale)!;
      const report = reports.get(locale)!;
      expect(pdfInfo(pdf).Tagged).toBe('yes');
      expect(pdf.toString('latin1')).toContain(
        `/Lang (${{ fr: 'fr-FR', en: 'en-GB', de: 'de-DE' }[locale]})`,
      );
      const pages = pdfPages(pdf);
      const text = pages.join('\n');
      // Cover: both notices; then the one-page summary.
      expect(pages[0]).toContain(report.labels.cover.illustrative.slice(0, 30));
      expect(pages[0]).toContain(report.labels.cover.fictional.slice(0, 30));
      expect(pages[1]).toContain(report.labels.sections.summary);
      expect(pages[1]).toContain(report.labels.summary.nextSteps);
      // No raw JSON, no model keys, no idea-column keys, no English data names in French.
      expect(text).not.toMatch(/\{"|":\[|\bmobility\.\w|\bskills\.\w|runModel/);
      if (locale !== 'en') expect(text).not.toMatch(/Luxembourg \(city\)|local road|Orne valley|\(1 zones\)/);
      // Communes by name in every table that has a commune column.
      const root = pdfStructure(pdf);
      for (const table of structTables(root)) {
        const column = table[0]?.indexOf(report.labels.columns.commune) ?? -1;
        if (column < 0) continue;
        for (const row of table.slice(1)) expect(row[column]).not.toMatch(/^\d{5}$/);
      }
      // Idea columns by their label.
      const ideas = structTables(root).find((t) => t[0]?.[0] === report.labels.columns.category)!;
      const labels = Object.values(report.labels.ideaCategories);
      for (const row of ideas.slice(1)) expect(labels).toContain(row[0]);
      // Contributions as items, never as payloads.
      const contributions = walk(root).find(
        (n) =>
          n.type === 'Sect' &&
          n.children[0] &&
          textOf(n.children[0]).endsWith(report.labels.sections.contributions),
      );
      expect(textOf(contributions!)).toContain('Électriciens de maintenance en 3×8');
      // Figures: the timeline, three charts, the map and the ideas board (in parts when it is
      // taller than a page), each with its alternative text.
      const alts = pdfFigureAlts(pdf);
      const board = alts.filter((alt) => alt.startsWith(report.labels.board.title));
      expect(alts.length - board.length).toBe(5);
      const map = alts.find((alt) => alt.includes('Thionville') || alt.includes('Metz'));
      expect(map).toBeDefined();
      // The board: the seed's 17 cards and its two groups, every card's words in the figure.
      expect(report.board!.cards).toHaveLength(17);
      expect(report.board!.groups).toHaveLength(2);
      expect(board.join(' ')).toContain(report.board!.description);
      const flat = normaliseSpaces(text).replace(/\s+/g, ' ');
      for (const card of report.board!.cards)
        expect(flat).toContain(card.text.split(' ').slice(0, 3).join(' '));
    });
  }
});
