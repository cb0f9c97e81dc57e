// Draws a vector scene (charts, map, timeline) with pdfkit's operators, the same shapes the SVG of
// the DOCX holds. Called inside the figure's marked content: its text is part of the figure, whose
// alternative text says what it shows.
import type { Scene } from '../graphics/scene.ts';
import { FONTS, type PdfDoc } from './fonts.ts';

/** Roboto has no narrow no-break space: print a no-break space, which it has. */
export const pdfText = (text: string) => text.replaceAll('\u202f', '\u00a0');

/**
 * Draws `scene` with its top-left corner at (x, y), scaled by `scale`.
 *
 * @example drawScene(doc, chartScene(chart, 505, 'fr'), { x: 45, y: 120, scale: 1 })
 */
export function drawScene(doc: PdfDoc, scene: Scene, at: { x: number; y: number; scale: number }): void {
  doc.save();
  doc.translate(at.x, at.y);
  doc.scale(at.scale);
  for (const shape of scene.shapes) {
    switch (shape.kind) {
      case 'clip':
        doc.save();
        doc.rect(shape.x, shape.y, shape.w, shape.h).clip();
        break;
      case 'unclip':
        doc.restore();
        break;
      case 'rect':
        doc.rect(shape.x, shape.y, shape.w, shape.h);
        if (shape.stroke) doc.lineWidth(0.5).fillAndStroke(shape.fill, shape.stroke);
        else doc.fill(shape.fill);
        break;
      case 'line': {
        const [first, ...rest] = shape.points;
        if (!first || rest.length === 0) break;
        doc.moveTo(first[0], first[1]);
        for (const [px, py] of rest) doc.lineTo(px, py);
        doc.lineWidth(shape.width).lineCap('round').lineJoin('round');
        if (shape.dash) doc.dash(shape.dash[0]!, { space: shape.dash[1] ?? shape.dash[0]! });
        doc.stroke(shape.stroke);
        if (shape.dash) doc.undash();
        break;
      }
      case 'polygon':
        for (const ring of shape.rings) {
          const [first, ...rest] = ring;
          if (!first) continue;
          doc.moveTo(first[0], first[1]);
          for (const [px, py] of rest) doc.lineTo(px, py);
          doc.closePath();
        }
        if (shape.stroke)
          doc.lineWidth(shape.strokeWidth ?? 0.5).fillAndStroke(shape.fill, shape.stroke, 'even-odd');
        else doc.fill(shape.fill, 'even-odd');
        break;
      case 'circle':
        doc.circle(shape.x, shape.y, shape.r);
        if (shape.stroke) doc.lineWidth(0.5).fillAndStroke(shape.fill, shape.stroke);
        else doc.fill(shape.fill);
        break;
      case 'text': {
        const font = shape.bold ? FONTS.bold : shape.italic ? FONTS.italic : FONTS.regular;
        const text = pdfText(shape.text);
        doc.font(font).fontSize(shape.size);
        const width = doc.widthOfString(text);
        const x =
          shape.anchor === 'start'
            ? shape.x
            : shape.anchor === 'middle'
              ? shape.x - width / 2
              : shape.x - width;
        const options = { lineBreak: false, baseline: 'alphabetic' as const };
        if (shape.halo) {
          doc.save();
          doc.lineWidth(2.2).lineJoin('round').strokeColor('#ffffff');
          doc.text(text, x, shape.y, { ...options, stroke: true, fill: false });
          doc.restore();
        }
        doc.fillColor(shape.fill ?? '#1a1a1a').text(text, x, shape.y, options);
        break;
      }
    }
  }
  doc.restore();
  doc.fillColor('#1a1a1a');
}
