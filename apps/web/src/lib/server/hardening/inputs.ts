import { cleanText, containsNul } from './text.ts';

/** Why a request's body is refused, and the status that says it. */
export type InputProblem =
  | { status: 400; code: 'unreadable' | 'nul_byte' }
  | { status: 413; code: 'too_large' }
  | { status: 415; code: 'content_type' };

export type ScreenedRequest = { ok: true; request: Request } | { ok: false; problem: InputProblem };

// What the app's forms send. SvelteKit also counts text/plain as a form; no form here uses it.
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

function isForm(request: Request): boolean {
  const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  return FORM_TYPES.includes(type);
}

function isTooLarge(error: unknown): boolean {
  // adapter-node fails the body's stream with a 413 SvelteKitError past BODY_SIZE_LIMIT; reading
  // it through `formData()` may wrap that error once.
  for (let cause = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { status?: unknown }).status === 413) return true;
  }
  return false;
}

/**
 * Screens the body of a POST before any action or endpoint reads it. Every POST of this app is
 * a form, so another content type is refused (415), a body that does not parse as its content
 * type is refused (400, not the 500 a throwing `request.formData()` gave), and so is a text
 * field holding NUL (400: PostgreSQL refuses it). Other control characters are removed from
 * text fields and file names here, in this one place, before anything reaches the database;
 * the request then carries the cleaned form. Other methods pass as they are.
 */
export async function screenRequest(request: Request): Promise<ScreenedRequest> {
  if (request.method !== 'POST') return { ok: true, request };
  if (!isForm(request)) return { ok: false, problem: { status: 415, code: 'content_type' } };
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch (error) {
    return {
      ok: false,
      problem: isTooLarge(error) ? { status: 413, code: 'too_large' } : { status: 400, code: 'unreadable' },
    };
  }
  let changed = false;
  const cleaned = new FormData();
  for (const [name, value] of form) {
    if (containsNul(name) || (typeof value === 'string' && containsNul(value))) {
      return { ok: false, problem: { status: 400, code: 'nul_byte' } };
    }
    const key = cleanText(name);
    if (typeof value === 'string') {
      const text = cleanText(value);
      changed ||= key !== name || text !== value;
      cleaned.append(key, text);
    } else {
      const fileName = cleanText(value.name.replaceAll('\u0000', ''));
      changed ||= key !== name || fileName !== value.name;
      cleaned.append(
        key,
        fileName === value.name ? value : new File([value], fileName, { type: value.type }),
      );
    }
  }
  if (!changed) return { ok: true, request };
  // A new body means a new multipart boundary: the content type and length come from it.
  const headers = new Headers(request.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  return { ok: true, request: new Request(request.url, { method: 'POST', headers, body: cleaned }) };
}
