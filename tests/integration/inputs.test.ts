import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD, type Db } from '@atelier/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoIds, openPlatformDb } from '../support/demo-ids.ts';
import { startPlatform, type Platform } from '../support/platform.ts';

/** Issue 17: bodies that are not forms, do not parse or hold NUL get a 4xx with a message, never a 500. */
describe('request bodies the web app refuses or cleans', () => {
  let platform: Platform;
  let db: Db;
  let dataDir: string;
  let cookie = '';
  let workshopId = '';

  async function send(target: string, init: { body: BodyInit; type?: string; accept?: string }) {
    return fetch(`${platform.baseUrl}${target}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: platform.baseUrl,
        accept: init.accept ?? 'text/html',
        cookie,
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.body,
    });
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'atelier-inputs-'));
    platform = await startPlatform({ dataDir });
    db = await openPlatformDb(dataDir);
    workshopId = (await demoIds(db)).workshopId;
    const signIn = await send('/login', {
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ email: 'facilitator@atelier.example', password: DEMO_PASSWORD }),
    });
    cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
  });
  afterAll(async () => {
    await db?.close();
    expect(await platform?.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a JSON body to the export endpoint with 415 and says what it expects', async () => {
    const response = await send(`/workshops/${workshopId}/exports/new`, {
      type: 'application/json',
      accept: 'application/json',
      body: JSON.stringify({ format: 'pdf', version: 'current' }),
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { message: string }).message).toContain('multipart/form-data');
  });

  it('refuses a multipart body that does not parse with 400', async () => {
    const response = await send('/account?/profile', {
      type: 'multipart/form-data; boundary=XYZ',
      body: '--XYZ\r\nContent-Disposition: form-data; name="displayName"\r\n\r\nno end',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Le formulaire envoyé est illisible.');
  });

  it('refuses NUL in a text field with 400, in a form post and in an enhanced one', async () => {
    const plain = await send('/account?/profile', {
      type: 'application/x-www-form-urlencoded',
      body: 'displayName=Julien%00Animateur',
    });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain('caractère nul');
    const form = new FormData();
    form.set('title', 'Version\u0000 piégée');
    const enhanced = await fetch(`${platform.baseUrl}/workshops/${workshopId}/versions?/save`, {
      method: 'POST',
      headers: { origin: platform.baseUrl, accept: 'application/json', 'x-sveltekit-action': 'true', cookie },
      body: form,
    });
    expect(enhanced.status).toBe(400);
    expect(await enhanced.json()).toMatchObject({ type: 'error', error: { message: expect.any(String) } });
  });

  it('removes other control characters before the database', async () => {
    const response = await send('/account?/profile', {
      type: 'application/x-www-form-urlencoded',
      body: new URLSearchParams({ displayName: 'Julien\u0007 Anima\u001b[31mteur' }),
    });
    expect(response.status).toBe(200);
    const [row] = await db.sql<{ displayName: string }[]>`
      select display_name from users where email = 'facilitator@atelier.example'`;
    expect(row?.displayName).toBe('Julien Anima[31mteur');
  });

  it('answers a redirectTo holding CR/LF with a redirect to the workshops, not a 500', async () => {
    const response = await fetch(
      `${platform.baseUrl}/login?redirectTo=${encodeURIComponent('/x\r\nSet-Cookie: a=b')}`,
      {
        method: 'POST',
        redirect: 'manual',
        headers: {
          origin: platform.baseUrl,
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ email: 'observer@atelier.example', password: DEMO_PASSWORD }),
      },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/workshops');
    expect(response.headers.get('set-cookie')).not.toContain('a=b');
  });

  it('sends the signed-in browser nowhere else after sign-in: %2F%09%2Fevil.example', async () => {
    const response = await fetch(`${platform.baseUrl}/login?redirectTo=%2F%09%2Fevil.example`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        origin: platform.baseUrl,
        accept: 'text/html',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ email: 'observer@atelier.example', password: DEMO_PASSWORD }),
    });
    expect(response.headers.get('location')).toBe('/workshops');
  });

  it('marks signed-in pages no-store', async () => {
    const response = await fetch(`${platform.baseUrl}/workshops`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
