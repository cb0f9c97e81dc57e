import type { Report } from '@atelier/domain';
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
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
import { reportOutline, type OutlineBlock } from './outline.ts';

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
      ...block.rows.map((row) => new TableRow({ children: row.map((text, i) => cell(text, i, false)) })),
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
  sections.forEach((section, index) => {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: `${index + 1}. ${section.title}` }));
    for (const block of section.blocks) {
      switch (block.kind) {
        case 'heading':
          body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: block.text }));
          break;
        case 'paragraph':
          body.push(new Paragraph({ children: lines(block.text, { italics: block.note ?? false }) }));
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
          body.push(table(block), new Paragraph({}));
          break;
        case 'timeline':
          body.push(
            ...report.roadmap.rows
              .filter((row) => row.start.day || row.due.day)
              .sort((a, b) => (a.start.day ?? '').localeCompare(b.start.day ?? ''))
              .map(
                (row) =>
                  new Paragraph({
                    bullet: { level: 0 },
                    children: [
                      new TextRun({ text: `${row.start.label} → ${row.due.label} : `, bold: true }),
                      new TextRun(`${row.title} (${row.owner})`),
                    ],
                  }),
              ),
          );
          break;
        case 'chart':
        case 'map':
          break;
        default: {
          const unreachable: never = block;
          throw new Error(`unknown block ${String(unreachable)}`);
        }
      }
    }
  });

  const cover = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: labels.reportTitle }),
    new Paragraph({ children: [new TextRun({ text: meta.title, bold: true, size: 32 })] }),
    ...(meta.description ? [new Paragraph({ text: meta.description })] : []),
    new Paragraph({ text: `${labels.cover.territory} : ${meta.territory}` }),
    ...(meta.dateLabel ? [new Paragraph({ text: `${labels.cover.date} : ${meta.dateLabel}` })] : []),
    new Paragraph({ text: `${labels.cover.status} : ${meta.statusLabel}` }),
    new Paragraph({ text: `${labels.cover.version} : ${meta.versionLabel}` }),
    ...(meta.anonymised
      ? [new Paragraph({ children: [new TextRun({ text: labels.cover.anonymised, italics: true })] })]
      : []),
    ...(meta.fictional
      ? [new Paragraph({ children: [new TextRun({ text: labels.cover.fictional, bold: true })] })]
      : []),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: labels.contents }),
    new TableOfContents(labels.contents, {
      hyperlink: true,
      headingStyleRange: '1-2',
      cachedEntries: sections.map((section, index) => ({
        title: `${index + 1}. ${section.title}`,
        level: 1,
      })),
    }),
    new Paragraph({ children: [new PageBreak()] }),
  ];

  // 'Page 0 sur 0' → the words around the two page fields.
  const [before = '', between = ''] = labels.page(0, 0).split('0');
  const document = new Document({
    creator: 'Atelier',
    title: `${labels.reportTitle} — ${meta.title}`,
    features: { updateFields: true },
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
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
