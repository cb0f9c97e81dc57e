import { SESSION_COOKIE } from '@atelier/db';
import type { RequestEvent } from '@sveltejs/kit';

type CookieEvent = Pick<RequestEvent, 'cookies' | 'url'>;

/** The session cookie's attributes: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
function attributes(event: CookieEvent) {
  return { httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:', path: '/' } as const;
}

/** Sets (or renews) the cookie of a session for this request. */
export function setSessionCookie(event: CookieEvent, session: { token: string; expiresAt: Date }) {
  event.cookies.set(SESSION_COOKIE, session.token, { ...attributes(event), expires: session.expiresAt });
}

export function deleteSessionCookie(event: CookieEvent) {
  event.cookies.delete(SESSION_COOKIE, attributes(event));
}

/** What the session table keeps about the browser: its user agent and address. */
export function clientOf(event: Pick<RequestEvent, 'request' | 'getClientAddress'>) {
  return {
    userAgent: event.request.headers.get('user-agent') ?? undefined,
    ip: event.getClientAddress(),
  };
}
