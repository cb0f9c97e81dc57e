import type { Report } from '@atelier/domain';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { boardScenes } from './board/board-scene.ts';
import { chartScene } from './charts.ts';
import { sceneToPng } from './graphics/raster.ts';
import { sceneToSvg, type Scene } from './graphics/scene.ts';
import { mapScene } from './map/map-scene.ts';
import { reportOutline, type OutlineBlock } from './outline.ts';
import { timelineScene } from './timeline.ts';

const LANGUAGE_TAGS = { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' } as const;

/** Width of a figure on the page, in pixels (96 per inch): the text width of A4 with Word's margins. */
const FIGURE_WIDTH = 600;
const SCENE_WIDTH = 505;

/** The largest part of the ideas board, in points: what a page of Word's A4 holds below a title. */
export const DOCX_BOARD_PART = { width: SCENE_WIDTH, height: 620 };

/** A figure as an SVG picture (a raster fallback for processors without SVG), with its alternative text. */
function figure(scene: Scene, name: string): Paragraph {
  // Scenes as wide as the text are as wide as Word's text; a narrower one (a board's part) keeps its scale.
  const ratio = FIGURE_WIDTH / SCENE_WIDTH;
  return new Paragraph({
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(sceneToSvg(scene), 'utf8'),
        fallback: { type: 'png', data: sceneToPng(scene, 1.5) },
        transformation: {
          width: Math.round(Math.min(SCENE_WIDTH, scene.width) * ratio),
          height: Math.round(scene.height * ratio),
        },
        altText: { name, title: scene.title, description: scene.description },
      }),
    ],
  });
}

function lines(text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] {
  return text
    .split('\n')
    .map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, ...options }));
}

function table(block: Extract<OutlineBlock, { kind: 'table' }>): Table {
  const cell = (text: string, column: number, header: boolean) =>
    new TableCell({
      children: [
        new Paragraph({
          alignment: block.numeric.includes(column) ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: lines(text, { bold: header }),
        }),
      ],
      ...(header ? { shading: { type: ShadingType.CLEAR, fill: 'E8EEF4', color: 'auto' } } : {}),
    });
  const header = block.columns.some(Boolean)
    ? [new TableRow({ tableHeader: true, children: block.columns.map((text, i) => cell(text, i, true)) })]
    : [];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...header,
      ...block.rows.map(
        (row) =>
          new TableRow({
            children: row.map((text, i) => cell(text, i, block.rowHeaders === true && i === 0)),
          }),
      ),
    ],
  });
}

/**
 * The report as editable Word minutes: real headings (Heading 1 per section, Heading 2 inside),
 * Word tables with a repeated header row, a table of contents Word fills in on opening, and
 * page numbers in the footer. Text is escaped by the `docx` package.
 *
 * @example await writeFile('compte-rendu.docx', await renderDocx({ report }))
 */
export async function renderDocx(options: { report: Report }): Promise<Buffer> {
  const { report } = options;
  const { labels, meta } = report;
  const sections = reportOutline(report);
  const body: (Paragraph | Table | TableOfContents)[] = [];
  // The summary first, unnumbered; then the numbered sections.
  const titleOf = (index: number, title: string) => (index === 0 ? title : `${index}. ${title}`);
  let figures = 0;
  sections.forEach((section, index) => {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        text: titleOf(index, section.title),
        ...(index > 0 ? { pageBreakBefore: true } : {}),
      }),
    );
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'heading':
          body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: block.text }));
          break;
        case 'paragraph':
          body.push(
            new Paragraph({
              children: lines(block.text, { italics: block.note ?? false, bold: block.strong ?? false }),
            }),
          );
          break;
        case 'item':
          body.push(
            new Paragraph({
              children: lines(block.text),
              ...(block.ordered
                ? { numbering: { reference: 'ordered', level: 0 } }
                : { bullet: { level: 0 } }),
            }),
          );
          break;
        case 'table':
          if (block.caption)
            body.push(new Paragraph({ children: [new TextRun({ text: block.caption, italics: true })] }));
          body.push(table(block), new Paragraph({}));
          break;
        case 'timeline': {
          const scene = timelineScene(report, SCENE_WIDTH);
          if (scene) body.push(figure(scene, `figure-${++figures}`));
          break;
        }
        case 'chart':
          body.push(
            new Paragraph({ children: [new TextRun({ text: block.chart.title, bold: true })] }),
            figure(chartScene(block.chart, SCENE_WIDTH, report.locale), `figure-${++figures}`),
          );
          break;
        case 'map':
          body.push(figure(mapScene(block.map, SCENE_WIDTH), `figure-${++figures}`));
          break;
        case 'board':
          for (const scene of boardScenes({
            board: block.board,
            labels: report.labels.board,
            ...DOCX_BOARD_PART,
          }))
            body.push(
              new Paragraph({ children: [new TextRun({ text: scene.title, bold: true })] }),
              figure(scene, `figure-${++figures}`),
            );
          break;
        default: {
          const unreachable: never = block;
          throw new Error(`unknown block ${String(unreachable)}`);
        }
      }
    }
  });

  const colon = report.locale === 'fr' ? ' : ' : ': ';
  const cover = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: labels.reportTitle }),
    new Paragraph({ children: [new TextRun({ text: meta.title, bold: true, size: 32 })] }),
    ...(meta.description ? [new Paragraph({ text: meta.description })] : []),
    new Paragraph({ text: `${labels.cover.territory}${colon}${meta.territory}` }),
    ...(meta.dateLabel ? [new Paragraph({ text: `${labels.cover.date}${colon}${meta.dateLabel}` })] : []),
    new Paragraph({ text: `${labels.cover.status}${colon}${meta.statusLabel}` }),
    new Paragraph({ text: `${labels.cover.version}${colon}${meta.versionLabel}` }),
    ...(meta.anonymised
      ? [new Paragraph({ children: [new TextRun({ text: labels.cover.anonymised, italics: true })] })]
      : []),
    ...(meta.illustrative
      ? [new Paragraph({ children: [new TextRun({ text: labels.cover.illustrative, bold: true })] })]
      : []),
    ...(meta.fictional
      ? [new Paragraph({ children: [new TextRun({ text: labels.cover.fictional, bold: true })] })]
      : []),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: labels.contents }),
    new TableOfContents(labels.contents, {
      hyperlink: true,
      headingStyleRange: '1-2',
      cachedEntries: sections.map((section, index) => ({ title: titleOf(index, section.title), level: 1 })),
    }),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  // 'Page 0 sur 0' → the words around the two page fields.
  const [before = '', between = ''] = labels.page(0, 0).split('0');
  const document = new Document({
    creator: 'Atelier',
    title: `${labels.reportTitle} — ${meta.title}`,
    description: meta.description,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 21, language: { value: LANGUAGE_TAGS[report.locale] } } },
      },
    },
    numbering: {
      config: [
        {
          reference: 'ordered',
          levels: [{ level: 0, format: 'decimal', text: '%1.', alignment: AlignmentType.START }],
        },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [before, PageNumber.CURRENT, between, PageNumber.TOTAL_PAGES],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...cover, ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
