// The contribution forms as flat string values named like their inputs (`needs.2.headcount`),
// so the same module reads a posted form on the server and the form state in the browser,
// and validation issues (`needs.2.headcount`) land on the input of the same name.
import {
  CONTRACT_TYPES,
  parseContributionPayload,
  type ContributionKind,
  type ContributionPayload,
  type Question,
} from '@atelier/domain';

export type FormValues = Record<string, string>;

/** The fields of one need row, in the order the form shows them. */
export const NEED_FIELDS = [
  'romeCode',
  'title',
  'headcount',
  'horizonMonths',
  'communeCode',
  'contract',
  'difficulty',
  'crossBorder',
  'skills',
  'comment',
] as const;
export type NeedField = (typeof NEED_FIELDS)[number];

export const OFFER_FIELDS = [
  'title',
  'romeCodes',
  'seatsPerYear',
  'durationMonths',
  'communeCode',
  'startDate',
  'description',
] as const;

/** The largest number of need rows the form offers. */
export const MAX_ROWS = 200;

const NEED_DEFAULTS: Record<NeedField, string> = {
  romeCode: '',
  title: '',
  headcount: '1',
  horizonMonths: '12',
  communeCode: '',
  contract: 'cdi',
  difficulty: '2',
  crossBorder: '',
  skills: '',
  comment: '',
};

/** A whole number typed in a field, or the text itself so that the schema refuses it. */
function integer(value: string | undefined): number | string {
  const text = String(value ?? '').trim();
  return /^-?\d{1,9}$/.test(text) ? Number(text) : text;
}

function list(value: string | undefined): string[] {
  return String(value ?? '')
    .split(/[,|;\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** How many need rows the values hold. */
export function rowCount(values: FormValues): number {
  const count = Number(values['needs.count'] ?? '0');
  return Number.isInteger(count) && count >= 0 ? Math.min(count, MAX_ROWS) : 0;
}

/** The values of an empty form of a kind (one empty row for needs). */
export function emptyValues(kind: ContributionKind): FormValues {
  switch (kind) {
    case 'needs':
      return addRow({ 'needs.count': '0' });
    case 'training_offer':
      return {
        title: '',
        romeCodes: '',
        seatsPerYear: '12',
        durationMonths: '12',
        communeCode: '',
        startDate: '',
        description: '',
      };
    case 'comment':
      return { actionId: '', text: '' };
    case 'answers':
      return {};
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The values with one more need row (given values, or the defaults). */
export function addRow(values: FormValues, row: Partial<Record<NeedField, string>> = {}): FormValues {
  const index = rowCount(values);
  if (index >= MAX_ROWS) return values;
  const next: FormValues = { ...values, 'needs.count': String(index + 1) };
  for (const field of NEED_FIELDS) next[`needs.${index}.${field}`] = row[field] ?? NEED_DEFAULTS[field];
  return next;
}

/** The values without need row `index`; the rows after it move up. */
export function removeRow(values: FormValues, index: number): FormValues {
  const count = rowCount(values);
  const next: FormValues = {};
  for (const [key, value] of Object.entries(values)) if (!key.startsWith('needs.')) next[key] = value;
  let target = 0;
  for (let row = 0; row < count; row += 1) {
    if (row === index) continue;
    for (const field of NEED_FIELDS) next[`needs.${target}.${field}`] = values[`needs.${row}.${field}`] ?? '';
    target += 1;
  }
  next['needs.count'] = String(target);
  return next;
}

/** The need rows of the values, replaced by drafts (a CSV's accepted lines). */
export function withRows(values: FormValues, rows: readonly NeedDraftLike[]): FormValues {
  let next: FormValues = { 'needs.count': '0' };
  for (const [key, value] of Object.entries(values)) if (!key.startsWith('needs.')) next[key] = value;
  for (const need of rows) next = addRow(next, needToRow(need));
  return next;
}

interface NeedDraftLike {
  romeCode: string;
  title: string;
  skills: readonly string[];
  headcount: number;
  horizonMonths: number;
  communeCode: string;
  contract: string;
  difficulty: number;
  crossBorder: boolean;
  comment: string;
}

function needToRow(need: NeedDraftLike): Record<NeedField, string> {
  return {
    romeCode: need.romeCode,
    title: need.title,
    headcount: String(need.headcount),
    horizonMonths: String(need.horizonMonths),
    communeCode: need.communeCode,
    contract: need.contract,
    difficulty: String(need.difficulty),
    crossBorder: need.crossBorder ? 'on' : '',
    skills: need.skills.join(', '),
    comment: need.comment,
  };
}

/** The payload a form's values stand for, before validation. */
export function payloadFromValues(kind: ContributionKind, values: FormValues): unknown {
  switch (kind) {
    case 'needs': {
      const needs = [];
      for (let row = 0; row < rowCount(values); row += 1) {
        const get = (field: NeedField) => values[`needs.${row}.${field}`] ?? '';
        needs.push({
          romeCode: get('romeCode').trim().toUpperCase(),
          title: get('title').trim(),
          skills: list(get('skills')),
          headcount: integer(get('headcount')),
          horizonMonths: integer(get('horizonMonths')),
          communeCode: get('communeCode').trim().toUpperCase(),
          contract: get('contract'),
          difficulty: integer(get('difficulty')),
          crossBorder: get('crossBorder') === 'on',
          comment: get('comment'),
        });
      }
      return { needs };
    }
    case 'training_offer': {
      const startDate = (values.startDate ?? '').trim();
      return {
        offer: {
          title: (values.title ?? '').trim(),
          romeCodes: list(values.romeCodes).map((code) => code.toUpperCase()),
          seatsPerYear: integer(values.seatsPerYear),
          durationMonths: integer(values.durationMonths),
          communeCode: (values.communeCode ?? '').trim().toUpperCase(),
          ...(startDate ? { startDate } : {}),
          description: values.description ?? '',
        },
      };
    }
    case 'comment':
      return { actionId: values.actionId ?? '', text: values.text ?? '' };
    case 'answers': {
      const answers: Record<string, string> = {};
      for (const [key, value] of Object.entries(values)) {
        if (key.startsWith('answers.')) answers[key.slice('answers.'.length)] = value;
      }
      return { answers };
    }
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** The form values of a stored payload (a server draft, a contribution to edit before accepting). */
export function valuesFromPayload(kind: ContributionKind, payload: unknown): FormValues {
  const data = (payload ?? {}) as Record<string, unknown>;
  switch (kind) {
    case 'needs':
      return withRows({}, Array.isArray(data.needs) ? (data.needs as NeedDraftLike[]) : []);
    case 'training_offer': {
      const offer = (data.offer ?? {}) as Record<string, unknown>;
      const text = (key: string) => (offer[key] === undefined ? '' : String(offer[key]));
      return {
        title: text('title'),
        romeCodes: Array.isArray(offer.romeCodes) ? offer.romeCodes.join(', ') : '',
        seatsPerYear: text('seatsPerYear'),
        durationMonths: text('durationMonths'),
        communeCode: text('communeCode'),
        startDate: text('startDate'),
        description: text('description'),
      };
    }
    case 'comment':
      return { actionId: String(data.actionId ?? ''), text: String(data.text ?? '') };
    case 'answers': {
      const values: FormValues = {};
      for (const [key, value] of Object.entries((data.answers ?? {}) as Record<string, unknown>)) {
        values[`answers.${key}`] = String(value);
      }
      return values;
    }
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

/** Field errors keyed by input name (`needs.2.headcount`, `offer.title` → `title`). */
export type ValueErrors = Record<string, string>;

function inputName(kind: ContributionKind, path: string): string {
  if (kind === 'training_offer') return path.replace(/^offer\.?/, '').split('.')[0] || 'title';
  if (kind === 'needs') {
    const [, row, field] = path.split('.');
    return row === undefined ? 'needs' : `needs.${row}.${field ?? 'romeCode'}`;
  }
  if (kind === 'answers') return path.split('.').slice(0, 2).join('.');
  return path.split('.')[0] || 'text';
}

/**
 * Validates a form's values with the room's field rules; the issues are keyed by the
 * name of the input they concern, with the domain's message.
 *
 * @example validateValues('needs', { 'needs.count': '1', … }, []).ok
 */
export function validateValues<K extends ContributionKind>(
  kind: K,
  values: FormValues,
  questions: readonly Question[] = [],
): { ok: true; payload: ContributionPayload[K] } | { ok: false; errors: ValueErrors } {
  const parsed = parseContributionPayload(kind, payloadFromValues(kind, values), questions);
  if (parsed.ok) return parsed;
  const errors: ValueErrors = {};
  for (const issue of parsed.issues) errors[inputName(kind, issue.path)] ??= issue.message;
  return { ok: false, errors };
}

/** The field name of an input name (`needs.2.headcount` → `headcount`). */
export function fieldOf(name: string): string {
  return name.split('.').at(-1) ?? name;
}

export { CONTRACT_TYPES };
