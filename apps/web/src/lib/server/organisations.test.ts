import { describe, expect, it } from 'vitest';
import { parseForm } from './forms.ts';
import { ORGANISATION_FIELDS, organisationSchema } from './organisations.ts';

function parse(values: Record<string, string>) {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) form.set(key, value);
  return parseForm(form, ORGANISATION_FIELDS, organisationSchema);
}

describe('the organisation form', () => {
  it('accepts a SIREN typed with spaces and a commune of the territory', () => {
    const parsed = parse({
      kind: 'school',
      name: 'Lycée Saint-Exupéry',
      siren: '200 039 865',
      communeCode: '57227',
    });
    expect(parsed).toMatchObject({ ok: true, data: { siren: '200039865', communeCode: '57227' } });
  });

  it('keeps no SIREN when the field is left empty', () => {
    expect(parse({ kind: 'company', name: 'Forge', siren: '  ', communeCode: '57463' })).toMatchObject({
      ok: true,
      data: { siren: null },
    });
  });

  it('names each problem: kind, empty name, bad SIREN, commune outside the territory', () => {
    const parsed = parse({ kind: 'bank', name: ' ', siren: '123456789', communeCode: '75056' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual({
      kind: 'invalid_choice',
      name: 'required',
      siren: 'invalid_siren',
      communeCode: 'unknown_commune',
    });
  });

  it('keeps markup in a name as text (the page escapes it) but refuses control characters', () => {
    expect(parse({ kind: 'company', name: '<b>Forge</b>', siren: '', communeCode: '57463' }).ok).toBe(true);
    expect(parse({ kind: 'company', name: 'Forge\u0000', siren: '', communeCode: '57463' })).toMatchObject({
      ok: false,
      errors: { name: 'invalid_characters' },
    });
  });

  it('treats a missing field as empty, not as a crash', () => {
    const parsed = parseForm(new FormData(), ORGANISATION_FIELDS, organisationSchema);
    expect(parsed).toMatchObject({ ok: false, errors: { name: 'required', communeCode: 'required' } });
  });
});
