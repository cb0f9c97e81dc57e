import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 hashes any length, but a cap keeps one request from costing much. */
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordProblem = 'password_too_short' | 'password_too_long' | 'password_common';

/**
 * What is wrong with a new password, or undefined when it is acceptable:
 * at least ten characters, at most 200, not in the list of common passwords,
 * and not the person's e-mail address.
 */
export function passwordProblem(
  password: string,
  options: { email?: string } = {},
): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 'password_common';
  if (options.email && lower === options.email.trim().toLowerCase()) return 'password_common';
  return undefined;
}
