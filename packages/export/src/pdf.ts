import type { Report } from '@atelier/domain';
import { boardScenes } from './board/board-scene.ts';
import { chartScene } from './charts.ts';
import { mapScene } from './map/map-scene.ts';
import { reportOutline, type OutlineBlock, type OutlineSection } from './outline.ts';
import { pdfText } from './pdf/draw-scene.ts';
import { FONTS, PDFDocument, registerFonts } from './pdf/fonts.ts';
import { ACCENT, CONTENT_WIDTH, PAGE, TaggedWriter } from './pdf/writer.ts';
import { timelineScene } from './timeline.ts';

const LANGUAGE_TAGS = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' } as const;

/** The largest part of the ideas board: the text's width, a page's height below a heading and a title. */
export const PDF_BOARD_PART = { width: CONTENT_WIDTH, height: PAGE.height - PAGE.bottom - PAGE.top - 70 };

/** The blocks of a section, consecutive list items drawn as one list. */
function drawBlocks(
  writer: TaggedWriter,
  report: Report,
  parent: PDFKit.PDFStructureElement,
  blocks: OutlineBlock[],
  size: number,
): void {
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    switch (block.kind) {
      case 'heading':
        writer.heading(parent, 3, block.text, { size: size + 1.5 });
        break;
      case 'paragraph':
        writer.paragraph(parent, block.text, {
          size,
          italic: block.note === true,
          bold: block.strong === true,
        });
        break;
      case 'item': {
        const items: string[] = [];
        while (blocks[i]?.kind === 'item' && (blocks[i] as { ordered: boolean }).ordered === block.ordered) {
          items.push((blocks[i] as { text: string }).text);
          i++;
        }
        i--;
        writer.list(parent, items, { ordered: block.ordered, size });
        break;
      }
      case 'table':
        writer.table(parent, block);
        break;
      case 'timeline': {
        const scene = timelineScene(report, CONTENT_WIDTH);
        if (scene) writer.figure(parent, scene);
        break;
      }
      case 'chart': {
        const scene = chartScene(block.chart, CONTENT_WIDTH, report.locale);
        writer.ensure(scene.height + 20);
        writer.paragraph(parent, block.chart.title, { size: 8.5, bold: true, gap: 2 });
        writer.figure(parent, scene);
        break;
      }
      case 'map':
        writer.figure(parent, mapScene(block.map, CONTENT_WIDTH));
        break;
      case 'board': {
        for (const scene of boardScenes({
          board: block.board,
          labels: report.labels.board,
          ...PDF_BOARD_PART,
        })) {
          writer.ensure(scene.height + 20);
          writer.paragraph(parent, scene.title, { size: 8.5, bold: true, gap: 2 });
          writer.figure(parent, scene);
        }
        break;
      }
      default: {
        const unreachable: never = block;
        throw new Error(`unknown block ${String(unreachable)}`);
      }
    }
  }
}

function cover(writer: TaggedWriter, report: Report): void {
  const { labels, meta } = report;
  const { doc } = writer;
  const section = writer.element('Sect');
  doc.y = 150;
  writer.paragraph(section, labels.reportTitle.toUpperCase(), {
    size: 12,
    bold: true,
    colour: ACCENT,
    gap: 10,
  });
  writer.heading(section, 1, meta.title, { size: 24, keep: 0 });
  doc.y += 8;
  if (meta.description) writer.paragraph(section, meta.description, { size: 11, gap: 22 });
  for (const [label, value] of [
    [labels.cover.territory, meta.territory],
    ...(meta.dateLabel ? [[labels.cover.date, meta.dateLabel]] : []),
    [labels.cover.status, meta.statusLabel],
    [labels.cover.version, meta.versionLabel],
  ] as [string, string][]) {
    writer.paragraph(section, `${label}${report.locale === 'fr' ? ' : ' : ': '}${value}`, {
      size: 10,
      gap: 3,
    });
  }
  doc.y += 20;
  if (meta.illustrative)
    writer.paragraph(section, labels.cover.illustrative, { size: 10, bold: true, colour: ACCENT, gap: 12 });
  if (meta.fictional)
    writer.paragraph(section, labels.cover.fictional, { size: 10, bold: true, colour: ACCENT, gap: 12 });
  if (meta.anonymised)
    writer.paragraph(section, labels.cover.anonymised, { size: 10, italic: true, gap: 12 });
}

/** The table of contents: one entry per section with its page, each a link to the section. */
function contents(
  writer: TaggedWriter,
  report: Report,
  toc: PDFKit.PDFStructureElement,
  entries: { title: string; destination: string; page: number }[],
): void {
  const { doc } = writer;
  for (const entry of entries) {
    const item = writer.element('TOCI', toc);
    const link = writer.element('Link', item);
    const y = doc.y;
    link.add(() => {
      doc.font(FONTS.regular).fontSize(10.5).fillColor('#1a1a1a');
      doc.text(pdfText(entry.title), PAGE.left, y, { width: CONTENT_WIDTH - 40, goTo: entry.destination });
      doc.text(String(entry.page), PAGE.left, y, {
        width: CONTENT_WIDTH,
        align: 'right',
        goTo: entry.destination,
      });
    });
    doc.y = y + 19;
  }
  void report;
}

/**
 * The report as a tagged, accessible PDF (A4): cover (with the fictional- and illustrative-data
 * notices), the one-page summary, a table of contents with links, numbered sections with tables,
 * the roadmap timeline, scenario charts and the map as vector figures with their alternative
 * text, page numbers. Document language and title are set; fonts (Roboto) are embedded; nothing
 * is fetched nor read from disk.
 *
 * @example await writeFile('compte-rendu.pdf', await renderPdf({ report }))
 */
export async function renderPdf(options: { report: Report }): Promise<Buffer> {
  const { report } = options;
  const { labels, meta } = report;
  const title = `${labels.reportTitle} — ${meta.title}`;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    autoFirstPage: false,
    pdfVersion: '1.7',
    // No default font: pdfkit would read Helvetica's metrics from its own folder on disk, which a
    // bundled server does not have; Roboto is registered right after.
    font: null as unknown as string,
    tagged: true,
    displayTitle: true,
    lang: LANGUAGE_TAGS[report.locale],
    info: {
      Title: title,
      Subject: meta.description,
      Creator: 'Atelier',
      Producer: 'Atelier (pdfkit)',
      CreationDate: new Date(meta.exportedAt),
      ModDate: new Date(meta.exportedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  const writer = new TaggedWriter(doc);
  const sections = reportOutline(report);
  const [summary, ...numbered] = sections as [OutlineSection, ...OutlineSection[]];

  writer.newPage();
  cover(writer, report);

  const entries: { title: string; destination: string; page: number }[] = [];
  const pageNumber = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  const section = (heading: string, destination: string, blocks: OutlineBlock[], size: number) => {
    writer.newPage();
    entries.push({ title: heading, destination, page: pageNumber() });
    const element = writer.element('Sect');
    writer.heading(element, 2, heading, { destination });
    drawBlocks(writer, report, element, blocks, size);
  };

  section(summary.title, 'section-summary', summary.blocks, 8.5);
  writer.newPage();
  const tocPage = doc.bufferedPageRange().count - 1;
  const tocSection = writer.element('Sect');
  writer.heading(tocSection, 2, labels.contents);
  const toc = writer.element('TOC', tocSection);
  const tocY = doc.y;
  numbered.forEach((s, index) => section(`${index + 1}. ${s.title}`, `section-${s.id}`, s.blocks, 9));

  doc.switchToPage(tocPage);
  doc.y = tocY;
  contents(writer, report, toc, entries);
  writer.footers((page, count) => ({ left: meta.title, right: labels.page(page, count) }));
  doc.end();
  return done;
}
