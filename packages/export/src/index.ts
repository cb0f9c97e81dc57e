// Public API of the export renderers. Explicit named re-exports only.
export { CSV_SEPARATORS, neutraliseCell, renderCsv } from './csv.ts';
export type { CsvSeparator } from './csv.ts';
export { renderXlsx } from './xlsx.ts';
export { renderOpenDataJson } from './open-data.ts';
export { renderDocx } from './docx.ts';
export { reportOutline } from './outline.ts';
export type { OutlineBlock, OutlineSection } from './outline.ts';
export { renderPdf } from './pdf.ts';
export { scenarioCharts, chartScene } from './charts.ts';
export type { Chart, ChartSeries } from './charts.ts';
export { mapScene } from './map/map-scene.ts';
export { boardScenes } from './board/board-scene.ts';
export { sceneToSvg } from './graphics/scene.ts';
export type { Scene, Shape } from './graphics/scene.ts';
