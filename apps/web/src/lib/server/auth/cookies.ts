import { SESSION_COOKIE } from '@atelier/db';
import type { Cookies } from '@sveltejs/kit';

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function setSessionCookie(options: {
  cookies: Cookies;
  token: string;
  expiresAt: Date;
  secure: boolean;
}) {
  options.cookies.set(SESSION_COOKIE, options.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
    expires: options.expiresAt,
  });
}

export function deleteSessionCookie(options: { cookies: Cookies; secure: boolean }) {
  options.cookies.delete(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    path: '/',
  });
}
