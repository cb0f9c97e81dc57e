import { CSV_SEPARATORS } from '@atelier/export';
import { OPEN_DATA_LICENCE_IDS, REPORT_LOCALES, type OpenDataLicence } from '@atelier/domain';
import { z } from 'zod';
import { isUuid } from '../access.ts';

export const EXPORT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'json'] as const;
export type ExportFormatChoice = (typeof EXPORT_FORMATS)[number];
export const CSV_TABLES = ['needs', 'trainingOffers', 'roadmap', 'votes', 'contributions'] as const;

export const EXPORT_FIELDS = [
  'format',
  'version',
  'names',
  'locale',
  'licence',
  'separator',
  'table',
  'public',
] as const;

/** The export form: every field a choice from a list, so nothing typed reaches a file name. */
export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'invalid_choice' }),
  /** `current`, or the id of a saved version. */
  version: z.string().refine((value) => value === 'current' || isUuid(value), 'invalid_choice'),
  names: z.enum(['anonymised', 'named'], { error: 'invalid_choice' }),
  locale: z.enum(REPORT_LOCALES, { error: 'invalid_choice' }),
  licence: z
    .enum(OPEN_DATA_LICENCE_IDS as [OpenDataLicence, ...OpenDataLicence[]], { error: 'invalid_choice' })
    .catch('etalab-2.0'),
  separator: z
    .enum(['comma', 'semicolon'], { error: 'invalid_choice' })
    .catch('semicolon')
    .transform((value) => (value === 'comma' ? CSV_SEPARATORS[0] : CSV_SEPARATORS[1])),
  table: z.enum(CSV_TABLES, { error: 'invalid_choice' }).catch('needs'),
  public: z.string().transform((value) => value === 'on'),
});
export type ExportOptions = z.output<typeof exportOptionsSchema>;
