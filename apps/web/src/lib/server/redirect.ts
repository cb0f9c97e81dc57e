/**
 * A same-site path to send the browser to after a form, or `/`. Refuses
 * absolute and protocol-relative URLs so that a form can't redirect off-site.
 */
export function safeRedirectTarget(value: FormDataEntryValue | string | null, fallback = '/'): string {
  if (typeof value !== 'string') return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  if (value.length > 2000) return fallback;
  return value;
}
