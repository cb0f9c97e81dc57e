import { formatDate, formatPercent, type Report } from '@atelier/domain';
import * as pdfmakeModule from 'pdfmake';
import * as robotoModule from 'pdfmake/build/vfs_fonts.js';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { reportOutline, type OutlineBlock } from './outline.ts';

// pdfmake and its font file are CommonJS (`module.exports = …`): ESM sees them as `default`.
// Both are imported statically so that an app bundling this package (the web app) bundles them.
interface FileStore {
  existsSync(name: unknown): boolean;
  readFileSync(name: string): Buffer;
  writeFileSync(name: string, content: Buffer): void;
}
type PdfMake = typeof pdfmakeModule & { virtualfs: FileStore };
const pdfmake = ((pdfmakeModule as { default?: unknown }).default ?? pdfmakeModule) as PdfMake;
const roboto = ((robotoModule as { default?: unknown }).default ?? robotoModule) as Record<string, string>;

const FONT_FILES = {
  normal: 'Roboto-Regular.ttf',
  bold: 'Roboto-Medium.ttf',
  italics: 'Roboto-Italic.ttf',
  bolditalics: 'Roboto-MediumItalic.ttf',
} as const;

let ready = false;
/**
 * Gives pdfmake the bundled Roboto (its own base64 copy) in an in-memory file store, and
 * forbids every URL and local path: nothing is fetched nor read from disk. pdfmake's own
 * store is replaced because it refers to `__dirname`, which bundled ES modules lack.
 */
function preparePdfmake(): void {
  if (ready) return;
  const files = new Map<string, Buffer>();
  for (const file of Object.values(FONT_FILES)) {
    const base64 = roboto[file];
    if (!base64) throw new Error(`pdfmake's bundled font ${file} is missing`);
    files.set(file, Buffer.from(base64, 'base64'));
  }
  pdfmake.virtualfs = {
    existsSync: (name) => typeof name === 'string' && files.has(name),
    readFileSync(name) {
      const content = files.get(name);
      if (!content) throw new Error(`no file ${name} in the PDF renderer's store`);
      return content;
    },
    writeFileSync: (name, content) => void files.set(name, content),
  };
  pdfmake.setFonts({ Roboto: FONT_FILES });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

const PAGE_WIDTH = 595.28 - 2 * 45;
const ACCENT = '#1f4e79';
const STATUS_COLOURS: Record<string, string> = {
  proposed: '#9aa5b1',
  committed: '#2f6fb0',
  in_progress: '#e08e0b',
  done: '#2e8540',
  dropped: '#c0392b',
};

function table(block: Extract<OutlineBlock, { kind: 'table' }>): Content {
  const header = block.columns.some(Boolean);
  const cell = (text: string, column: number, isHeader: boolean): TableCell => ({
    text,
    bold: isHeader,
    fillColor: isHeader ? '#e8eef4' : undefined,
    alignment: block.numeric.includes(column) ? 'right' : 'left',
  });
  const widths = block.columns.map((_, i) => (i === 0 || block.columns.length <= 3 ? '*' : 'auto'));
  return {
    table: {
      headerRows: header ? 1 : 0,
      dontBreakRows: true,
      widths,
      body: [
        ...(header ? [block.columns.map((text, i) => cell(text, i, true))] : []),
        ...block.rows.map((row) => row.map((text, i) => cell(text, i, false))),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
    margin: [0, 4, 0, 10],
  };
}

function timeline(report: Report): Content {
  const range = report.roadmap.range;
  if (!range) return [];
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const from = day(range.from);
  const span = Math.max(1, day(range.to) - from);
  const barWidth = PAGE_WIDTH - 170;
  const rows = report.roadmap.rows
    .filter((row) => row.start.day || row.due.day)
    .sort((a, b) => (a.start.day ?? a.due.day ?? '').localeCompare(b.start.day ?? b.due.day ?? ''));
  const x = (iso: string) => ((day(iso) - from) / span) * barWidth;
  return {
    stack: [
      {
        columns: [
          { width: 160, text: '' },
          {
            width: barWidth / 2,
            text: formatDate({ locale: report.locale, value: range.from }),
            fontSize: 7,
          },
          {
            width: barWidth / 2,
            text: formatDate({ locale: report.locale, value: range.to }),
            fontSize: 7,
            alignment: 'right',
          },
        ],
      },
      {
        table: {
          widths: [160, barWidth],
          dontBreakRows: true,
          body: rows.map((row) => {
            const start = x(row.start.day ?? row.due.day!);
            const end = Math.max(start + 3, x(row.due.day ?? row.start.day!));
            return [
              { text: `${row.title} — ${row.owner}`, fontSize: 7 },
              {
                canvas: [
                  { type: 'line', x1: 0, y1: 5, x2: barWidth, y2: 5, lineWidth: 0.3, lineColor: '#cccccc' },
                  {
                    type: 'rect',
                    x: start,
                    y: 1,
                    w: end - start,
                    h: 8,
                    r: 2,
                    color: STATUS_COLOURS[row.status] ?? ACCENT,
                  },
                ],
              },
            ];
          }),
        },
        layout: 'noBorders',
      },
      {
        text: Object.entries(report.labels.roadmapStatuses).flatMap(([status, label]) => [
          { text: '■ ', color: STATUS_COLOURS[status] ?? ACCENT },
          { text: `${label}   ` },
        ]),
        fontSize: 7,
        margin: [0, 6, 0, 0],
      },
    ],
  };
}

function chart(block: Extract<OutlineBlock, { kind: 'chart' }>): Content {
  const max = Math.max(...block.bars.map((bar) => Math.abs(bar.value)), 1e-9);
  const width = PAGE_WIDTH - 230;
  return {
    unbreakable: true,
    margin: [0, 4, 0, 8],
    stack: [
      { text: block.title, bold: true, fontSize: 8, margin: [0, 0, 0, 2] },
      {
        table: {
          widths: [150, width, 60],
          body: block.bars.map((bar, index) => [
            { text: bar.label, fontSize: 7 },
            {
              canvas: [
                {
                  type: 'rect',
                  x: 0,
                  y: 1,
                  w: Math.max(1, (Math.abs(bar.value) / max) * width),
                  h: 8,
                  color: index === 0 ? '#9aa5b1' : ACCENT,
                },
              ],
            },
            { text: bar.text, fontSize: 7, alignment: 'right' },
          ]),
        },
        layout: 'noBorders',
      },
    ],
  };
}

/** Shades from light to dark for a share, in five classes between the smallest and largest value. */
const SHADES = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];

function map(block: Extract<OutlineBlock, { kind: 'map' }>, locale: Report['locale']): Content {
  const width = PAGE_WIDTH;
  const height = 300;
  const lons = block.points.map((p) => p.lon);
  const lats = block.points.map((p) => p.lat);
  const [minLon, maxLon] = [Math.min(...lons), Math.max(...lons)];
  const [minLat, maxLat] = [Math.min(...lats), Math.max(...lats)];
  // Equirectangular projection, longitudes shortened by cos(latitude), fitted in the box.
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max(1e-6, (maxLon - minLon) * shrink);
  const spanY = Math.max(1e-6, maxLat - minLat);
  const scale = Math.min((width - 40) / spanX, (height - 40) / spanY);
  const left = (width - spanX * scale) / 2;
  const top = (height - spanY * scale) / 2;
  const x = (lon: number) => left + (lon - minLon) * shrink * scale;
  const y = (lat: number) => height - top - (lat - minLat) * scale;
  const values = block.points.map((p) => p.value);
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const shade = (value: number) =>
    SHADES[
      Math.min(SHADES.length - 1, Math.floor(((value - low) / Math.max(1e-9, high - low)) * SHADES.length))
    ]!;
  const heaviest = Math.max(...block.points.map((p) => p.weight), 1);
  const points = [...block.points].sort((a, b) => b.weight - a.weight);
  const percent = (value: number) => formatPercent({ locale, value, digits: 0 });
  return {
    unbreakable: true,
    margin: [0, 8, 0, 8],
    stack: [
      { text: block.title, bold: true, fontSize: 9, margin: [0, 0, 0, 4] },
      {
        canvas: [
          { type: 'rect', x: 0, y: 0, w: width, h: height, lineColor: '#cccccc', lineWidth: 0.5 },
          ...points.map((p) => {
            const r = 2 + 10 * Math.sqrt(p.weight / heaviest);
            return {
              type: 'ellipse' as const,
              x: x(p.lon),
              y: y(p.lat),
              r1: r,
              r2: r,
              color: shade(p.value),
              lineColor: '#555555',
              lineWidth: 0.3,
            };
          }),
        ],
      },
      {
        text: [
          ...SHADES.flatMap((colour, index) => [
            { text: '● ', color: colour },
            {
              text: `${percent(low + ((high - low) * index) / SHADES.length)}–${percent(low + ((high - low) * (index + 1)) / SHADES.length)}   `,
            },
          ]),
        ],
        fontSize: 7,
        margin: [0, 4, 0, 2],
      },
      { text: block.legend, fontSize: 7, italics: true, color: '#555555' },
      {
        text: points
          .slice(0, 8)
          .map((p) => `${p.label} ${percent(p.value)}`)
          .join(' · '),
        fontSize: 7,
        margin: [0, 2, 0, 0],
      },
    ],
  };
}

function blockContent(report: Report, block: OutlineBlock): Content {
  switch (block.kind) {
    case 'heading':
      return { text: block.text, style: 'h2' };
    case 'paragraph':
      return {
        text: block.text,
        italics: block.note ?? false,
        color: block.note ? '#555555' : undefined,
        margin: [0, 2, 0, 4],
      };
    case 'item':
      return block.ordered
        ? { ol: [block.text], margin: [0, 1, 0, 1] }
        : { ul: [block.text], margin: [0, 1, 0, 1] };
    case 'table':
      return table(block);
    case 'timeline':
      return timeline(report);
    case 'chart':
      return chart(block);
    case 'map':
      return map(block, report.locale);
    default: {
      const unreachable: never = block;
      throw new Error(`unknown block ${String(unreachable)}`);
    }
  }
}

/**
 * Roboto has no narrow no-break space (U+202F, the French thousands separator and the space
 * before `:` or `%`): print a no-break space instead, which it has.
 */
function withRobotoSpaces<T>(node: T): T {
  if (typeof node === 'string') return node.replaceAll('\u202f', '\u00a0') as T;
  if (Array.isArray(node)) return node.map(withRobotoSpaces) as T;
  if (node && typeof node === 'object' && Object.getPrototypeOf(node) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, withRobotoSpaces(value)]),
    ) as T;
  }
  return node;
}

/** The pdfmake document of a report: cover, table of contents, numbered sections, page numbers. */
export function pdfDefinition(report: Report): TDocumentDefinitions {
  const { labels, meta } = report;
  const line = (label: string, value: string): Content => ({
    text: [{ text: `${label} : `, bold: true }, value],
    margin: [0, 2, 0, 2],
  });
  const cover: Content[] = [
    {
      text: labels.reportTitle.toUpperCase(),
      color: ACCENT,
      fontSize: 12,
      bold: true,
      margin: [0, 120, 0, 12],
    },
    { text: meta.title, fontSize: 24, bold: true, margin: [0, 0, 0, 16] },
    ...(meta.description ? [{ text: meta.description, margin: [0, 0, 0, 24] } as Content] : []),
    line(labels.cover.territory, meta.territory),
    ...(meta.dateLabel ? [line(labels.cover.date, meta.dateLabel)] : []),
    line(labels.cover.status, meta.statusLabel),
    line(labels.cover.version, meta.versionLabel),
    ...(meta.anonymised
      ? [{ text: labels.cover.anonymised, italics: true, margin: [0, 24, 0, 0] } as Content]
      : []),
    ...(meta.fictional
      ? [{ text: labels.cover.fictional, bold: true, color: ACCENT, margin: [0, 24, 0, 0] } as Content]
      : []),
    { text: '', pageBreak: 'after' },
    { toc: { title: { text: labels.contents, style: 'h1' }, textMargin: [0, 3, 0, 3] } },
  ];
  const body = reportOutline(report).flatMap((section, index): Content[] => [
    { text: `${index + 1}. ${section.title}`, style: 'h1', tocItem: true, pageBreak: 'before' },
    ...section.blocks.map((block) => blockContent(report, block)),
  ]);
  return {
    pageSize: 'A4',
    pageMargins: [45, 50, 45, 50],
    info: {
      title: `${labels.reportTitle} — ${meta.title}`,
      creator: 'Atelier',
      producer: 'Atelier (pdfmake)',
    },
    language: { fr: 'fr-FR', en: 'en-GB', de: 'de-DE' }[report.locale],
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 16, bold: true, color: ACCENT, margin: [0, 0, 0, 10] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
    },
    footer: (page, count) =>
      page === 1
        ? []
        : {
            columns: [
              { text: meta.title, fontSize: 7, color: '#777777' },
              { text: labels.page(page, count), fontSize: 7, alignment: 'right', color: '#777777' },
            ],
            margin: [45, 15, 45, 0],
          },
    content: withRobotoSpaces([...cover, ...body]),
  };
}

/**
 * The report as a PDF (A4): cover (workshop, date, territory, version), table of contents,
 * numbered sections with tables, the roadmap timeline and scenario bar charts, and page
 * numbers. Fonts are pdfmake's bundled Roboto; nothing is fetched.
 *
 * @example await writeFile('compte-rendu.pdf', await renderPdf({ report }))
 */
export async function renderPdf(options: { report: Report }): Promise<Buffer> {
  preparePdfmake();
  return pdfmake.createPdf(pdfDefinition(options.report)).getBuffer();
}
