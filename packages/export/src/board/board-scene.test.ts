import { buildReport, type Report } from '@atelier/domain';
import { BOARD_PALETTE } from '@atelier/domain/board';
import { describe, expect, it } from 'vitest';
import type { Scene, Shape } from '../graphics/scene.ts';
import { ANONYMOUS_CARD, arrangedBoardInput, columnBoardInput, largeBoardInput } from './board-fixtures.ts';
import { boardScenes } from './board-scene.ts';

const A4 = { width: 505, height: 660 };
const scenesOf = (report: Report) =>
  boardScenes({ board: report.board!, labels: report.labels.board, ...A4 });

type Rect = Extract<Shape, { kind: 'rect' }>;
type Text = Extract<Shape, { kind: 'text' }>;
const texts = (scene: Scene) => scene.shapes.filter((s): s is Text => s.kind === 'text');
const rects = (scene: Scene) => scene.shapes.filter((s): s is Rect => s.kind === 'rect');
const words = (text: string) => text.replace(/\s+/g, ' ').trim();
const inside = (shape: { x: number; y: number }, rect: Rect) =>
  shape.x >= rect.x && shape.x <= rect.x + rect.w && shape.y >= rect.y && shape.y <= rect.y + rect.h;

/** The text written inside each card's rectangle, by card (the card rectangles are those filled with a card shade). */
function cardsOf(scene: Scene): { rect: Rect; lines: string[] }[] {
  const fills = new Set(Object.values(BOARD_PALETTE).map((shade) => shade.fill));
  return rects(scene)
    .filter((rect) => fills.has(rect.fill))
    .map((rect) => ({
      rect,
      lines: texts(scene)
        .filter((t) => inside(t, rect))
        .map((t) => t.text),
    }));
}

/** Every card of the report is drawn once, in some part, with its text (whole, or cut with …) and its author. */
function expectEveryCard(report: Report, scenes: Scene[]): void {
  const drawn = scenes.flatMap(cardsOf);
  for (const card of report.board!.cards) {
    const matches = drawn.filter(({ lines }) => {
      const body = words(lines.slice(0, -1).join(' '));
      return (
        body === words(card.text) || (body.endsWith('…') && words(card.text).startsWith(body.slice(0, -1)))
      );
    });
    expect(matches, card.text).toHaveLength(1);
    const author = matches[0]!.lines.at(-1)!;
    expect(author === card.author || card.author.startsWith(author.replace(/…$/, '')), author).toBe(true);
  }
  expect(drawn).toHaveLength(report.board!.cards.length);
}

describe('the ideas board as a figure', () => {
  it('holds every card and group of a board arranged on the canvas, where the room puts them', () => {
    const report = buildReport(arrangedBoardInput());
    const scenes = scenesOf(report);
    expect(scenes).toHaveLength(1);
    const [scene] = scenes as [Scene];
    expectEveryCard(report, scenes);
    const titles = texts(scene)
      .filter((t) => t.bold)
      .map((t) => t.text);
    expect(titles).toEqual(['Se rendre au travail', 'Former sur place', 'Groupe de 1 carte']);
    // Each group is a tinted area whose rectangle holds its cards' rectangles.
    const tints = new Set(Object.values(BOARD_PALETTE).map((shade) => shade.tint));
    const areas = rects(scene).filter((rect) => tints.has(rect.fill));
    expect(areas).toHaveLength(3);
    const cards = cardsOf(scene);
    report.board!.groups.forEach((group, index) => {
      const area = areas[index]!;
      expect(area.fill).toBe(BOARD_PALETTE[group.color].tint);
      for (const id of report.board!.cards.filter((c) => c.groupId === group.id).map((c) => c.id)) {
        const card = cards[report.board!.cards.findIndex((c) => c.id === id)]!.rect;
        expect(inside(card, area) && inside({ x: card.x + card.w, y: card.y + card.h }, area)).toBe(true);
      }
    });
    // One scale for the whole board: the drawing keeps the layout's proportions.
    const scale =
      (cards[1]!.rect.y - cards[0]!.rect.y) / (report.board!.cards[1]!.y - report.board!.cards[0]!.y);
    report.board!.cards.forEach((card, index) => {
      expect(cards[index]!.rect.x - cards[0]!.rect.x).toBeCloseTo(
        (card.x - report.board!.cards[0]!.x) * scale,
      );
      expect(cards[index]!.rect.w).toBeCloseTo(card.width * scale);
    });
    expect(scene.width).toBeLessThanOrEqual(A4.width);
    expect(scene.description).toBe(
      "Tableau d'idées : 6 cartes dont 1 anonyme. Groupes : « Se rendre au travail » (2 cartes), « Former sur place » (2 cartes), « Groupe de 1 carte » (1 carte). 1 carte hors groupe.",
    );
  });

  it('cuts a long text with an ellipsis and keeps every letter readable', () => {
    const scene = scenesOf(buildReport(arrangedBoardInput()))[0]!;
    const long = cardsOf(scene).find(({ lines }) => lines[0]!.startsWith('Une section de soudage'))!;
    expect(long.lines.at(-2)).toMatch(/…$/);
    for (const text of texts(scene)) expect(text.size).toBeGreaterThanOrEqual(6.5);
  });

  it('shows an anonymous card as anonymous, naming neither its writer nor an organisation', () => {
    const report = buildReport(arrangedBoardInput());
    const scene = scenesOf(report)[0]!;
    const card = cardsOf(scene).find(({ lines }) =>
      words(lines.join(' ')).includes(words(ANONYMOUS_CARD.text)),
    )!;
    expect(card.lines.at(-1)).toBe('Anonyme');
    const all = texts(scene)
      .map((t) => t.text)
      .join('\n');
    expect(all).not.toContain(ANONYMOUS_CARD.writtenBy.displayName);
    expect(all).toContain('Sophie Entreprise');
  });

  it('lays out a board without positions in columns, as the canvas does, with its older groups', () => {
    const report = buildReport(columnBoardInput());
    const scenes = scenesOf(report);
    expectEveryCard(report, scenes);
    const titles = scenes.flatMap((scene) =>
      texts(scene)
        .filter((t) => t.bold)
        .map((t) => t.text),
    );
    expect(titles).toEqual(['Groupe de 2 cartes', 'Groupe de 2 cartes']);
    // Findings, leads and actions from left to right, in the first part.
    const first = cardsOf(scenes[0]!);
    const x = (n: number) => first.find(({ lines }) => lines[0]!.startsWith(`Carte ${n} `))!.rect.x;
    expect(x(1)).toBeLessThan(x(8));
    expect(x(8)).toBeLessThan(x(15));
    for (const scene of scenes) expect(scene.height).toBeLessThanOrEqual(A4.height);
  });

  it('splits a board too large for a page into parts, in the gaps between cards', () => {
    const report = buildReport(largeBoardInput());
    const scenes = scenesOf(report);
    expect(scenes.length).toBeGreaterThan(2);
    expectEveryCard(report, scenes);
    scenes.forEach((scene, index) => {
      expect(scene.width).toBeLessThanOrEqual(A4.width + 0.01);
      expect(scene.height).toBeLessThanOrEqual(A4.height + 0.01);
      expect(scene.title).toBe(`Tableau d'idées, partie ${index + 1} sur ${scenes.length}`);
      // No card is cut: each lies whole within its part's clip.
      const clip = scene.shapes.find((s) => s.kind === 'clip')!;
      for (const { rect } of cardsOf(scene)) {
        expect(rect.x).toBeGreaterThanOrEqual(clip.x);
        expect(rect.y).toBeGreaterThanOrEqual(clip.y);
        expect(rect.x + rect.w).toBeLessThanOrEqual(clip.x + clip.w);
        expect(rect.y + rect.h).toBeLessThanOrEqual(clip.y + clip.h);
      }
    });
    expect(scenes[0]!.description).toContain("Tableau d'idées : 60 cartes");
    expect(scenes[1]!.description).toMatch(
      /^Tableau d'idées, partie 2 sur \d+\. Tableau d'idées : \d+ cartes/,
    );
  });
});
