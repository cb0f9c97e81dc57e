import type { RequestEvent } from '@sveltejs/kit';
import { setSessionCookie } from './cookies.ts';

/** Sets the cookie of a session just opened for this request. */
export function startSession(
  event: Pick<RequestEvent, 'cookies' | 'url'>,
  session: { token: string; expiresAt: Date },
) {
  setSessionCookie({
    cookies: event.cookies,
    token: session.token,
    expiresAt: session.expiresAt,
    secure: event.url.protocol === 'https:',
  });
}

/** What the session table keeps about the browser: its user agent and address. */
export function clientOf(event: Pick<RequestEvent, 'request' | 'getClientAddress'>) {
  return {
    userAgent: event.request.headers.get('user-agent') ?? undefined,
    ip: event.getClientAddress(),
  };
}
