// Scenario assumptions as the room edits them: typed values, names checked against the
// content schema, and the assumptions the territory's two models already read.
import { scenarioSchema, type Scenario } from '@atelier/domain';
import type { z } from 'zod';

export type AssumptionValue = number | string | boolean;
export const ASSUMPTION_KINDS = ['number', 'text', 'boolean'] as const;
export type AssumptionKind = (typeof ASSUMPTION_KINDS)[number];

/** Longest assumption name (the content schema's record key). */
export const MAX_NAME_LENGTH = 100;
/** Longest text value: the content schema sets none; the room keeps values short. */
export const MAX_TEXT_LENGTH = 500;

/** Why a name or a value is refused; the section turns each into a sentence. */
export type AssumptionError =
  | 'name_required'
  | 'name_too_long'
  | 'name_taken'
  | 'value_required'
  | 'not_a_number'
  | 'text_too_long'
  | 'out_of_model_range';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: AssumptionError };

/** An assumption the models read: its name in the scenario, its model and its check (see known.ts). */
export interface KnownAssumption {
  name: string;
  model: 'mobility' | 'skills';
  kind: AssumptionKind;
  schema: z.ZodType;
}

/** The kind of a stored value. */
export function kindOf(value: AssumptionValue): AssumptionKind {
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'text';
}

/**
 * Checks a name for an assumption of a scenario: not empty, not too long, not another
 * assumption's (`current` is the name being renamed, which may stay).
 *
 * @example checkName({ name: ' teleworkShare ', taken: ['fuelPrice'] }) // { ok: true, value: 'teleworkShare' }
 */
export function checkName(options: {
  name: string;
  taken: readonly string[];
  current?: string;
}): Checked<string> {
  const name = options.name.trim();
  if (name === '') return { ok: false, error: 'name_required' };
  if (name.length > MAX_NAME_LENGTH) return { ok: false, error: 'name_too_long' };
  if (name !== options.current && options.taken.includes(name)) return { ok: false, error: 'name_taken' };
  return { ok: true, value: name };
}

/**
 * Reads a value typed in the form as the chosen kind: numbers accept a decimal comma;
 * an assumption the models know (`known`, from known.ts) must be in their range.
 *
 * @example parseValue({ kind: 'number', input: '0,3' }) // { ok: true, value: 0.3 }
 */
export function parseValue(options: {
  kind: AssumptionKind;
  input: string | boolean;
  known?: KnownAssumption | undefined;
}): Checked<AssumptionValue> {
  const { kind, input } = options;
  let value: AssumptionValue;
  switch (kind) {
    case 'boolean':
      value = input === true || input === 'true';
      break;
    case 'number': {
      const text = String(input).trim().replace(',', '.');
      if (text === '') return { ok: false, error: 'value_required' };
      const number = Number(text);
      if (!Number.isFinite(number)) return { ok: false, error: 'not_a_number' };
      value = number;
      break;
    }
    case 'text': {
      const text = String(input);
      if (text.length > MAX_TEXT_LENGTH) return { ok: false, error: 'text_too_long' };
      value = text;
      break;
    }
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
  const known = options.known;
  if (known && known.kind === kind && !known.schema.safeParse(value).success) {
    return { ok: false, error: 'out_of_model_range' };
  }
  return { ok: true, value };
}

/** The assumptions with one renamed, in the same place (so rows keep their order). */
export function renameAssumption(
  assumptions: Readonly<Record<string, AssumptionValue>>,
  from: string,
  to: string,
): Record<string, AssumptionValue> {
  return Object.fromEntries(
    Object.entries(assumptions).map(([key, value]) => [key === from ? to : key, value]),
  );
}

export function withoutAssumption(
  assumptions: Readonly<Record<string, AssumptionValue>>,
  name: string,
): Record<string, AssumptionValue> {
  return Object.fromEntries(Object.entries(assumptions).filter(([key]) => key !== name));
}

/** The id of the workshop's baseline scenario (variants get random ids). */
export const BASELINE_ID = 'baseline';

/**
 * A new variant of a scenario: its assumptions copied, a new title, `parentId` the
 * scenario it comes from (the scenario lab reads it); validated with the content schema
 * (throws a ZodError naming the bad fields).
 */
export function forkScenario(options: {
  from: Scenario;
  id: string;
  title: string;
  userId: string;
  now: Date;
}): Scenario {
  return scenarioSchema.parse({
    id: options.id,
    title: options.title.slice(0, 200),
    description: '',
    assumptions: { ...options.from.assumptions },
    parentId: options.from.id,
    createdBy: options.userId,
    updatedAt: options.now.toISOString(),
  });
}
