import { z } from 'zod';

export type Siren = string & { __brand: 'Siren' };

/**
 * Whether a string is a valid SIREN: nine digits passing the Luhn check, as INSEE
 * assigns them. La Poste's SIREN (356000000) is the one historical exception: its
 * establishments are numbered with a digit sum divisible by 5 instead.
 *
 * @param value - the candidate, digits only (spaces already removed)
 * @example isValidSiren('732829320') // true
 * @example isValidSiren('732829321') // false
 */
export function isValidSiren(value: string): value is Siren {
  if (!/^[0-9]{9}$/.test(value)) return false;
  if (value === '356000000') return true;
  let sum = 0;
  for (let index = 0; index < 9; index++) {
    let digit = value.charCodeAt(index) - 48;
    // Luhn doubles every second digit counted from the right: positions 2, 4, 6, 8 of nine.
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * A SIREN typed by a person: spaces and dots are ignored (`732 829 320`), then it
 * must be nine digits that pass the Luhn check.
 */
export const sirenSchema = z
  .string()
  .transform((value) => value.replace(/[\s.]/g, ''))
  .refine(isValidSiren, { message: 'invalid_siren' })
  .transform((value) => value as Siren);
