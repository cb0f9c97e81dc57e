import type { SessionUser } from '@atelier/db';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';

/** What the guard reads of a request: pages and actions pass their event, or `{ locals, url }`. */
export type GuardEvent = Pick<RequestEvent, 'locals' | 'url'> &
  Partial<Pick<RequestEvent, 'isDataRequest' | 'request'>>;

/**
 * The sign-in page, coming back here afterwards. A form post comes back to its page (its
 * `?/action` query would mean nothing to a GET).
 */
export function signInPath(event: GuardEvent): string {
  const { url } = event;
  const back = event.request && event.request.method !== 'GET' ? url.pathname : url.pathname + url.search;
  return `/login?redirectTo=${encodeURIComponent(back)}`;
}

/** A signed-in person with an account (not a guest): what most of the app is for. */
export type AccountUser = SessionUser & { kind: 'account'; email: string };

/** Where a guest goes when a page is not for guests: `/j` sends them to their workshop's room. */
export const GUEST_HOME = '/j';

/**
 * The signed-in person, for every server load, action and endpoint that needs one.
 *
 * Without a session, a page (its load or its form action) answers 303 to the sign-in page,
 * and an endpoint or a page's `__data.json` answers 401. It throws SvelteKit's redirect or
 * error, which SvelteKit turns into that response: a load that runs beside the layout's
 * (SvelteKit runs them in parallel) refuses on its own instead of reading a missing user.
 *
 * Guests (joined one workshop by its code) get only the pages that say `guests: true` (their
 * workshop's room, where `can()` decides as for everyone); elsewhere a page sends them back to
 * their room and an endpoint or a page's data answers 403. Pages about an account (password,
 * organisations, workshops list…) have nothing for someone without one.
 *
 * @example
 * export const load = async (event) => {
 *   const user = requireUser(event);
 *   …
 * };
 */
export function requireUser(event: GuardEvent, options?: { endpoint?: boolean; guests?: false }): AccountUser;
export function requireUser(event: GuardEvent, options: { endpoint?: boolean; guests: true }): SessionUser;
export function requireUser(
  event: GuardEvent,
  options: { endpoint?: boolean; guests?: boolean } = {},
): SessionUser {
  const { user } = event.locals;
  if (user) {
    if (user.kind !== 'guest' || options.guests) return user;
    if (options.endpoint || event.isDataRequest || event.request?.method !== 'GET')
      error(403, 'Not for guests');
    redirect(303, GUEST_HOME);
  }
  if (options.endpoint || event.isDataRequest) error(401, 'Sign in first');
  redirect(303, signInPath(event));
}
