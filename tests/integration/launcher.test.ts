import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '@atelier/db';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runLauncher, startPlatform, type Platform } from '../support/platform.ts';

/** Signs in through the real form action, as a browser without JavaScript would. */
async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: 'facilitator@atelier.example', password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(303);
  const cookie = response.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/atelier_session=[a-z2-7]{32}; .*HttpOnly; SameSite=Lax/);
  return cookie.split(';')[0] ?? '';
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('the launcher refuses a bad configuration with one clear message', () => {
  it('names a bad variable, its value and the accepted form', async () => {
    const { code, output } = await runLauncher({ PORT: 'eighty' });
    expect(code).toBe(1);
    expect(output).toContain('PORT="eighty": expected a port number from 1 to 65535');
  });

  it('names a port already in use and the variable that changes it', async () => {
    const port = await freePort();
    const blocker = net.createServer().listen(port);
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const { code, output } = await runLauncher({
        PORT: String(port),
        REALTIME_PORT: String(await freePort()),
      });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} is already in use; set PORT to a free port`);
    } finally {
      blocker.close();
    }
  });

  it('names an unreachable database without printing its password', async () => {
    const { code, output } = await runLauncher({
      DATABASE_URL: 'postgres://atelier:hunter2@127.0.0.1:1/atelier',
      PORT: String(await freePort()),
      REALTIME_PORT: String(await freePort()),
    });
    expect(code).toBe(1);
    expect(output).toContain('Cannot connect to the database at postgres://atelier:***@127.0.0.1:1/atelier');
    expect(output).not.toContain('hunter2');
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL', async () => {
    const { code, output } = await runLauncher({ DATABASE_URL: 'mysql://root@localhost/atelier' });
    expect(code).toBe(1);
    expect(output).toContain('DATABASE_URL');
    expect(output).toContain('postgres://user:password@host:5432/database');
  });
});

describe('the platform keeps its data across a restart', () => {
  // Made before the tests rather than while collecting them, so that filtering them all out leaves nothing.
  let dataDir: string;
  const running: Platform[] = [];
  const start = async () => {
    const platform = await startPlatform({ dataDir });
    running.push(platform);
    return platform;
  };
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'atelier-restart-'));
  });
  // A failed test must not leave a platform holding the data folder for the next one.
  afterEach(async () => {
    await Promise.all(running.splice(0).map((platform) => platform.stop()));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two full starts of the platform: give a loaded machine time.
  it(
    'seeds the demo once, stops cleanly on Ctrl-C, and starts again on the same data',
    { timeout: 240_000 },
    async () => {
      const first = await start();
      expect(first.output()).toContain('demo accounts (just loaded)');
      const cookie = await signIn(first.baseUrl);
      const port = Number(new URL(first.baseUrl).port);
      expect(await first.stop()).toBe(0);
      expect(first.output()).toContain('Atelier stopped.');
      expect(await isFree(port)).toBe(true);
      expect(existsSync(path.join(dataDir, 'pglite.server.json'))).toBe(false);

      const second = await start();
      try {
        expect(second.output()).not.toContain('just loaded');
        expect(second.output()).toContain('facilitator@atelier.example');
        // The session opened before the restart is still valid: it is in the database.
        const list = await fetch(`${second.baseUrl}/workshops`, { headers: { cookie } });
        expect(list.status).toBe(200);
        expect(await list.text()).toContain('Compétences industrielles du Nord lorrain');
      } finally {
        expect(await second.stop()).toBe(0);
      }
    },
  );

  it('takes its servers down with it when the launcher itself is killed', { timeout: 120_000 }, async () => {
    const platform = await start();
    const webPort = Number(new URL(platform.baseUrl).port);
    const realtimePort = Number(new URL(platform.realtimeUrl).port);
    platform.crash();
    let free = false;
    for (let attempt = 0; attempt < 100 && !free; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      free = (await isFree(webPort)) && (await isFree(realtimePort));
    }
    expect(free).toBe(true);
  });

  it('serves the realtime server health on its own port', async () => {
    const platform = await start();
    try {
      const response = await fetch(`${platform.realtimeUrl}/readyz`);
      expect(await response.json()).toEqual({ status: 'ready', database: 'ok' });
    } finally {
      await platform.stop();
    }
  });
});

describe('the launcher restarts a server that crashes', () => {
  it(
    'brings the realtime and web servers back after a SIGKILL, and the platform keeps serving',
    { timeout: 180_000 },
    async () => {
      const platform = await startPlatform();
      try {
        const pidOf = (name: 'web' | 'realtime') => {
          const match = new RegExp(`${name} server: (?:port \\d+, )?pid (\\d+)`).exec(platform.output());
          return Number(match?.[1]);
        };
        for (const [name, url] of [
          ['realtime', platform.realtimeUrl],
          ['web', platform.baseUrl],
        ] as const) {
          const pid = pidOf(name);
          expect(pid).toBeGreaterThan(0);
          process.kill(pid, 'SIGKILL');
          let back: RegExpExecArray | null = null;
          for (let attempt = 0; attempt < 300 && !back; attempt++) {
            await new Promise((resolve) => setTimeout(resolve, 100));
            back = new RegExp(`The ${name} server is running again \\(pid (\\d+)\\)`).exec(platform.output());
          }
          expect(back, platform.output()).not.toBeNull();
          expect(Number(back?.[1])).not.toBe(pid);
          expect((await fetch(`${url}/healthz`)).status).toBe(200);
          expect(platform.output()).toContain(
            `The ${name} server stopped unexpectedly (SIGKILL); restarting it`,
          );
        }
        // Still the same launcher: it signs people in and stops cleanly.
        await signIn(platform.baseUrl);
      } finally {
        expect(await platform.stop()).toBe(0);
      }
    },
  );
});
