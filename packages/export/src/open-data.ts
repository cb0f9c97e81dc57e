import { buildOpenData, type OpenDataLicence, type ReportInput } from '@atelier/domain';

/**
 * The open-data bundle of a workshop as a JSON file (UTF-8, two-space indentation, ending
 * with a line break). Its schema is `docs/open-data/atelier-workshop-1.schema.json`.
 *
 * @example renderOpenDataJson({ input, licence: 'etalab-2.0' })
 */
export function renderOpenDataJson(options: { input: ReportInput; licence: OpenDataLicence }): string {
  return `${JSON.stringify(buildOpenData(options), null, 2)}\n`;
}
