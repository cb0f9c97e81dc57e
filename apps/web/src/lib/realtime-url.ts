/**
 * The realtime server's base URL as a browser reaches it: `REALTIME_PUBLIC_URL` when set,
 * else the page's own host name at `REALTIME_PORT` (the session cookie is sent to the same
 * host on any port).
 *
 * @example realtimeBaseUrl({ url: null, port: 3001 }, location) // 'http://localhost:3001'
 */
export function realtimeBaseUrl(
  realtime: { url: string | null; port: number },
  location: Pick<Location, 'protocol' | 'hostname'>,
): string {
  if (realtime.url) return realtime.url.replace(/\/$/, '');
  return `${location.protocol}//${location.hostname}:${realtime.port}`;
}
