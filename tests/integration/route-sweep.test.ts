import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEMO_PASSWORD,
  SESSION_COOKIE,
  SESSION_LIFETIME_MS,
  organisations,
  sessions,
  workshops,
  type Db,
} from '@atelier/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, openPlatformDb, type DemoIds } from '../support/demo-ids.ts';
import { startPlatform, type Platform } from '../support/platform.ts';
import { discoverRoutes, fillPath } from '../support/routes.ts';
import {
  formFieldsOf,
  inWorkshop,
  leaksInternals,
  probesOf,
  send,
  signedInOnly,
  targetOf,
  type Answer,
  type Probe,
} from '../support/sweep.ts';

/** What an identity may get for one probe: the statuses allowed, and a check of the answer. */
type Expectation = (probe: Probe) => { statuses: number[]; check?: (answer: Answer) => string | undefined };

const SIGN_IN = /^\/login\?redirectTo=%2F/;

/** Signed out, expired session, garbage cookie: nothing of the signed-in part, never a 500. */
const anonymous: Expectation = (probe) => {
  const { route, kind } = probe;
  if (kind === 'unserved') return { statuses: [405] };
  if (signedInOnly(route)) {
    if (kind === 'data' || kind === 'endpoint') return { statuses: [401] };
    return {
      statuses: [303],
      check: (answer) => (SIGN_IN.test(answer.location) ? undefined : `redirected to ${answer.location}`),
    };
  }
  if (kind === 'endpoint') return { statuses: [200] };
  if (kind === 'action') return { statuses: [303, 400] };
  return { statuses: [200, 303, 404] };
};

/** A signed-in person outside the workshop's staff: reads what they may, changes nothing they may not. */
function member(options: { seatedInWorkshop: boolean }): Expectation {
  return (probe) => {
    const { route, kind } = probe;
    if (kind === 'unserved') return { statuses: [405] };
    if (inWorkshop(route)) {
      // A workshop one has no seat in does not exist, whatever is asked of it.
      if (!options.seatedInWorkshop) return { statuses: [404] };
      if (kind === 'action') return { statuses: [403] };
      if (kind === 'endpoint') return { statuses: probe.method === 'GET' ? [403, 404] : [403] };
      return { statuses: [200, 403, 404] };
    }
    if (kind === 'action') return { statuses: [200, 303, 400, 403, 404, 409] };
    return { statuses: [200, 303, 403, 404] };
  };
}

/** The facilitator of the workshop, everything readable: no page fails. */
const facilitator: Expectation = (probe) =>
  probe.kind === 'unserved'
    ? { statuses: [405] }
    : probe.kind === 'action' || (probe.kind === 'endpoint' && probe.method !== 'GET')
      ? { statuses: [200, 303, 400, 403, 404, 409] }
      : { statuses: [200, 303, 403, 404] };

/** Ids no route should take for a real one (already encoded for the URL's path). */
const MALFORMED = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  "1'%20OR%20'1'%3D'1",
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  'a'.repeat(300),
  '%F0%9F%92%A5',
  '%E2%80%AEevil',
  '%ZZ',
  '%C0%AF',
];

/**
 * Issue 17: every route of the web app (read from apps/web/src/routes), every method it serves,
 * as people who must not get in and with ids that are not ids: the expected 3xx/4xx, never a 500,
 * nothing internal on the page, and both servers still the same processes afterwards.
 */
describe('the route sweep', () => {
  let platform: Platform;
  let db: Db;
  let ids: DemoIds;
  let dataDir: string;
  const routes = discoverRoutes();
  const cookies: Record<string, string> = {};
  const pids: Record<'web' | 'realtime', number> = { web: 0, realtime: 0 };
  const sent: Record<string, number> = {};

  const pidOf = (name: 'web' | 'realtime') =>
    Number(new RegExp(`${name} server: (?:port \\d+, )?pid (\\d+)`).exec(platform.output())?.[1] ?? 0);

  async function post(target: string, form: Record<string, string>) {
    return fetch(`${platform.baseUrl}${target}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: platform.baseUrl,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams(form),
    });
  }
  const cookieOf = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0]!;

  /**
   * Sends every probe of every route as one identity; gives the mismatches. A logout runs last,
   * so that the identity's session lasts the sweep.
   */
  async function sweep(
    identity: string,
    expectation: Expectation,
    options: {
      values?: (route: (typeof routes)[number]) => Record<string, string>[];
      form?: (probe: Probe) => Record<string, string> | undefined;
    } = {},
  ) {
    const problems: string[] = [];
    const probes = routes
      .flatMap(probesOf)
      .sort((a, b) => Number(a.route.id.endsWith('/logout')) - Number(b.route.id.endsWith('/logout')));
    for (const probe of probes) {
      const form = options.form ? options.form(probe) : {};
      if (!form) continue;
      const valueSets = options.values?.(probe.route) ?? [ids.paramsFor(probe.route)];
      for (const values of valueSets) {
        const target = fillPath(probe.route, values, { raw: true });
        const answer = await send(platform.baseUrl, probe, target, cookies[identity] ?? '', form);
        sent[identity] = (sent[identity] ?? 0) + 1;
        const { statuses, check } = expectation(probe);
        const where = `${probe.method} ${targetOf(probe, target).slice(0, 120)} (${probe.kind})`;
        if (!statuses.includes(answer.effective))
          problems.push(`${where}: ${answer.effective}, expected ${statuses.join('/')}`);
        else if (check?.(answer)) problems.push(`${where}: ${check(answer)}`);
        if (answer.status >= 500) problems.push(`${where}: HTTP ${answer.status}`);
        if (leaksInternals(answer.body)) problems.push(`${where}: shows a stack trace or SQL`);
      }
    }
    return problems;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'atelier-sweep-'));
    platform = await startPlatform({ dataDir });
    pids.web = pidOf('web');
    pids.realtime = pidOf('realtime');
    db = await openPlatformDb(dataDir);
    ids = await demoIds(db);
    const signIn = async (email: string) =>
      cookieOf(await post('/login', { email, password: DEMO_PASSWORD }));
    cookies.facilitator = await signIn('facilitator@atelier.example');
    cookies.observer = await signIn('observer@atelier.example');
    // The facilitator's session, expired: who once could read everything, reloading the room.
    const [facilitatorRow] = await db.sql<{ id: string }[]>`
      select id from users where email = 'facilitator@atelier.example'`;
    const token = sessions.generateToken();
    await sessions.create(db.sql, {
      token,
      userId: facilitatorRow!.id,
      now: new Date(Date.now() - SESSION_LIFETIME_MS - 60_000),
    });
    cookies.expired = `${SESSION_COOKIE}=${token}`;
    cookies.garbage = `${SESSION_COOKIE}=%00garbage'%22%3B--%20; other=%FF`;
    // A participant of another workshop, who signed up through the form.
    const signUp = await post('/signup', {
      email: 'voisine@example.org',
      displayName: 'Voisine',
      password: 'un mot de passe assez long',
    });
    expect(signUp.status).toBe(303);
    cookies.neighbour = cookieOf(signUp);
    const [neighbour] = await db.sql<
      { id: string }[]
    >`select id from users where email = 'voisine@example.org'`;
    const company = await organisations.create(db.sql, {
      kind: 'company',
      name: 'Voisins SARL (fictive)',
      communeCode: '57463',
      fictional: true,
    });
    await organisations.addMember(db.sql, {
      organisationId: company.id,
      userId: neighbour!.id,
      role: 'admin',
    });
    const other = await workshops.create(db.sql, {
      title: 'Atelier voisin',
      status: 'live',
      territory: 'Thionville',
    });
    await workshops.addMember(db.sql, {
      workshopId: other.id,
      userId: neighbour!.id,
      organisationId: company.id,
      role: 'participant',
    });
  });
  afterAll(async () => {
    await db?.close();
    expect(await platform?.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads the whole route tree', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((route) => route.pattern)).toContain('/workshops/[id]/exports/new');
    expect(pids.web).toBeGreaterThan(0);
    expect(pids.realtime).toBeGreaterThan(0);
  });

  it('sends a signed-out person to sign in (pages) or answers 401 (data, endpoints)', async () => {
    expect(await sweep('signed out', anonymous)).toEqual([]);
  }, 180_000);

  it('treats an expired session as signed out, and removes its cookie', async () => {
    const problems = await sweep('expired', (probe) => {
      const base = anonymous(probe);
      if (probe.kind !== 'page') return base;
      const removes = (answer: Answer) =>
        answer.setCookie.startsWith(`${SESSION_COOKIE}=;`) ? undefined : `cookie kept: ${answer.setCookie}`;
      return { ...base, check: (answer) => base.check?.(answer) ?? removes(answer) };
    });
    expect(problems).toEqual([]);
  }, 180_000);

  it('treats a garbage cookie as signed out', async () => {
    expect(await sweep('garbage', anonymous)).toEqual([]);
  }, 180_000);

  it("lets an observer read the workshop and change nothing in it (403), and nothing of others'", async () => {
    expect(await sweep('observer', member({ seatedInWorkshop: true }))).toEqual([]);
  }, 180_000);

  it('shows a participant of another workshop nothing of this one (404)', async () => {
    expect(await sweep('neighbour', member({ seatedInWorkshop: false }))).toEqual([]);
  }, 180_000);

  it('answers 400 or 404 to ids that are not ids, even for the facilitator', async () => {
    const problems = await sweep(
      'facilitator',
      (probe) => ({ statuses: probe.kind === 'unserved' ? [400, 405] : [400, 404] }),
      {
        values: (route) =>
          route.params.flatMap((name) => MALFORMED.map((bad) => ({ ...ids.paramsFor(route), [name]: bad }))),
      },
    );
    expect(problems).toEqual([]);
  }, 300_000);

  it('answers 4xx to forms whose ids are not ids', async () => {
    const problems = await sweep('facilitator', facilitator, {
      form: (probe) => {
        if (probe.kind !== 'action' && !(probe.kind === 'endpoint' && probe.method === 'POST'))
          return undefined;
        const fields = formFieldsOf(probe.route);
        return fields.length > 0 ? Object.fromEntries(fields.map((name) => [name, 'not-a-uuid'])) : undefined;
      },
    });
    expect(problems).toEqual([]);
  }, 180_000);

  it('serves every page to the facilitator without a server error', async () => {
    expect(await sweep('facilitator', facilitator)).toEqual([]);
  }, 180_000);

  it('leaves both servers running, the same processes as before the sweep', async () => {
    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    console.info(
      `route sweep: ${routes.length} routes, ${routes.flatMap(probesOf).length} route×method probes, ` +
        `${total} requests (${Object.entries(sent)
          .map(([who, n]) => `${who} ${n}`)
          .join(', ')}); unknown ids: ${ids.unknown.join(', ')}`,
    );
    expect(total).toBeGreaterThan(500);
    expect(platform.output()).not.toMatch(/stopped unexpectedly|running again/);
    for (const name of ['web', 'realtime'] as const) {
      expect(() => process.kill(pids[name], 0)).not.toThrow();
      expect(pidOf(name)).toBe(pids[name]);
    }
    expect((await fetch(`${platform.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${platform.realtimeUrl}/healthz`)).status).toBe(200);
  });
});
