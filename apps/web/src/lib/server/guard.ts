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

/**
 * The signed-in person, for every server load, action and endpoint that needs one.
 *
 * Without a session, a page (its load or its form action) answers 303 to the sign-in page,
 * and an endpoint or a page's `__data.json` answers 401. It throws SvelteKit's redirect or
 * error, which SvelteKit turns into that response: a load that runs beside the layout's
 * (SvelteKit runs them in parallel) refuses on its own instead of reading a missing user.
 *
 * @example
 * export const load = async (event) => {
 *   const user = requireUser(event);
 *   …
 * };
 */
export function requireUser(event: GuardEvent, options: { endpoint?: boolean } = {}): SessionUser {
  const { user } = event.locals;
  if (user) return user;
  if (options.endpoint || event.isDataRequest) error(401, 'Sign in first');
  redirect(303, signInPath(event));
}
