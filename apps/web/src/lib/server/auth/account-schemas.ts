import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-rules.ts';

/** An e-mail as typed: trimmed, lower-cased, at most 254 characters. */
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'required')
  .max(254, 'too_long')
  .pipe(z.email('invalid_email'));

/** A person's name as shown to others: 1 to 120 characters, no control characters. */
export const displayNameField = z
  .string()
  .trim()
  .min(1, 'required')
  .max(120, 'too_long')
  // eslint-disable-next-line no-control-regex
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'invalid_characters');

/** A new password: the rules of {@link passwordProblem}. */
export const newPasswordField = z
  .string()
  .max(PASSWORD_MAX_LENGTH * 4, 'password_too_long')
  .superRefine((value, context) => {
    const problem = value === '' ? 'required' : passwordProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

export const signUpSchema = z
  .object({ email: emailField, displayName: displayNameField, password: newPasswordField })
  .superRefine((value, context) => {
    if (value.password.toLowerCase() === value.email) {
      context.addIssue({ code: 'custom', path: ['password'], message: 'password_common' });
    }
  });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'required').max(1000, 'too_long'),
  newPassword: newPasswordField,
});
