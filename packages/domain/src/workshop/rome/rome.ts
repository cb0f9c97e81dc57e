import { z } from 'zod';
import { ROME_OCCUPATIONS } from './rome-occupations.ts';

/** A ROME occupation code: a letter (domain) and four digits, e.g. `H2913`. */
export type RomeCode = string & { __brand: 'RomeCode' };

export const ROME_CODE_PATTERN = /^[A-N]\d{4}$/;

export const romeCodeSchema = z
  .string()
  .regex(ROME_CODE_PATTERN, 'a ROME code is a letter A-N and four digits, e.g. H2913')
  .transform((code) => code as RomeCode);

export interface RomeOccupation {
  code: RomeCode;
  label: string;
}

let byCode: Map<string, RomeOccupation> | undefined;

function index(): Map<string, RomeOccupation> {
  byCode ??= new Map(ROME_OCCUPATIONS.map(([code, label]) => [code, { code: code as RomeCode, label }]));
  return byCode;
}

/** Whether `value` has the shape of a ROME code (it may still be absent from the bundled list). */
export function isRomeCode(value: string): value is RomeCode {
  return ROME_CODE_PATTERN.test(value);
}

/**
 * The bundled ROME occupation with this code, or `undefined` when it is not in the list.
 *
 * @param code - a ROME code such as `H2913`
 * @example findRomeOccupation('H2913')?.label // 'Soudage manuel'
 */
export function findRomeOccupation(code: string): RomeOccupation | undefined {
  return index().get(code);
}

/** Every bundled ROME occupation, sorted by code. */
export function listRomeOccupations(): RomeOccupation[] {
  return [...index().values()];
}
