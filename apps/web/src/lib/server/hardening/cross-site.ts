// SvelteKit's cross-site form check, done here instead of by SvelteKit (svelte.config.js turns
// its own off with `trustedOrigins: ['*']`) so that one route can be let through: the one-click
// unsubscribe of RFC 8058. A mail provider posts `List-Unsubscribe=One-Click` to the link of
// the List-Unsubscribe header from its own servers, with no Origin or its own; SvelteKit's
// check, which runs before any hook, would answer 403. That route is authorised by the
// HMAC-signed token in its path alone, never by cookies, so a forged cross-site post can do
// nothing the holder of the link could not do anyway. Every other route keeps SvelteKit's rule.

/** Routes whose POST is authorised by a secret in the URL, not by the browser's cookies. */
const TOKEN_AUTHORISED_POSTS: readonly string[] = ['/unsubscribe/[token]'];

// SvelteKit counts these as forms (what a cross-site <form> can send without a preflight).
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const UNSAFE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * Whether a request is a cross-site form submission to refuse: SvelteKit's rule (a form
 * content type, an unsafe method, an Origin other than the app's), except a POST to a route
 * authorised by its URL's token.
 *
 * @example isForbiddenCrossSiteForm({ request, url, routeId: '/login' }) // true from evil.example
 */
export function isForbiddenCrossSiteForm(options: {
  request: Request;
  url: URL;
  routeId: string | null;
}): boolean {
  const { request, url, routeId } = options;
  if (!UNSAFE_METHODS.includes(request.method)) return false;
  const type = request.headers.get('content-type')?.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  if (!FORM_TYPES.includes(type)) return false;
  if (request.headers.get('origin') === url.origin) return false;
  return !(request.method === 'POST' && routeId !== null && TOKEN_AUTHORISED_POSTS.includes(routeId));
}

/** SvelteKit's own answer to a refused cross-site form. */
export function crossSiteFormResponse(request: Request): Response {
  const message = `Cross-site ${request.method} form submissions are forbidden`;
  return request.headers.get('accept') === 'application/json'
    ? Response.json({ message }, { status: 403 })
    : new Response(message, { status: 403, headers: { 'content-type': 'text/plain;charset=utf-8' } });
}
