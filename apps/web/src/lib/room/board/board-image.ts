// The board as a PNG, drawn in the browser from its layout on a 2D canvas (nothing leaves the
// browser, nothing is fetched: the page's CSP stays as it is).
import { BOARD_INK, BOARD_PALETTE, type BoardLayout } from '@atelier/domain/board';

const MARGIN = 32;
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** What the picture writes beside the layout (the reader's language and names). */
export interface BoardImageText {
  title: string;
  authorOf: (cardId: string) => string;
  groupTitle: (groupId: string) => string;
}

/** Lines of at most `width` pixels, at most `max` lines (the last one cut with an ellipsis). */
function wrap(context: CanvasRenderingContext2D, text: string, width: number, max: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (context.measureText(next).width <= width || line === '') {
      line = next;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === max) break;
  }
  if (lines.length < max && line) lines.push(line);
  const cut = lines.length === max && lines.join(' ').length < text.replace(/\s+/g, ' ').trim().length;
  if (cut) {
    let last = lines[max - 1]!;
    while (last.length > 1 && context.measureText(`${last}…`).width > width) last = last.slice(0, -1);
    lines[max - 1] = `${last}…`;
  }
  return lines.map((l) =>
    context.measureText(l).width > width ? l.slice(0, Math.floor(l.length * 0.9)) : l,
  );
}

function roundRect(context: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  context.beginPath();
  context.roundRect(x, y, w, h, r);
}

/**
 * Draws the board on a new canvas, at `scale` device pixels per board unit.
 *
 * @example const canvas = drawBoard(board.layout, text, 2); canvas.toBlob(save, 'image/png')
 */
export function drawBoard(layout: BoardLayout, text: BoardImageText, scale = 2): HTMLCanvasElement {
  const { bounds } = layout;
  const header = 56;
  const width = Math.max(480, bounds.width + 2 * MARGIN);
  const height = Math.max(240, bounds.height + 2 * MARGIN + header);
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) return canvas;
  context.scale(scale, scale);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.fillStyle = BOARD_INK;
  context.font = `700 20px ${FONT}`;
  context.textBaseline = 'top';
  context.fillText(text.title, MARGIN, 20, width - 2 * MARGIN);
  context.translate(MARGIN - bounds.x, MARGIN + header - bounds.y);

  for (const group of layout.groups) {
    const shade = BOARD_PALETTE[group.color];
    roundRect(context, group.x, group.y, group.width, group.height, 10);
    context.fillStyle = shade.tint;
    context.fill();
    context.lineWidth = 2;
    context.strokeStyle = shade.border;
    context.stroke();
    context.fillStyle = BOARD_INK;
    context.font = `700 15px ${FONT}`;
    context.fillText(text.groupTitle(group.id), group.x + 12, group.y + 13, group.width - 24);
  }

  for (const card of layout.cards) {
    const shade = BOARD_PALETTE[card.color];
    context.save();
    context.shadowColor = 'rgb(0 0 0 / 18%)';
    context.shadowBlur = 3;
    context.shadowOffsetY = 1;
    roundRect(context, card.x, card.y, card.width, card.height, 7);
    context.fillStyle = shade.fill;
    context.fill();
    context.restore();
    context.lineWidth = 1;
    context.strokeStyle = shade.border;
    context.stroke();
    context.fillStyle = BOARD_INK;
    context.font = `13.5px ${FONT}`;
    const lines = wrap(context, card.idea.text, card.width - 20, 6);
    lines.forEach((line, index) => context.fillText(line, card.x + 10, card.y + 10 + index * 18));
    context.font = `11.5px ${FONT}`;
    context.fillText(text.authorOf(card.idea.id), card.x + 10, card.y + card.height - 22, card.width - 20);
  }
  return canvas;
}

/** Offers the board as a PNG file to download. */
export async function downloadBoard(canvas: HTMLCanvasElement, fileName: string): Promise<void> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
