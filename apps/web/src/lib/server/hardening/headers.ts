/**
 * Browser features the app never uses, switched off for it and anything it might embed. Only
 * names Chromium and Firefox know: an unknown one is a console error on every page.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'serial=()',
  'usb=()',
].join(', ');

/** A year; without includeSubDomains, which would bind sibling hosts this app does not own. */
export const HSTS = 'max-age=31536000';

/**
 * The origins a page's scripts reach the realtime server at, over HTTP (Socket.IO's polling)
 * and WebSocket: the origin of `REALTIME_PUBLIC_URL`, else the page's host name at
 * `REALTIME_PORT`, exactly as the browser computes it (`realtimeBaseUrl`).
 *
 * @example realtimeSources({ port: 3001, pageUrl: new URL('http://localhost:3000/') })
 * // ['http://localhost:3001', 'ws://localhost:3001']
 */
export function realtimeSources(options: { publicUrl?: string; port: number; pageUrl: URL }): string[] {
  const base = options.publicUrl
    ? new URL(options.publicUrl)
    : new URL(`${options.pageUrl.protocol}//${options.pageUrl.hostname}:${options.port}`);
  const origin = base.origin;
  return [origin, origin.replace(/^http/, 'ws')];
}

/**
 * A Content-Security-Policy with sources added to one directive (created when missing). The
 * policy SvelteKit writes (kit.csp, with this response's nonce) is static; where the realtime
 * server is is known only at run time.
 */
export function addSources(policy: string, directive: string, sources: readonly string[]): string {
  const parts = policy
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
  const index = parts.findIndex((part) => part.split(/\s+/, 1)[0] === directive);
  if (index === -1) return [...parts, `${directive} ${sources.join(' ')}`].join('; ');
  const present = new Set(parts[index]!.split(/\s+/).slice(1));
  const missing = sources.filter((source) => !present.has(source));
  if (missing.length > 0) parts[index] = `${parts[index]} ${missing.join(' ')}`;
  return parts.join('; ');
}

/**
 * The headers every dynamic response of the app carries (static assets are served before the
 * hooks, with their own caching):
 *
 * - `Cache-Control: no-store` unless the response chose otherwise: pages are per person, and
 *   each HTML page carries a CSP nonce that must not be served twice;
 * - HSTS when the request came over HTTPS, as adapter-node sees it (the ORIGIN's scheme, or
 *   PROTOCOL_HEADER set for a trusted proxy's X-Forwarded-Proto);
 * - the realtime server added to the page's `connect-src`.
 */
export function applySecurityHeaders(
  response: Response,
  options: { url: URL; realtime: { publicUrl?: string; port: number } },
): void {
  const headers = response.headers;
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'same-origin');
  headers.set('x-frame-options', 'DENY');
  headers.set('permissions-policy', PERMISSIONS_POLICY);
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  if (options.url.protocol === 'https:') headers.set('strict-transport-security', HSTS);
  const policy = headers.get('content-security-policy');
  if (policy) {
    const sources = realtimeSources({ ...options.realtime, pageUrl: options.url });
    headers.set('content-security-policy', addSources(policy, 'connect-src', sources));
  }
}
