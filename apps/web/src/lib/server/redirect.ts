/** Where a refused or missing target sends the browser. */
export const DEFAULT_REDIRECT = '/workshops';

// Anything a browser drops or rewrites while parsing a URL (C0 controls, tab, CR/LF, DEL) and
// the backslash it reads as a slash: no path of this site has them raw, so a target with one
// is refused rather than cleaned, since cleaning is how `/\t/evil.example` became `//evil.example`.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\\]/;
// A stand-in origin: only the path, query and fragment of the parsed target are kept.
const BASE = 'https://atelier.invalid';

/**
 * A path of this site to send the browser to after a form (`redirectTo`), or the fallback.
 *
 * The target is parsed the way a browser parses a `Location` header, and kept only if it stays
 * on this origin and comes out as a path that does not start with `//` (`/..//evil.example`
 * normalises to `//evil.example`). What is returned is the normalised form, so what the
 * browser follows is exactly what was checked; percent-encoded characters (`%2F`, `%09`) stay
 * encoded, which a browser does not decode into separators.
 *
 * @example
 * safeRedirectTarget('/workshops?status=live'); // '/workshops?status=live'
 * safeRedirectTarget('/\t/evil.example');       // '/workshops'
 */
export function safeRedirectTarget(
  value: FormDataEntryValue | string | null | undefined,
  fallback = DEFAULT_REDIRECT,
): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || UNSAFE.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const target = url.pathname + url.search + url.hash;
  if (!target.startsWith('/') || target.startsWith('//') || UNSAFE.test(target)) return fallback;
  return target;
}
