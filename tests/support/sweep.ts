import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WebRoute } from './routes.ts';
import { dataPath, routesDir } from './routes.ts';

/** One request of the sweep: a page, its `__data.json`, one of its form actions, or an endpoint method. */
export interface Probe {
  route: WebRoute;
  kind: 'page' | 'data' | 'action' | 'endpoint' | 'unserved';
  method: string;
  /** The form action, for `kind: 'action'`. */
  action?: string;
}

/** What came back, as a browser's router would read it. */
export interface Answer {
  /** The HTTP status. */
  status: number;
  /**
   * For a `__data.json`, the status its content stands for (SvelteKit answers 200 with a
   * redirect or a load's error inside); otherwise the HTTP status.
   */
  effective: number;
  location: string;
  setCookie: string;
  body: string;
}

/** Every request the sweep makes for one route: what it serves, and one method it does not. */
export function probesOf(route: WebRoute): Probe[] {
  const probes: Probe[] = [];
  if (route.page) {
    probes.push({ route, kind: 'page', method: 'GET' }, { route, kind: 'data', method: 'GET' });
    for (const action of route.actions) probes.push({ route, kind: 'action', method: 'POST', action });
  }
  for (const method of route.endpointMethods) {
    if (method !== 'fallback') probes.push({ route, kind: 'endpoint', method });
  }
  const served = new Set(
    route.page ? ['GET', 'HEAD', 'POST', ...route.endpointMethods] : route.endpointMethods,
  );
  const unserved = ['PUT', 'PATCH', 'DELETE'].find((method) => !served.has(method));
  if (unserved && !route.endpointMethods.includes('fallback'))
    probes.push({ route, kind: 'unserved', method: unserved });
  return probes;
}

/** The address a probe is sent to, once the route's parameters are filled in. */
export function targetOf(probe: Probe, path: string): string {
  if (probe.kind === 'data') return dataPath(path);
  if (probe.kind === 'action' && probe.action !== 'default') return `${path}?/${probe.action}`;
  return path;
}

/**
 * Sends a probe as a browser would: pages asking for HTML, form posts from this origin with an
 * empty form (the CSRF check passes; what the action does with nothing is the point), never
 * following a redirect.
 */
export async function send(
  baseUrl: string,
  probe: Probe,
  path: string,
  cookie: string,
  form: Record<string, string> = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: probe.kind === 'data' ? '*/*' : 'text/html' };
  if (cookie) headers.cookie = cookie;
  const hasBody = probe.method !== 'GET' && probe.method !== 'HEAD';
  if (hasBody) {
    headers.origin = baseUrl;
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const response = await fetch(`${baseUrl}${targetOf(probe, path)}`, {
    method: probe.method,
    headers,
    redirect: 'manual',
    body: hasBody ? new URLSearchParams(form).toString() : undefined,
  });
  const body = await response.text();
  return {
    status: response.status,
    effective: probe.kind === 'data' ? dataStatus(response.status, body) : response.status,
    location: response.headers.get('location') ?? '',
    setCookie: response.headers.get('set-cookie') ?? '',
    body,
  };
}

/** The status a `__data.json` answer stands for: its redirect, the first load error, or 200. */
function dataStatus(status: number, body: string): number {
  if (status !== 200) return status;
  const data = JSON.parse(body) as { type: string; nodes?: ({ type: string; status?: number } | null)[] };
  if (data.type === 'redirect') return 303;
  const failed = data.nodes?.find((node) => node?.type === 'error');
  return failed ? (failed.status ?? 500) : 200;
}

/**
 * The form fields a route's server code reads one by one (`form.get('contributionId')`): the
 * values that reach queries without a schema in between, which the sweep fills with non-ids.
 */
export function formFieldsOf(route: WebRoute): string[] {
  const folder = path.join(routesDir, ...route.id.split('/').filter(Boolean));
  const names = new Set<string>();
  for (const file of ['+page.server.ts', '+server.ts']) {
    const full = path.join(folder, file);
    if (!existsSync(full)) continue;
    for (const match of readFileSync(full, 'utf8').matchAll(/\.get(?:All)?\(\s*'([A-Za-z]\w*)'\s*\)/g))
      names.add(match[1]!);
  }
  return [...names];
}

/** A Node or browser stack trace, or SQL, in what a page shows. */
export function leaksInternals(body: string): boolean {
  return /\n\s+at [\w$.<>]+ \(|node:internal|\.ts:\d+:\d+|PostgresError|syntax error at or near/.test(body);
}

/** Whether a route is in the signed-in part of the app (the `(app)` group). */
export const signedInOnly = (route: WebRoute) => route.groups.includes('(app)');

/** Whether a route belongs to one workshop (`/workshops/[id]/…`). */
export const inWorkshop = (route: WebRoute) => route.pattern.startsWith('/workshops/[id]');
