import { m } from '$lib/paraglide/messages.js';
import type { InputProblem } from './inputs.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The sentence for a refused request body, in the reader's language. */
export function problemMessage(problem: InputProblem): string {
  switch (problem.code) {
    case 'unreadable':
      return m.input_unreadable();
    case 'nul_byte':
      return m.input_nul_byte();
    case 'too_large':
      return m.input_too_large();
    case 'content_type':
      return m.input_content_type();
  }
}

/**
 * A refused request, answered before SvelteKit routes it: a small page for a browser's plain
 * form post, an action result for an enhanced form (`use:enhance` shows it as the error page),
 * JSON for anything else. The message is the only detail given.
 */
export function problemResponse(
  request: Request,
  options: { status: number; message: string; lang: string },
) {
  const { status, message } = options;
  const headers = { 'cache-control': 'no-store' };
  if (request.headers.get('x-sveltekit-action') === 'true') {
    return Response.json({ type: 'error', error: { message } }, { status, headers });
  }
  if (request.headers.get('accept')?.includes('text/html')) {
    const html = `<!doctype html><html lang="${escape(options.lang)}"><head><meta charset="utf-8"><title>${escape(message)}</title></head><body><h1>${escape(message)}</h1><p><a href="/">Atelier</a></p></body></html>`;
    return new Response(html, {
      status,
      headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
    });
  }
  return Response.json({ message }, { status, headers });
}
