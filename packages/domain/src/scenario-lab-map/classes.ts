/**
 * Class breaks and colour ramps for the scenario map's choropleth and its text legend.
 * The ramps are colour-blind safe: viridis for levels, ColorBrewer PuOr for differences.
 */

/** Viridis, 5 steps (dark to light): readable in every common colour-vision deficiency. */
export const SEQUENTIAL_RAMP = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

/** ColorBrewer PuOr, 5 steps (orange = lower, white = about equal, purple = higher): colour-blind safe. */
export const DIVERGING_RAMP = ['#e66101', '#fdb863', '#f7f7f7', '#b2abd2', '#5e3c99'] as const;

/** Fill of a commune whose zone has no value (external, or indicator not given). */
export const NO_DATA_COLOUR = '#c8c8c8';

/** One class of the legend: values from `min` (inclusive) to `max`, shown in `colour`. */
export interface LegendClass {
  min: number;
  max: number;
  colour: string;
  /** Zones in the class. */
  count: number;
}

export interface ClassBreaks {
  kind: 'sequential' | 'diverging';
  /** Upper bounds of every class but the last, ascending. */
  breaks: number[];
  classes: LegendClass[];
}

const pick = (ramp: readonly string[], count: number): string[] =>
  Array.from({ length: count }, (_, i) =>
    count === 1
      ? ramp[Math.floor(ramp.length / 2)]!
      : ramp[Math.round((i * (ramp.length - 1)) / (count - 1))]!,
  );

/** `value` rounded to `digits` significant figures. */
export function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(Math.abs(value))));
  return Math.round(value * scale) / scale;
}

/** The class index of a value: the first class whose upper bound exceeds it. */
export function classOf(breaks: readonly number[], value: number): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}

/**
 * Class breaks of a set of zone values: quantiles (up to five classes, duplicates merged)
 * for levels, or steps symmetric around zero for differences so that "no change" is the
 * neutral middle class.
 *
 * @param options.values - one value per zone (zones without a value left out)
 * @param options.diverging - differences between two scenarios
 * @example classBreaks({ values: [1, 2, 3, 4, 5], diverging: false }).breaks // [2, 3, 4, 5]
 */
export function classBreaks(options: {
  values: readonly number[];
  diverging: boolean;
  /** Fixed upper bounds for levels instead of quantiles (ascending). */
  steps?: readonly number[];
}): ClassBreaks {
  const values = [...options.values].filter(Number.isFinite).sort((a, b) => a - b);
  const min = values[0] ?? 0;
  const max = values[values.length - 1] ?? 0;
  let breaks: number[];
  if (options.diverging) {
    const extent = Math.max(Math.abs(min), Math.abs(max));
    breaks = extent === 0 ? [] : [-0.6 * extent, -0.2 * extent, 0.2 * extent, 0.6 * extent];
  } else if (options.steps) {
    breaks = [...options.steps];
  } else {
    const candidates: number[] = [];
    for (let q = 1; q < 5; q++) {
      const quantile = values[Math.floor((q * values.length) / 5)];
      // Two significant figures: legend bounds people can read (22,941 → 23,000).
      const value = quantile === undefined ? undefined : roundSignificant(quantile, 2);
      if (value !== undefined && value > min && value <= max && !candidates.includes(value))
        candidates.push(value);
    }
    breaks = candidates;
  }
  const ramp = options.diverging
    ? breaks.length === 0
      ? [DIVERGING_RAMP[2]]
      : [...DIVERGING_RAMP]
    : pick(SEQUENTIAL_RAMP, breaks.length + 1);
  const counts = new Array<number>(breaks.length + 1).fill(0);
  for (const value of values) counts[classOf(breaks, value)]! += 1;
  const classes = ramp.map((colour, i) => ({
    min: i === 0 ? Math.min(min, breaks[0] ?? min) : breaks[i - 1]!,
    max: i === breaks.length ? Math.max(max, breaks[i - 1] ?? max) : breaks[i]!,
    colour,
    count: counts[i]!,
  }));
  return { kind: options.diverging ? 'diverging' : 'sequential', breaks, classes };
}
