// A small page-layout engine over pdfkit that tags what it lays out: every heading, paragraph,
// list, table cell and figure is a structure element (H2, P, L/LI/Lbl/LBody, Table/THead/TBody/
// TR/TH/TD, Figure with its alternative text) whose marked content it draws, in reading order;
// decoration (rules, fills, repeated table headers, page footers) is marked as artifact.
import type { Scene } from '../graphics/scene.ts';
import { drawScene, pdfText } from './draw-scene.ts';
import { FONTS, type PdfDoc } from './fonts.ts';

type Struct = PDFKit.PDFStructureElement;

export const PAGE = { width: 595.28, height: 841.89, left: 45, right: 45, top: 50, bottom: 58 } as const;
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const ACCENT = '#1f4e79';
const TEXT = '#1a1a1a';
const MUTED = '#4d4d4d';

/** Options of a structure element, as pdfkit 0.19 reads them. */
interface StructOptions {
  alt?: string;
  lang?: string;
  title?: string;
  /** Top-left based [x0, y0, x1, y1] on the current page. */
  bbox?: [number, number, number, number];
  placement?: 'Block' | 'Inline';
  scope?: 'Row' | 'Column' | 'Both';
}

export interface TableSpec {
  columns: string[];
  rows: string[][];
  numeric: readonly number[];
  /** The first cell of each row heads it (TH, scope Row); no header row when columns are empty. */
  rowHeaders?: boolean | undefined;
  caption?: string | undefined;
}

export class TaggedWriter {
  readonly root: Struct;

  constructor(readonly doc: PdfDoc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = PAGE.left;
    this.doc.y = PAGE.top;
  }

  /** Starts a new page unless `height` points fit below the cursor. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /** A structure element added to `parent` (the document by default). */
  element(type: string, parent: Struct = this.root, options: StructOptions = {}): Struct {
    // pdfkit 0.19 reads bbox, placement and scope; @types/pdfkit 0.17 does not list them yet.
    const element = this.doc.struct(type, options as Parameters<PdfDoc['struct']>[1]);
    parent.add(element);
    return element;
  }

  /** Decoration: drawn as an artifact, outside the structure tree. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    this.doc.markContent('Artifact', { type });
    draw();
    this.doc.endMarkedContent();
  }

  private font(options: { bold?: boolean | undefined; italic?: boolean | undefined; size: number }): void {
    this.doc
      .font(options.bold ? FONTS.bold : options.italic ? FONTS.italic : FONTS.regular)
      .fontSize(options.size);
  }

  /** Text of a structure element (its marked content), flowing on from the cursor. */
  private flow(
    element: Struct,
    text: string,
    style: {
      size: number;
      bold?: boolean | undefined;
      italic?: boolean | undefined;
      colour?: string | undefined;
      x?: number | undefined;
      width?: number | undefined;
      align?: 'left' | 'right' | 'center' | undefined;
      goTo?: string | undefined;
      destination?: string | undefined;
    },
  ): void {
    const { doc } = this;
    element.add(() => {
      this.font(style);
      doc.fillColor(style.colour ?? TEXT);
      if (style.destination)
        doc.addNamedDestination(style.destination, 'XYZ', null, PAGE.height - doc.y, null);
      doc.text(pdfText(text), style.x ?? PAGE.left, doc.y, {
        width: style.width ?? CONTENT_WIDTH,
        align: style.align ?? 'left',
        lineGap: 1.2,
        ...(style.goTo ? { goTo: style.goTo } : {}),
      });
    });
    doc.fillColor(TEXT);
  }

  heading(
    parent: Struct,
    level: 1 | 2 | 3,
    text: string,
    options: { destination?: string; size?: number; colour?: string; keep?: number } = {},
  ): void {
    const size = options.size ?? { 1: 22, 2: 15, 3: 10.5 }[level];
    this.font({ bold: true, size });
    const height = this.doc.heightOfString(pdfText(text), { width: CONTENT_WIDTH });
    this.ensure(height + (options.keep ?? 40));
    this.doc.y += level === 3 ? 6 : 0;
    this.flow(this.element(`H${level}`, parent), text, {
      size,
      bold: true,
      colour: options.colour ?? (level === 2 ? ACCENT : TEXT),
      destination: options.destination,
    });
    this.doc.y += level === 2 ? 8 : 3;
  }

  paragraph(
    parent: Struct,
    text: string,
    style: { size?: number; bold?: boolean; italic?: boolean; colour?: string; gap?: number } = {},
  ): void {
    const size = style.size ?? 9;
    this.font({ ...style, size });
    this.ensure(Math.min(40, this.doc.heightOfString(pdfText(text), { width: CONTENT_WIDTH })));
    this.flow(this.element('P', parent), text, {
      size,
      bold: style.bold,
      italic: style.italic,
      colour: style.colour ?? (style.italic ? MUTED : TEXT),
    });
    this.doc.y += style.gap ?? 4;
  }

  /** A list (L) of items (LI: Lbl with the bullet or number, LBody with the text). */
  list(parent: Struct, items: readonly string[], options: { ordered?: boolean; size?: number } = {}): void {
    const size = options.size ?? 9;
    const list = this.element('L', parent);
    items.forEach((text, index) => {
      this.font({ size });
      this.ensure(Math.min(30, this.doc.heightOfString(pdfText(text), { width: CONTENT_WIDTH - 14 })));
      const item = this.element('LI', list);
      const y = this.doc.y;
      this.flow(this.element('Lbl', item), options.ordered ? `${index + 1}.` : '•', {
        size,
        x: PAGE.left + 2,
        width: 12,
      });
      this.doc.y = y;
      this.flow(this.element('LBody', item), text, { size, x: PAGE.left + 14, width: CONTENT_WIDTH - 14 });
      this.doc.y += 2;
    });
    this.doc.y += 3;
  }

  /** Column widths that fit the content width: each column's longest word at least, then its text. */
  private widths(spec: TableSpec, size: number): number[] {
    const all = spec.columns.length > 0 ? [spec.columns, ...spec.rows] : spec.rows;
    const count = Math.max(spec.columns.length, ...spec.rows.map((r) => r.length));
    const pad = 8;
    const min = new Array<number>(count).fill(20);
    const want = new Array<number>(count).fill(20);
    for (const row of all) {
      row.forEach((cell, i) => {
        const text = pdfText(cell);
        this.font({ size, bold: row === spec.columns });
        const words = text.split(/\s+/).map((w) => this.doc.widthOfString(w));
        const lines = text.split('\n').map((l) => this.doc.widthOfString(l));
        min[i] = Math.max(min[i]!, Math.min(110, Math.max(0, ...words) + pad));
        want[i] = Math.max(want[i]!, Math.min(230, Math.max(0, ...lines) + pad));
      });
    }
    const sumMin = min.reduce((a, b) => a + b, 0);
    const sumWant = want.reduce((a, b) => a + b, 0);
    if (sumWant <= CONTENT_WIDTH) return want.map((w) => (w * CONTENT_WIDTH) / sumWant);
    if (sumMin >= CONTENT_WIDTH) return min.map((w) => (w * CONTENT_WIDTH) / sumMin);
    const extra = CONTENT_WIDTH - sumMin;
    return min.map((w, i) => w + ((want[i]! - w) / (sumWant - sumMin)) * extra);
  }

  /**
   * A table: THead with a row of TH (scope Column), TBody with TR of TD (the first TH, scope Row,
   * with `rowHeaders`). A row never splits; on a new page the header row is repeated as an artifact.
   */
  table(parent: Struct, spec: TableSpec, options: { size?: number } = {}): void {
    const { doc } = this;
    const size = options.size ?? 7.5;
    const pad = 3;
    const widths = this.widths(spec, size);
    const xs = widths.map((_, i) => PAGE.left + widths.slice(0, i).reduce((a, b) => a + b, 0));
    const height = (row: string[], bold: boolean) =>
      Math.max(
        ...row.map((cell, i) => {
          this.font({ size, bold });
          return doc.heightOfString(pdfText(cell) || ' ', { width: widths[i]! - 2 * pad, lineGap: 1.2 });
        }),
      ) +
      2 * pad;
    const header = spec.columns.length > 0 ? spec.columns : null;
    const headerHeight = header ? height(header, true) : 0;
    const drawRow = (
      row: string[],
      y: number,
      h: number,
      kind: 'header' | 'body',
      cellOf: ((i: number) => Struct) | null,
    ) => {
      this.artifact(() => {
        if (kind === 'header') doc.rect(PAGE.left, y, CONTENT_WIDTH, h).fill('#e8eef4');
        doc
          .moveTo(PAGE.left, y + h)
          .lineTo(PAGE.left + CONTENT_WIDTH, y + h)
          .lineWidth(0.4)
          .stroke('#b8c2cc');
      });
      row.forEach((cell, i) => {
        const draw = () => {
          this.font({ size, bold: kind === 'header' || (spec.rowHeaders === true && i === 0) });
          doc.fillColor(TEXT).text(pdfText(cell), xs[i]! + pad, y + pad, {
            width: widths[i]! - 2 * pad,
            align: spec.numeric.includes(i) ? 'right' : 'left',
            lineGap: 1.2,
            height: this.bottom - y - pad,
            ellipsis: true,
          });
        };
        if (cellOf) cellOf(i).add(draw);
        else this.artifact(draw, 'Pagination');
      });
    };

    this.ensure(headerHeight + height(spec.rows[0] ?? [''], false) + (spec.caption ? 14 : 0));
    const table = this.element('Table', parent);
    if (spec.caption) {
      const caption = this.element('Caption', table);
      this.flow(caption, spec.caption, { size: 8, italic: true, colour: MUTED });
      doc.y += 2;
    }
    if (header) {
      const row = this.element('TR', this.element('THead', table));
      const y = doc.y;
      drawRow(header, y, headerHeight, 'header', () => this.element('TH', row, { scope: 'Column' }));
      doc.y = y + headerHeight;
    }
    const body = this.element('TBody', table);
    for (const cells of spec.rows) {
      const h = height(cells, false);
      if (doc.y + h > this.bottom) {
        this.newPage();
        if (header) {
          const y = doc.y;
          drawRow(header, y, headerHeight, 'header', null);
          doc.y = y + headerHeight;
        }
      }
      const row = this.element('TR', body);
      const y = doc.y;
      drawRow(cells, y, h, 'body', (i) =>
        spec.rowHeaders === true && i === 0
          ? this.element('TH', row, { scope: 'Row' })
          : this.element('TD', row),
      );
      doc.y = Math.min(this.bottom, y + h);
    }
    doc.x = PAGE.left;
    doc.y += 10;
  }

  /**
   * A figure: the scene drawn as vectors inside a Figure element whose alternative text is the
   * scene's description; scaled down to fit a page when taller.
   */
  figure(parent: Struct, scene: Scene): void {
    const { doc } = this;
    const fullHeight = this.bottom - PAGE.top;
    const scale = Math.min(CONTENT_WIDTH / scene.width, fullHeight / scene.height, 1);
    const height = scene.height * scale;
    this.ensure(height + 6);
    const x = PAGE.left;
    const y = doc.y;
    const figure = this.element('Figure', parent, {
      alt: pdfText(scene.description),
      bbox: [x, y, x + scene.width * scale, y + height],
      placement: 'Block',
    });
    figure.add(() => {
      // Text in a figure is placed exactly: keep pdfkit from breaking the page under it.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      drawScene(doc, scene, { x, y, scale });
      doc.page.margins.bottom = margin;
    });
    doc.x = PAGE.left;
    doc.y = y + height + 10;
  }

  /** Page footers on every page but the first, as pagination artifacts. */
  footers(text: (page: number, count: number) => { left: string; right: string }): void {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const { left, right } = text(i + 1, range.count);
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.artifact(() => {
        this.font({ size: 7 });
        doc.fillColor('#666666');
        const y = PAGE.height - 34;
        doc.text(pdfText(left), PAGE.left, y, {
          width: CONTENT_WIDTH * 0.75,
          lineBreak: false,
          ellipsis: true,
        });
        doc.text(pdfText(right), PAGE.left, y, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
      }, 'Pagination');
      doc.page.margins.bottom = margin;
    }
    doc.fillColor(TEXT);
  }
}
