// Observable Plot (and the d3 modules it brings) is loaded when the first chart is shown, not with
// the page: the charts wait for a model result anyway, and their tables do not need it.
import type * as PlotMarks from './plot-marks.ts';

/** The Plot functions the charts use (`plot-marks.ts`). */
export type Plot = typeof PlotMarks;

let loading: Promise<Plot> | undefined;

/** The Plot functions, imported once on first use. */
export function loadPlot(): Promise<Plot> {
  loading ??= import('./plot-marks.ts');
  return loading;
}

/** The table alternative of a chart: the same data, formatted. */
export interface ChartTable {
  columns: string[];
  /** The column whose cells head their row (`th scope="row"`). */
  rowHeader: number;
  rows: { key: string; cells: string[] }[];
}
