import type { z } from 'zod';

/** Error codes tied to one field; the page turns each into a translated sentence. */
export type FieldErrors = Record<string, string>;

export type FormParse<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Reads the named fields of a form as strings (a missing field is empty; a file
 * counts as empty) and validates them with a zod schema whose messages are error
 * codes. Returns the first error of each field, and the values to show again.
 */
export function parseForm<S extends z.ZodType>(
  form: FormData,
  fields: readonly string[],
  schema: S,
): FormParse<z.output<S>> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = form.get(field);
    values[field] = typeof value === 'string' ? value : '';
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return { ok: false, errors, values };
}

/** The values to send back to the page after a failed post: never passwords, and not overlong. */
export function echo(values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!key.toLowerCase().includes('password')) out[key] = value.slice(0, 5000);
  }
  return out;
}
