import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { calls, DEMO_PASSWORD, invitations, type Db } from '@atelier/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, openPlatformDb } from '../support/demo-ids.ts';
import { startPlatform, type Platform } from '../support/platform.ts';

/** A browser's plain form post (same origin, HTML wanted), without following the redirect. */
async function post(platform: Platform, target: string, form: Record<string, string>, cookie = '') {
  return fetch(`${platform.baseUrl}${target}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      origin: platform.baseUrl,
      accept: 'text/html',
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(form),
  });
}

async function signIn(platform: Platform, email: string): Promise<string> {
  const response = await post(platform, '/login', { email, password: DEMO_PASSWORD });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** Posts until the answer is a 429; gives how many were let through and that answer. */
async function untilRefused(send: () => Promise<Response>, atMost: number) {
  for (let sent = 0; sent < atMost; sent++) {
    const response = await send();
    expect(response.status, await response.clone().text()).toBeLessThan(500);
    if (response.status === 429) return { allowed: sent, response };
  }
  throw new Error(`no 429 after ${atMost} requests`);
}

/** Issue 17: sign-in, sign-up, invitation acceptance and contributions answer 429 with Retry-After. */
describe('rate limits of the web app', () => {
  let platform: Platform;
  let db: Db;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'atelier-limits-'));
    platform = await startPlatform({ dataDir });
    db = await openPlatformDb(dataDir);
  });
  afterAll(async () => {
    await db?.close();
    expect(await platform?.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses an account after 10 failed sign-ins, even with the right password, and says when to retry', async () => {
    const email = 'school@atelier.example';
    const { allowed, response } = await untilRefused(
      () => post(platform, '/login', { email, password: 'wrong password' }),
      20,
    );
    expect(allowed).toBe(10);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await post(platform, '/login', { email, password: DEMO_PASSWORD })).status).toBe(429);
  });

  it('limits sign-ups per e-mail address', async () => {
    const form = {
      email: 'newcomer@example.org',
      displayName: 'Nouvelle venue',
      password: 'un mot de passe long',
    };
    const first = await post(platform, '/signup', form);
    expect(first.status).toBe(303);
    // The same address again (already taken: refused, and counted) until the limit.
    const { allowed, response } = await untilRefused(() => post(platform, '/signup', form), 20);
    expect(allowed).toBe(4);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(await response.text()).toContain('Trop de demandes');
  });

  it('limits invitation acceptances per person', async () => {
    const { workshopId } = await demoIds(db);
    const [admin] = await db.sql<
      { id: string }[]
    >`select id from users where email = 'admin@atelier.example'`;
    // A link for any company: the observer, a federation's member, is asked which organisation.
    const token = 'b'.repeat(32);
    await invitations.create(db.sql, {
      token,
      workshopId,
      role: 'participant',
      organisationId: null,
      organisationKind: 'company',
      expiresAt: new Date(Date.now() + 24 * 60 * 60_000),
      maxUses: 100,
      createdBy: admin!.id,
      now: new Date(),
    });
    const cookie = await signIn(platform, 'observer@atelier.example');
    const { allowed, response } = await untilRefused(
      () => post(platform, `/invite/${token}`, {}, cookie),
      40,
    );
    expect(allowed).toBe(20);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits contribution posts per person', async () => {
    const { workshopId } = await demoIds(db);
    const now = new Date();
    const call = await calls.create(db.sql, {
      workshopId,
      title: 'Appel de test des limites',
      text: '',
      asks: ['needs'],
      audienceKinds: ['company'],
      audienceOrganisationIds: [],
      questions: [],
      opensAt: new Date(now.getTime() - 60_000),
      closesAt: new Date(now.getTime() + 24 * 60 * 60_000),
      createdBy: null,
      now,
    });
    const cookie = await signIn(platform, 'company@atelier.example');
    const { allowed, response } = await untilRefused(
      () => post(platform, `/contribute/${call.id}?/withdraw`, { contributionId: 'none' }, cookie),
      200,
    );
    expect(allowed).toBe(120);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
