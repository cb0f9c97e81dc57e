import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE, sessions } from '@atelier/db';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { deleteSessionCookie, setSessionCookie } from '$lib/server/auth/cookies.ts';
import { getConfig } from '$lib/server/config.ts';
import { closeDb, getDb } from '$lib/server/db.ts';
import { log } from '$lib/server/log.ts';
import { paraglideMiddleware } from '$lib/paraglide/server.js';

export const init: ServerInit = async () => {
  try {
    getConfig();
    await getDb();
  } catch (error) {
    console.error(`${(error as Error).name}: ${(error as Error).message}`);
    process.exit(1);
  }
  process.once('sveltekit:shutdown', () => void closeDb());
};

const requestLog: Handle = async ({ event, resolve }) => {
  event.locals.requestId = event.request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
  const started = performance.now();
  const response = await resolve(event);
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
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  response.headers.set('x-frame-options', 'DENY');
  return response;
};

export const handle = sequence(requestLog, securityHeaders, authentication, i18n);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
  if (status !== 404) {
    log.error({ requestId: event.locals.requestId, err: error, path: event.url.pathname }, 'unhandled error');
  }
  return { message, requestId: event.locals.requestId };
};
