import { describe, expect, it } from 'vitest';
import { exportOptionsSchema } from './options.ts';

const form = (fields: Record<string, string>) => ({
  format: 'pdf',
  version: 'current',
  names: 'anonymised',
  locale: 'fr',
  licence: '',
  separator: '',
  table: '',
  public: '',
  ...fields,
});

describe('export options', () => {
  it('reads a form with defaults for the options of other formats', () => {
    expect(exportOptionsSchema.parse(form({}))).toEqual({
      format: 'pdf',
      version: 'current',
      names: 'anonymised',
      locale: 'fr',
      licence: 'etalab-2.0',
      separator: ';',
      table: 'needs',
      public: false,
    });
  });

  it('reads the CSV and JSON options', () => {
    const parsed = exportOptionsSchema.parse(
      form({ format: 'csv', separator: 'comma', table: 'votes', licence: 'odbl-1.0', public: 'on' }),
    );
    expect(parsed).toMatchObject({ separator: ',', table: 'votes', licence: 'odbl-1.0', public: true });
  });

  it('refuses an unknown format, language or a version that is not an id', () => {
    expect(exportOptionsSchema.safeParse(form({ format: 'html' })).success).toBe(false);
    expect(exportOptionsSchema.safeParse(form({ locale: 'es' })).success).toBe(false);
    expect(exportOptionsSchema.safeParse(form({ version: "1' or 1=1" })).success).toBe(false);
    expect(
      exportOptionsSchema.safeParse(form({ version: '6f1c2d3e-0000-4000-8000-000000000001' })).success,
    ).toBe(true);
  });
});
