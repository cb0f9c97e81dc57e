// The ideas board of a report as vector scenes: the groups as titled coloured areas under their
// cards, each card with its wrapped text and its author, at the room's own layout (the report's
// `board`, from the domain's `boardLayout`). A board too large to stay readable on A4 is split
// into parts, cut in the gaps between cards where there is one.
import type { Report, ReportBoard } from '@atelier/domain';
import { BOARD_INK, BOARD_PALETTE } from '@atelier/domain/board';
import { textWidth, type Scene, type Shape } from '../graphics/scene.ts';

/** Points per board unit: never below `MIN_SCALE` (smaller, the board is split), never above `MAX_SCALE`. */
export const BOARD_SCALE = { min: 0.45, max: 0.75 } as const;
/** Card text in points: the largest size at which it fits, down to the smallest (then cut with …). */
const TEXT_SIZES: readonly number[] = [8, 7.5, 7, 6.5];
const AUTHOR_SIZE = 6.5;
const TITLE_SIZE = 8.5;
/** Points around the board (a group's outline is not cut at the edge). */
const MARGIN = 3;
/** Points between a card's edge and its text. */
const PADDING = 5;
/** Estimated widths are kept a little short of the room, as a viewer's font may be wider. */
const FIT = 0.94;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The widest start of `text` that fits `width` at `size`, ending with … when cut. */
function fitLine(text: string, width: number, size: number, options: { bold?: boolean } = {}): string {
  const room = width * FIT;
  if (textWidth(text, size, options.bold) <= room) return text;
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`, size, options.bold) > room) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** `text` wrapped to `width` at `size`: words kept whole unless one alone is wider than a line. */
function wrap(text: string, width: number, size: number): string[] {
  const room = width * FIT;
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (textWidth(next, size) <= room) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than a line (a link, a long compound) is broken where it must be.
    let rest = word;
    while (textWidth(rest, size) > room && rest.length > 1) {
      let end = rest.length - 1;
      while (end > 1 && textWidth(rest.slice(0, end), size) > room) end--;
      lines.push(rest.slice(0, end));
      rest = rest.slice(end);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/** A card's text as lines that fit its box: the largest size that holds it all, else cut with …. */
function cardLines(text: string, width: number, height: number): { lines: string[]; size: number } {
  for (const size of TEXT_SIZES) {
    const lines = wrap(text, width, size);
    if (lines.length * size * 1.2 <= height) return { lines, size };
  }
  const size = TEXT_SIZES[TEXT_SIZES.length - 1]!;
  const all = wrap(text, width, size);
  const count = Math.max(1, Math.floor(height / (size * 1.2)));
  const lines = all.slice(0, count);
  // The last line runs on into the next, so that it is cut (with …) where the room ends.
  if (all.length > count) lines[count - 1] = fitLine(`${lines[count - 1]!} ${all[count]!}`, width, size);
  return { lines, size };
}

/**
 * Where to cut the span [lo, hi] into pieces of at most `span`: in the middle of a gap between
 * the intervals (cards) when one lies in the last three quarters of the piece, else at its end.
 */
function cuts(intervals: readonly [number, number][], lo: number, hi: number, span: number): number[] {
  const edges = [lo];
  let start = lo;
  // Half a unit of slack: a board exactly as wide as the page is one piece, not one and a sliver.
  while (hi - start > span + 0.5) {
    const limit = start + span;
    const inside = (at: number) => intervals.some(([a, b]) => a < at && at < b);
    const gap = intervals
      .map(([, end]) => end)
      .filter((end) => end > start + span / 4 && end <= limit && !inside(end))
      .sort((a, b) => b - a)[0];
    let cut = limit;
    if (gap !== undefined) {
      const next = Math.min(limit, ...intervals.map(([a]) => a).filter((a) => a >= gap));
      cut = (gap + next) / 2;
    }
    edges.push(cut);
    start = cut;
  }
  edges.push(hi);
  return edges;
}

const overlaps = (rect: { x: number; y: number; width: number; height: number }, box: Box) =>
  rect.x < box.x1 && rect.x + rect.width > box.x0 && rect.y < box.y1 && rect.y + rect.height > box.y0;

/**
 * The board as one scene, or as several parts when it would otherwise be drawn smaller than
 * `BOARD_SCALE.min` points per board unit or taller than `height`: each part is a scene of at most
 * `width` × `height` points, with its own title and text alternative.
 *
 * @param options.board - the report's board (`report.board`)
 * @param options.labels - the report's words for the board (`report.labels.board`)
 * @param options.width - the widest a scene may be, in points
 * @param options.height - the tallest a scene may be, in points
 * @example boardScenes({ board: report.board, labels: report.labels.board, width: 505, height: 660 })[0].description
 */
export function boardScenes(options: {
  board: ReportBoard;
  labels: Report['labels']['board'];
  width: number;
  height: number;
}): Scene[] {
  const { board, labels } = options;
  const { bounds } = board;
  if (board.cards.length === 0 && board.groups.length === 0) return [];
  const scale = Math.min(
    BOARD_SCALE.max,
    Math.max(BOARD_SCALE.min, (options.width - 2 * MARGIN) / Math.max(1, bounds.width)),
  );
  const spanX = (options.width - 2 * MARGIN) / scale;
  const spanY = (options.height - 2 * MARGIN) / scale;
  const horizontal = (rect: { x: number; width: number }): [number, number] => [rect.x, rect.x + rect.width];
  const vertical = (rect: { y: number; height: number }): [number, number] => [rect.y, rect.y + rect.height];

  const boxes: Box[] = [];
  const xs = cuts(board.cards.map(horizontal), bounds.x, bounds.x + bounds.width, spanX);
  for (let i = 0; i + 1 < xs.length; i++) {
    const strip = { x0: xs[i]!, x1: xs[i + 1]!, y0: bounds.y, y1: bounds.y + bounds.height };
    const inStrip = [...board.groups, ...board.cards].filter((rect) => overlaps(rect, strip));
    if (inStrip.length === 0) continue;
    const top = Math.min(...inStrip.map((rect) => rect.y));
    const bottom = Math.max(...inStrip.map((rect) => rect.y + rect.height));
    const cards = board.cards.filter((card) => overlaps(card, strip)).map(vertical);
    const ys = cuts(cards, top, bottom, spanY);
    for (let j = 0; j + 1 < ys.length; j++) {
      const box = { ...strip, y0: ys[j]!, y1: ys[j + 1]! };
      if ([...board.groups, ...board.cards].some((rect) => overlaps(rect, box))) boxes.push(box);
    }
  }

  return boxes.map((box, index) => {
    const description =
      boxes.length === 1
        ? board.description
        : `${labels.part({ part: index + 1, parts: boxes.length })}. ${index === 0 ? board.description : partDescription(board, box, labels)}`;
    return {
      ...drawPart(board, box, scale),
      title: boxes.length === 1 ? board.title : labels.part({ part: index + 1, parts: boxes.length }),
      description,
    };
  });
}

/** What a part after the first holds, in the words of the board's description. */
function partDescription(board: ReportBoard, box: Box, labels: Report['labels']['board']): string {
  const centred = (rect: { x: number; y: number; width: number; height: number }) => {
    const cx = rect.x + rect.width / 2;
    const cy = rect.y + rect.height / 2;
    return cx >= box.x0 && cx < box.x1 && cy >= box.y0 && cy < box.y1;
  };
  const cards = board.cards.filter(centred);
  const groups = board.groups.filter((group) => overlaps(group, box));
  return labels.description({
    cards: cards.length,
    anonymous: cards.filter((card) => card.anonymous).length,
    groups: groups.map((group) => labels.group({ title: group.title, count: group.cardCount })).join(', '),
    loose: cards.filter((card) => card.groupId === null).length,
  });
}

function drawPart(board: ReportBoard, box: Box, scale: number): Omit<Scene, 'title' | 'description'> {
  const { bounds } = board;
  const X = (u: number) => MARGIN + (u - box.x0) * scale;
  const Y = (v: number) => MARGIN + (v - box.y0) * scale;
  const width = 2 * MARGIN + (box.x1 - box.x0) * scale;
  const height = 2 * MARGIN + (box.y1 - box.y0) * scale;
  // Cut sides stop at the cut; the board's own edges keep the margin (outlines are not cut).
  const left = box.x0 <= bounds.x ? 0 : MARGIN;
  const top = box.y0 <= bounds.y ? 0 : MARGIN;
  const right = box.x1 >= bounds.x + bounds.width ? width : width - MARGIN;
  const bottom = box.y1 >= bounds.y + bounds.height ? height : height - MARGIN;
  const shapes: Shape[] = [{ kind: 'clip', x: left, y: top, w: right - left, h: bottom - top }];

  for (const group of board.groups) {
    if (!overlaps(group, box)) continue;
    const shade = BOARD_PALETTE[group.color];
    const w = group.width * scale;
    shapes.push({
      kind: 'rect',
      x: X(group.x),
      y: Y(group.y),
      w,
      h: group.height * scale,
      fill: shade.tint,
      stroke: shade.border,
    });
    shapes.push({
      kind: 'text',
      x: X(group.x) + PADDING,
      y: Y(group.y) + PADDING + TITLE_SIZE,
      text: fitLine(group.title, w - 2 * PADDING, TITLE_SIZE, { bold: true }),
      size: TITLE_SIZE,
      anchor: 'start',
      bold: true,
      fill: BOARD_INK,
    });
  }

  for (const card of board.cards) {
    if (!overlaps(card, box)) continue;
    const shade = BOARD_PALETTE[card.color];
    const x = X(card.x);
    const y = Y(card.y);
    const w = card.width * scale;
    const h = card.height * scale;
    shapes.push({ kind: 'rect', x, y, w, h, fill: shade.fill, stroke: shade.border });
    const authorBaseline = y + h - PADDING;
    const room = authorBaseline - AUTHOR_SIZE * 1.3 - (y + PADDING);
    const { lines, size } = cardLines(card.text, w - 2 * PADDING, room);
    lines.forEach((line, index) =>
      shapes.push({
        kind: 'text',
        x: x + PADDING,
        y: y + PADDING + size + index * size * 1.2 - size * 0.2,
        text: line,
        size,
        anchor: 'start',
        fill: BOARD_INK,
      }),
    );
    shapes.push({
      kind: 'text',
      x: x + PADDING,
      y: authorBaseline,
      text: fitLine(card.author, w - 2 * PADDING, AUTHOR_SIZE),
      size: AUTHOR_SIZE,
      anchor: 'start',
      italic: true,
      fill: BOARD_INK,
    });
  }
  shapes.push({ kind: 'unclip' });
  return { width, height, shapes };
}
