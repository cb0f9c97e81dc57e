// The report's charts: reference and variants side by side (grouped bars with their values) and
// the trend of unfilled positions over the horizon, built from the report's one set of scenario
// figures and drawn as a vector scene (SVG in the DOCX, pdfkit in the PDF).
import type { Report } from '@atelier/domain';
import { textWidth, type Scene, type Shape } from './graphics/scene.ts';

export interface ChartSeries {
  name: string;
  /** The number printed beside each of the series' bars or points, and in the legend. */
  number: number;
  colour: string;
  values: (number | null)[];
  texts: string[];
}

export type Chart =
  | { kind: 'bars'; title: string; description: string; categories: string[]; series: ChartSeries[] }
  | {
      kind: 'lines';
      title: string;
      description: string;
      x: { value: number; label: string }[];
      series: ChartSeries[];
    };

/** Okabe–Ito colours (safe for colour-vision deficiencies); the reference in dark grey. */
const COLOURS = ['#4d4d4d', '#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];

const BAR_GROUPS = [
  { group: 'transport', indicators: ['ptShare', 'carShare', 'bikeShare', 'walkShare'] },
  { group: 'skills', indicators: ['skillsGap5', 'skillsGap10', 'skillsPulled5'] },
] as const;

/**
 * The charts of the scenario section: for each group of indicators sharing a unit, one bar per
 * scenario and indicator; and the unfilled positions by horizon, one line per scenario.
 */
export function scenarioCharts(report: Report): Chart[] {
  const s = report.scenarios;
  if (!s || s.scenarios.length === 0) return [];
  const l = report.labels.scenarios;
  const colon = report.locale === 'fr' ? ' : ' : ': ';
  const names = s.scenarios.map((scenario) => scenario.title);
  const series = (values: (i: number) => { values: (number | null)[]; texts: string[] }): ChartSeries[] =>
    names.map((name, i) => ({ name, number: i + 1, colour: COLOURS[i % COLOURS.length]!, ...values(i) }));
  const charts: Chart[] = BAR_GROUPS.map(({ group, indicators }) => {
    const rows = indicators.map((id) => s.indicators.find((row) => row.id === id)!);
    const title = l.chartTitle(l.chartGroups[group]);
    return {
      kind: 'bars' as const,
      title,
      description: l.chartDescription({
        title,
        values: rows
          .map((row) => `${row.name}${colon}${row.values.map((v, i) => `${names[i]} ${v.text}`).join(', ')}.`)
          .join(' '),
      }),
      categories: rows.map((row) => row.name),
      series: series((i) => ({
        values: rows.map((row) => row.values[i]!.raw),
        texts: rows.map((row) => row.values[i]!.text),
      })),
    };
  });
  if (s.trend.horizons.length > 1) {
    charts.push({
      kind: 'lines',
      title: l.trendTitle,
      description: l.trendDescription(
        s.trend.series.map((line) => `${line.title}${colon}${line.texts.join(', ')}.`).join(' '),
      ),
      x: s.trend.horizons.map((value) => ({ value, label: l.years(value) })),
      series: series((i) => ({ values: s.trend.series[i]!.values, texts: s.trend.series[i]!.texts })),
    });
  }
  return charts;
}

/** Legend lines: a swatch, the series number and name, wrapped to the width. */
function legend(series: ChartSeries[], width: number, top: number): { shapes: Shape[]; height: number } {
  const shapes: Shape[] = [];
  let x = 0;
  let y = top;
  for (const s of series) {
    const label = `${s.number}. ${s.name}`;
    const w = 12 + textWidth(label, 7) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      y += 11;
    }
    shapes.push({ kind: 'rect', x, y: y - 6.5, w: 8, h: 8, fill: s.colour });
    shapes.push({ kind: 'text', x: x + 11, y, text: label, size: 7, anchor: 'start' });
    x += w;
  }
  return { shapes, height: y - top + 14 };
}

function barsScene(chart: Extract<Chart, { kind: 'bars' }>, width: number): Scene {
  const shapes: Shape[] = [];
  const { shapes: legendShapes, height: legendHeight } = legend(chart.series, width, 8);
  shapes.push(...legendShapes);
  const valueWidth = Math.max(...chart.series.flatMap((s) => s.texts.map((t) => textWidth(t, 7)))) + 6;
  const left = 14;
  const span = width - left - valueWidth;
  const max = Math.max(1e-9, ...chart.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  let y = legendHeight + 6;
  chart.categories.forEach((category, c) => {
    shapes.push({ kind: 'text', x: 0, y: y + 8, text: category, size: 7.5, anchor: 'start', bold: true });
    y += 12;
    for (const s of chart.series) {
      const value = s.values[c] ?? null;
      const w = value === null ? 0 : Math.max(0.8, (Math.abs(value) / max) * span);
      shapes.push({ kind: 'text', x: left - 3, y: y + 7, text: String(s.number), size: 6.5, anchor: 'end' });
      shapes.push({ kind: 'rect', x: left, y, w, h: 9, fill: s.colour });
      shapes.push({
        kind: 'text',
        x: left + w + 3,
        y: y + 7,
        text: s.texts[c] ?? '—',
        size: 7,
        anchor: 'start',
      });
      y += 11;
    }
    y += 6;
  });
  return { width, height: y, title: chart.title, description: chart.description, shapes };
}

/** Round tick values covering 0..max, about five of them. */
function ticks(max: number): number[] {
  if (max <= 0) return [0];
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + step * 0.999; v += step) out.push(v);
  return out;
}

const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

function marker(kind: (typeof MARKERS)[number], x: number, y: number, colour: string): Shape {
  switch (kind) {
    case 'circle':
      return { kind: 'circle', x, y, r: 2.6, fill: colour };
    case 'square':
      return { kind: 'rect', x: x - 2.4, y: y - 2.4, w: 4.8, h: 4.8, fill: colour };
    case 'triangle':
      return {
        kind: 'polygon',
        rings: [
          [
            [x, y - 3.2],
            [x + 3, y + 2.2],
            [x - 3, y + 2.2],
          ],
        ],
        fill: colour,
      };
    case 'diamond':
      return {
        kind: 'polygon',
        rings: [
          [
            [x, y - 3.2],
            [x + 3.2, y],
            [x, y + 3.2],
            [x - 3.2, y],
          ],
        ],
        fill: colour,
      };
  }
}

function linesScene(chart: Extract<Chart, { kind: 'lines' }>, width: number, locale: string): Scene {
  const shapes: Shape[] = [];
  const { shapes: legendShapes, height: legendHeight } = legend(chart.series, width, 8);
  shapes.push(...legendShapes);
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const yTicks = ticks(max);
  const top = legendHeight + 10;
  const plotHeight = 150;
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const left = Math.max(...yTicks.map((t) => textWidth(format.format(t), 7))) + 8;
  const labelWidth =
    Math.max(...chart.series.map((s) => textWidth(`${s.number}. ${s.texts.at(-1) ?? ''}`, 7))) + 8;
  const right = width - labelWidth;
  const xs = chart.x.map((x) => x.value);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const px = (value: number) => left + ((value - xMin) / Math.max(1e-9, xMax - xMin)) * (right - left);
  const yTop = yTicks[yTicks.length - 1]!;
  const py = (value: number) => top + plotHeight - (value / Math.max(1e-9, yTop)) * plotHeight;
  for (const t of yTicks) {
    shapes.push({
      kind: 'line',
      points: [
        [left, py(t)],
        [right, py(t)],
      ],
      stroke: '#dddddd',
      width: 0.5,
    });
    shapes.push({
      kind: 'text',
      x: left - 4,
      y: py(t) + 2.5,
      text: format.format(t),
      size: 7,
      anchor: 'end',
    });
  }
  for (const x of chart.x) {
    shapes.push({
      kind: 'line',
      points: [
        [px(x.value), top + plotHeight],
        [px(x.value), top + plotHeight + 3],
      ],
      stroke: '#666666',
      width: 0.5,
    });
    shapes.push({
      kind: 'text',
      x: px(x.value),
      y: top + plotHeight + 12,
      text: x.label,
      size: 7,
      anchor: 'middle',
    });
  }
  shapes.push({
    kind: 'line',
    points: [
      [left, top + plotHeight],
      [right, top + plotHeight],
    ],
    stroke: '#666666',
    width: 0.6,
  });
  // End labels, moved apart when two series end close together.
  const ends: { y: number; text: string; colour: string }[] = [];
  chart.series.forEach((s, i) => {
    const points = s.values.flatMap((v, j) => (v === null ? [] : [[px(chart.x[j]!.value), py(v)] as const]));
    const dash = i === 0 ? undefined : i % 2 === 0 ? [4, 2] : undefined;
    shapes.push({ kind: 'line', points, stroke: s.colour, width: 1.4, ...(dash ? { dash } : {}) });
    for (const [x, y] of points) shapes.push(marker(MARKERS[i % MARKERS.length]!, x, y, s.colour));
    const last = points.at(-1);
    if (last) ends.push({ y: last[1] + 2.5, text: `${s.number}. ${s.texts.at(-1) ?? ''}`, colour: s.colour });
  });
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) ends[i]!.y = Math.max(ends[i]!.y, ends[i - 1]!.y + 9);
  for (const end of ends)
    shapes.push({ kind: 'text', x: right + 6, y: end.y, text: end.text, size: 7, anchor: 'start' });
  return {
    width,
    height: top + plotHeight + 18,
    title: chart.title,
    description: chart.description,
    shapes,
  };
}

/**
 * A chart as a vector scene of the given width (points).
 *
 * @example chartScene(scenarioCharts(report)[0], 505, 'fr').shapes.length
 */
export function chartScene(chart: Chart, width: number, locale: string): Scene {
  return chart.kind === 'bars' ? barsScene(chart, width) : linesScene(chart, width, locale);
}
