// Validation of the needs form and of in-place edits: typed values from what people type,
// each error tied to its field, checked against the domain schema and the reference lists
// (ROME occupations, the territory's communes) before anything is written to the document.
import {
  CONTRACT_TYPES,
  findRomeOccupation,
  needSchema,
  type ContractType,
  type Need,
} from '@atelier/domain';
import { findCommune } from '$lib/territory/communes.ts';

/** The fields people fill in; `id`, `createdBy` and `updatedAt` are set by the room. */
export const NEED_FIELDS = [
  'organisationId',
  'romeCode',
  'title',
  'skills',
  'headcount',
  'horizonMonths',
  'communeCode',
  'contract',
  'difficulty',
  'crossBorder',
  'comment',
] as const;
export type NeedField = (typeof NEED_FIELDS)[number];

/** Length and range limits of the need schema (packages/domain content-doc.ts). */
export const NEED_LIMITS = {
  title: 200,
  skill: 100,
  skills: 50,
  comment: 5000,
  headcount: { min: 1, max: 100_000 },
  horizonMonths: { min: 0, max: 240 },
  difficulty: { min: 1, max: 4 },
} as const;

/** A form's values as typed: text for everything but the cross-border checkbox. */
export interface NeedDraft {
  organisationId: string;
  romeCode: string;
  title: string;
  /** Comma-separated skills. */
  skills: string;
  headcount: string;
  horizonMonths: string;
  communeCode: string;
  contract: string;
  difficulty: string;
  crossBorder: boolean;
  comment: string;
}

/** Why a field is refused; the section turns it into a message in the reader's language. */
export type FieldError =
  | { code: 'required' }
  | { code: 'too_long'; max: number }
  | { code: 'too_many'; max: number }
  | { code: 'positive_integer' }
  | { code: 'whole_number' }
  | { code: 'range'; min: number; max: number }
  | { code: 'unknown_rome' }
  | { code: 'unknown_commune' }
  | { code: 'unknown_organisation' }
  | { code: 'unknown_choice' }
  | { code: 'invalid' };

export type FieldResult<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export type NeedErrors = Partial<Record<NeedField, FieldError>>;

const INTEGER = /^\s*\d+\s*$/;

function ok<T>(value: T): FieldResult<T> {
  return { ok: true, value };
}

function fail<T>(error: FieldError): FieldResult<T> {
  return { ok: false, error };
}

/**
 * A required single-line text, kept as typed (markup is text: `<b>` stays `<b>`).
 *
 * @example parseText({ raw: ' Soudeurs <b>TIG</b> ', max: 200 }) // { ok: true, value: 'Soudeurs <b>TIG</b>' }
 */
export function parseText(options: { raw: string; max: number; required?: boolean }): FieldResult<string> {
  const value = options.raw.trim();
  if (options.required !== false && value.length === 0) return fail({ code: 'required' });
  if (value.length > options.max) return fail({ code: 'too_long', max: options.max });
  return ok(value);
}

/**
 * A whole number within a range, from what was typed ("4", not "4.5", "-1" or "4 postes").
 *
 * @param options.positive - say "a positive whole number" rather than "a whole number"
 * @example parseInteger({ raw: '0', min: 1, max: 100000, positive: true }) // positive_integer error
 */
export function parseInteger(options: {
  raw: string;
  min: number;
  max: number;
  positive?: boolean;
}): FieldResult<number> {
  const { raw, min, max } = options;
  if (raw.trim() === '') return fail({ code: 'required' });
  if (!INTEGER.test(raw)) return fail({ code: options.positive ? 'positive_integer' : 'whole_number' });
  const value = Number(raw.trim());
  if (options.positive && value < 1) return fail({ code: 'positive_integer' });
  if (value < min || value > max) return fail({ code: 'range', min, max });
  return ok(value);
}

/** Comma-separated skills: trimmed, empty ones dropped, each and their count within limits. */
export function parseSkills(raw: string): FieldResult<string[]> {
  const skills = raw
    .split(',')
    .map((skill) => skill.trim())
    .filter((skill) => skill.length > 0);
  if (skills.length > NEED_LIMITS.skills) return fail({ code: 'too_many', max: NEED_LIMITS.skills });
  if (skills.some((skill) => skill.length > NEED_LIMITS.skill)) {
    return fail({ code: 'too_long', max: NEED_LIMITS.skill });
  }
  return ok(skills);
}

/** A ROME code of the bundled list (a well-formed code missing from it is refused too). */
export function parseRomeCode(raw: string): FieldResult<string> {
  const code = raw.trim().toUpperCase();
  if (code === '') return fail({ code: 'required' });
  return findRomeOccupation(code) ? ok(code) : fail({ code: 'unknown_rome' });
}

/** An INSEE code of one of the territory's communes. */
export function parseCommuneCode(raw: string): FieldResult<string> {
  const code = raw.trim().toUpperCase();
  if (code === '') return fail({ code: 'required' });
  return findCommune(code) ? ok(code) : fail({ code: 'unknown_commune' });
}

function parseContract(raw: string): FieldResult<ContractType> {
  return (CONTRACT_TYPES as readonly string[]).includes(raw)
    ? ok(raw as ContractType)
    : fail({ code: raw === '' ? 'required' : 'unknown_choice' });
}

/** The typed value of one field, or why it is refused. */
export function parseNeedField(options: {
  field: NeedField;
  raw: string | boolean;
  /** Organisations this person may file a need for. */
  organisationIds: readonly string[];
}): FieldResult<Need[NeedField]> {
  const { field, raw } = options;
  if (field === 'crossBorder') return ok(raw === true || raw === 'true');
  const text = typeof raw === 'string' ? raw : String(raw);
  switch (field) {
    case 'organisationId':
      if (text === '') return fail({ code: 'required' });
      return options.organisationIds.includes(text) ? ok(text) : fail({ code: 'unknown_organisation' });
    case 'romeCode':
      return parseRomeCode(text);
    case 'title':
      return parseText({ raw: text, max: NEED_LIMITS.title });
    case 'skills':
      return parseSkills(text);
    case 'headcount':
      return parseInteger({ raw: text, ...NEED_LIMITS.headcount, positive: true });
    case 'horizonMonths':
      return parseInteger({ raw: text, ...NEED_LIMITS.horizonMonths });
    case 'communeCode':
      return parseCommuneCode(text);
    case 'contract':
      return parseContract(text);
    case 'difficulty':
      return parseInteger({ raw: text, ...NEED_LIMITS.difficulty });
    case 'comment':
      return parseText({ raw: text, max: NEED_LIMITS.comment, required: false });
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/** Errors of the schema's own check, tied to the fields it names (a safety net). */
function schemaErrors(value: unknown): NeedErrors {
  const parsed = needSchema.safeParse(value);
  if (parsed.success) return {};
  const errors: NeedErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((NEED_FIELDS as readonly unknown[]).includes(field)) errors[field as NeedField] = { code: 'invalid' };
  }
  return errors;
}

/**
 * A whole need from a form, or the errors of each refused field.
 *
 * @param options.draft - the form's values as typed
 * @param options.id - the new need's id
 * @param options.createdBy - the writer (the server checks it is them)
 * @param options.now - the update time
 * @param options.organisationIds - organisations this person may file a need for
 * @example validateNeed({ draft, id: crypto.randomUUID(), createdBy: me, now: new Date(), organisationIds: [seat] })
 */
export function validateNeed(options: {
  draft: NeedDraft;
  id: string;
  createdBy: string;
  now: Date;
  organisationIds: readonly string[];
}): { ok: true; need: Need } | { ok: false; errors: NeedErrors } {
  const errors: NeedErrors = {};
  const values: Record<string, unknown> = {};
  for (const field of NEED_FIELDS) {
    const result = parseNeedField({
      field,
      raw: options.draft[field],
      organisationIds: options.organisationIds,
    });
    if (result.ok) values[field] = result.value;
    else errors[field] = result.error;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const need = {
    ...values,
    id: options.id,
    createdBy: options.createdBy,
    updatedAt: options.now.toISOString(),
  };
  const fromSchema = schemaErrors(need);
  if (Object.keys(fromSchema).length > 0) return { ok: false, errors: fromSchema };
  return { ok: true, need: need as Need };
}

/**
 * The patch of an in-place edit of one field, checked on the whole need it produces.
 *
 * @example validateNeedEdit({ need, field: 'headcount', raw: '6', now, organisationIds }) // { ok: true, patch: { headcount: 6, updatedAt } }
 */
export function validateNeedEdit(options: {
  need: Need;
  field: NeedField;
  raw: string | boolean;
  now: Date;
  organisationIds: readonly string[];
}): { ok: true; patch: Partial<Need> } | { ok: false; error: FieldError } {
  const result = parseNeedField(options);
  if (!result.ok) return result;
  const patch = { [options.field]: result.value, updatedAt: options.now.toISOString() } as Partial<Need>;
  const errors = schemaErrors({ ...options.need, ...patch });
  const error = errors[options.field] ?? Object.values(errors)[0];
  return error ? { ok: false, error } : { ok: true, patch };
}

/** The text a field shows in an editor: the inverse of `parseNeedField`. */
export function draftValue(need: Need, field: NeedField): string | boolean {
  const value = need[field];
  if (field === 'skills') return need.skills.join(', ');
  return typeof value === 'boolean' ? value : String(value);
}

/** An empty form for an organisation. */
export function emptyNeedDraft(organisationId: string): NeedDraft {
  return {
    organisationId,
    romeCode: '',
    title: '',
    skills: '',
    headcount: '1',
    horizonMonths: '12',
    communeCode: '',
    contract: 'cdi',
    difficulty: '2',
    crossBorder: false,
    comment: '',
  };
}
