import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE, sessions } from '@atelier/db';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies.ts';
import { getConfig } from '$lib/server/config.ts';
import { closeDb, getDb } from '$lib/server/db.ts';
import { installCrashGuard } from '$lib/server/hardening/crash-guard.ts';
import { crossSiteFormResponse, isForbiddenCrossSiteForm } from '$lib/server/hardening/cross-site.ts';
import { applySecurityHeaders } from '$lib/server/hardening/headers.ts';
import { screenRequest } from '$lib/server/hardening/inputs.ts';
import { problemMessage, problemResponse } from '$lib/server/hardening/respond.ts';
import { requestContext } from '$lib/server/hardening/request-context.ts';
import { log } from '$lib/server/log.ts';
import { startMailWorker, stopMailWorker } from '$lib/server/mail/service.ts';
import { getLocale } from '$lib/paraglide/runtime.js';
import { paraglideMiddleware } from '$lib/paraglide/server.js';

export const init: ServerInit = async () => {
  // Fatal: without its configuration or its database the server cannot serve anything.
  try {
    getConfig();
    await getDb();
  } catch (error) {
    console.error(`${(error as Error).name}: ${(error as Error).message}`);
    process.exit(1);
  }
  // From here on, one request's failure is that request's 500, never the process's end.
  installCrashGuard(log);
  // Issue 20: the e-mail outbox's worker runs in this process (it has the database).
  await startMailWorker();
  process.once('sveltekit:shutdown', (reason: unknown) => {
    log.info({ reason }, 'shutting down');
    void stopMailWorker()
      .finally(() => closeDb())
      .finally(() => log.info('stopped'));
  });
};

const requestLog: Handle = async ({ event, resolve }) => {
  const given = event.request.headers.get('x-request-id');
  // A caller's id is kept when it is a plain token (it goes into logs and a response header).
  event.locals.requestId = given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
  const started = performance.now();
  const context = {
    requestId: event.locals.requestId,
    method: event.request.method,
    path: event.url.pathname,
  };
  const response = await requestContext.run(context, () => resolve(event));
  response.headers.set('x-request-id', event.locals.requestId);
  log.info(
    {
      requestId: event.locals.requestId,
      method: event.request.method,
      path: event.url.pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
    },
    'request',
  );
  return response;
};

/**
 * Cross-site form submissions are refused as SvelteKit would (its own check is off in
 * svelte.config.js), except the one-click unsubscribe a mail provider posts (RFC 8058).
 */
const crossSiteForms: Handle = ({ event, resolve }) =>
  isForbiddenCrossSiteForm({ request: event.request, url: event.url, routeId: event.route.id })
    ? crossSiteFormResponse(event.request)
    : resolve(event);

const authentication: Handle = async ({ event, resolve }) => {
  event.locals.user = null;
  event.locals.session = null;
  const token = event.cookies.get(SESSION_COOKIE);
  if (token) {
    const { sql } = await getDb();
    const result = await sessions.validate(sql, { token, now: new Date() });
    if (result) {
      event.locals.user = result.user;
      event.locals.session = result.session;
      if (result.renewed) {
        setSessionCookie(event, { token, expiresAt: result.session.expiresAt });
      }
    } else {
      deleteSessionCookie(event);
    }
  }
  return resolve(event);
};

const i18n: Handle = ({ event, resolve }) =>
  paraglideMiddleware(event.request, ({ request, locale }) => {
    event.request = request;
    return resolve(event, {
      transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale),
    });
  });

const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const config = getConfig();
  applySecurityHeaders(response, {
    url: event.url,
    realtime: { publicUrl: config.REALTIME_PUBLIC_URL, port: config.REALTIME_PORT },
  });
  return response;
};

/**
 * Every POST body is screened once, before any action or endpoint reads it: a body that is not
 * a form, does not parse, or holds NUL is refused with its 4xx and a sentence in the reader's
 * language (it runs inside the i18n handle); other control characters are removed from text.
 */
const inputs: Handle = async ({ event, resolve }) => {
  const screened = await screenRequest(event.request);
  if (!screened.ok) {
    const { status } = screened.problem;
    return problemResponse(event.request, {
      status,
      message: problemMessage(screened.problem),
      lang: getLocale(),
    });
  }
  event.request = screened.request;
  return resolve(event);
};

/**
 * A page's `__data.json` in the signed-in part of the app answers 401 without a session, before
 * any load runs (each load would refuse on its own too, inside a 200 answer): the browser's
 * router then loads the page itself, which sends to sign-in and back (tests/e2e/demo-sign-in).
 */
const signedInArea: Handle = ({ event, resolve }) => {
  if (event.isDataRequest && !event.locals.user && event.route.id?.startsWith('/(app)/')) {
    return new Response(JSON.stringify('Sign in first'), {
      status: 401,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return resolve(event);
};

export const handle = sequence(
  requestLog,
  securityHeaders,
  crossSiteForms,
  authentication,
  signedInArea,
  i18n,
  inputs,
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  const details = { requestId: event.locals.requestId, path: event.url.pathname, status, err: error };
  if (status >= 500) log.error(details, 'request failed');
  else if (status !== 404) log.warn(details, 'request refused');
  // Only the status's generic message and the reference reach the page: no stack, no SQL.
  return { message, requestId: event.locals.requestId };
};
