// Public API of the export renderers. Explicit named re-exports only.
export { CSV_SEPARATORS, neutraliseCell, renderCsv } from './csv.ts';
export type { CsvSeparator } from './csv.ts';
export { renderXlsx } from './xlsx.ts';
export { renderOpenDataJson } from './open-data.ts';
export { renderDocx } from './docx.ts';
export { reportOutline } from './outline.ts';
export type { OutlineBlock, OutlineSection } from './outline.ts';
export { renderPdf, pdfDefinition } from './pdf.ts';
