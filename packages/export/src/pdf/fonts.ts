// The PDF's fonts: the bundled Roboto, embedded (a tagged, accessible PDF embeds its fonts; the
// standard PDF fonts also lack characters the report prints, such as ≥ and ₂).
import PDFDocument from 'pdfkit';
import { ROBOTO_ITALIC, ROBOTO_MEDIUM, ROBOTO_REGULAR } from '../fonts/roboto.ts';

export type PdfDoc = PDFKit.PDFDocument;

export const FONTS = { regular: 'Roboto', bold: 'Roboto-Medium', italic: 'Roboto-Italic' } as const;

let buffers: Record<keyof typeof FONTS, Buffer> | undefined;

/** Registers the three faces on a document (decoded once per process). */
export function registerFonts(doc: PdfDoc): void {
  buffers ??= {
    regular: Buffer.from(ROBOTO_REGULAR, 'base64'),
    bold: Buffer.from(ROBOTO_MEDIUM, 'base64'),
    italic: Buffer.from(ROBOTO_ITALIC, 'base64'),
  };
  for (const face of Object.keys(FONTS) as (keyof typeof FONTS)[])
    doc.registerFont(FONTS[face], buffers[face]);
  doc.font(FONTS.regular);
}

export { PDFDocument };
