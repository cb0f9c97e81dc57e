import { needSchema } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import {
  emptyNeedDraft,
  NEED_LIMITS,
  parseInteger,
  validateNeed,
  validateNeedEdit,
  type NeedDraft,
} from './need-form.ts';

const ORG = 'org-steel';
const draft = (patch: Partial<NeedDraft> = {}): NeedDraft => ({
  ...emptyNeedDraft(ORG),
  romeCode: 'H2913',
  title: 'Soudeurs TIG',
  skills: 'TIG, MIG',
  headcount: '4',
  communeCode: '57463',
  ...patch,
});
const validate = (patch: Partial<NeedDraft> = {}, organisationIds = [ORG]) =>
  validateNeed({
    draft: draft(patch),
    id: 'n1',
    createdBy: 'u1',
    now: new Date('2026-11-26T09:00:00Z'),
    organisationIds,
  });

describe('validateNeed', () => {
  it('builds a need that passes the domain schema', () => {
    const result = validate();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(needSchema.safeParse(result.need).success).toBe(true);
    expect(result.need).toMatchObject({
      headcount: 4,
      skills: ['TIG', 'MIG'],
      createdBy: 'u1',
      organisationId: ORG,
    });
  });

  it('refuses a headcount of 0, a negative, a decimal or words, at the headcount field', () => {
    for (const headcount of ['0', '-3', '2.5', 'quatre', '']) {
      const result = validate({ headcount });
      expect(result.ok, headcount).toBe(false);
      if (!result.ok) {
        expect(Object.keys(result.errors)).toEqual(['headcount']);
        expect(result.errors.headcount?.code).toBe(headcount === '' ? 'required' : 'positive_integer');
      }
    }
  });

  it('refuses a headcount over the schema maximum with its range', () => {
    const result = validate({ headcount: String(NEED_LIMITS.headcount.max + 1) });
    expect(result.ok || result.errors.headcount).toEqual({ code: 'range', min: 1, max: 100_000 });
  });

  it('refuses an unknown ROME code, even a well-formed one', () => {
    for (const romeCode of ['Z9999', 'H0000', 'soudeur']) {
      const result = validate({ romeCode });
      expect(result.ok || result.errors.romeCode).toEqual({ code: 'unknown_rome' });
    }
    expect(validate({ romeCode: 'h2913' }).ok).toBe(true);
  });

  it('refuses a commune outside the territory', () => {
    const result = validate({ communeCode: '75056' });
    expect(result.ok || result.errors.communeCode).toEqual({ code: 'unknown_commune' });
  });

  it('refuses a title over 200 characters and an empty one', () => {
    const long = validate({ title: 'x'.repeat(201) });
    expect(long.ok || long.errors.title).toEqual({ code: 'too_long', max: 200 });
    const empty = validate({ title: '   ' });
    expect(empty.ok || empty.errors.title).toEqual({ code: 'required' });
  });

  it('keeps pasted HTML as literal text', () => {
    const result = validate({ title: '<b>Soudeurs</b> <img src=x onerror=alert(1)>' });
    expect(result.ok && result.need.title).toBe('<b>Soudeurs</b> <img src=x onerror=alert(1)>');
  });

  it('refuses an organisation the writer may not file for', () => {
    const result = validate({ organisationId: 'org-other' });
    expect(result.ok || result.errors.organisationId).toEqual({ code: 'unknown_organisation' });
  });

  it('reports every refused field at once', () => {
    const result = validate({ headcount: '0', romeCode: 'Z9999', communeCode: '1' });
    expect(result.ok || Object.keys(result.errors).sort()).toEqual(['communeCode', 'headcount', 'romeCode']);
  });

  it('refuses too many or too long skills', () => {
    const many = validate({ skills: Array.from({ length: 51 }, (_, i) => `s${i}`).join(',') });
    expect(many.ok || many.errors.skills).toEqual({ code: 'too_many', max: 50 });
    const long = validate({ skills: 'y'.repeat(101) });
    expect(long.ok || long.errors.skills).toEqual({ code: 'too_long', max: 100 });
  });
});

describe('validateNeedEdit', () => {
  const need = (() => {
    const result = validate();
    if (!result.ok) throw new Error('fixture');
    return result.need;
  })();
  const edit = (field: Parameters<typeof validateNeedEdit>[0]['field'], raw: string | boolean) =>
    validateNeedEdit({ need, field, raw, now: new Date('2026-11-26T10:00:00Z'), organisationIds: [ORG] });

  it('gives the patch of one field and the update time', () => {
    expect(edit('headcount', '6')).toEqual({
      ok: true,
      patch: { headcount: 6, updatedAt: '2026-11-26T10:00:00.000Z' },
    });
    expect(edit('crossBorder', true)).toMatchObject({ ok: true, patch: { crossBorder: true } });
  });

  it('refuses bad values at the edited field without a patch', () => {
    expect(edit('headcount', '0')).toEqual({ ok: false, error: { code: 'positive_integer' } });
    expect(edit('romeCode', 'X1234')).toEqual({ ok: false, error: { code: 'unknown_rome' } });
    expect(edit('comment', 'c'.repeat(5001))).toEqual({ ok: false, error: { code: 'too_long', max: 5000 } });
  });
});

describe('parseInteger', () => {
  it('accepts surrounding spaces and the range bounds', () => {
    expect(parseInteger({ raw: ' 0 ', min: 0, max: 240 })).toEqual({ ok: true, value: 0 });
    expect(parseInteger({ raw: '241', min: 0, max: 240 })).toEqual({
      ok: false,
      error: { code: 'range', min: 0, max: 240 },
    });
  });
});

describe('NEED_LIMITS', () => {
  it('match the domain schema', () => {
    const base = validate();
    if (!base.ok) throw new Error('fixture');
    const check = (patch: object) => needSchema.safeParse({ ...base.need, ...patch }).success;
    expect(check({ title: 't'.repeat(NEED_LIMITS.title) })).toBe(true);
    expect(check({ title: 't'.repeat(NEED_LIMITS.title + 1) })).toBe(false);
    expect(check({ comment: 'c'.repeat(NEED_LIMITS.comment + 1) })).toBe(false);
    expect(check({ headcount: NEED_LIMITS.headcount.max + 1 })).toBe(false);
    expect(check({ horizonMonths: NEED_LIMITS.horizonMonths.max + 1 })).toBe(false);
    expect(check({ difficulty: NEED_LIMITS.difficulty.max + 1 })).toBe(false);
  });
});
