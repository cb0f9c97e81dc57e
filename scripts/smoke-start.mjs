// The first-run smoke check CI runs after `npm test`: `npm start` as a newcomer runs it (on the
// embedded database, in a fresh data folder, on free ports), then both servers' /healthz, a
// demo sign-in and the live workshop's room page, then Ctrl-C: the platform must stop cleanly
// within 10 s. Prints how long the start took. Plain JavaScript: it needs nothing installed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from './bootstrap.mjs';

const LIVE_WORKSHOP = 'Compétences industrielles du Nord lorrain';
const START_TIMEOUT_MS = 15 * 60_000;

/** Two distinct free ports (both held until both are known, so the system cannot give one twice). */
async function freePorts() {
  const servers = [net.createServer(), net.createServer()];
  const ports = await Promise.all(
    servers.map(
      (server) =>
        new Promise((resolve, reject) => {
          server.once('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server.address().port));
        }),
    ),
  );
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

function fail(message) {
  console.error(`✖ smoke: ${message}`);
  process.exitCode = 1;
  throw new Error(message);
}

const [port, realtimePort] = await freePorts();
const dataDir = mkdtempSync(path.join(tmpdir(), 'atelier-smoke-'));
const env = {
  ...process.env,
  PORT: String(port),
  REALTIME_PORT: String(realtimePort),
  ATELIER_DATA_DIR: dataDir,
};
delete env.DATABASE_URL;
const baseUrl = `http://localhost:${port}`;

console.log(`▶ smoke: npm start (web :${port}, realtime :${realtimePort}, data ${dataDir})`);
const started = Date.now();
// Its own process group, so that the SIGINT below reaches npm and everything under it, as Ctrl-C does.
const child = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
for (const stream of [child.stdout, child.stderr]) {
  stream.on('data', (chunk) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
}
// 'close', not 'exit': npm may exit before its output (the launcher's last line) has been read.
const exited = new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));

async function expectStatus(url, init, expected) {
  const response = await fetch(url, { redirect: 'manual', ...init });
  if (response.status !== expected)
    fail(`${init?.method ?? 'GET'} ${url} answered ${response.status}, expected ${expected}`);
  return response;
}

try {
  while (!output.includes('Atelier is running')) {
    if (child.exitCode !== null) fail(`npm start exited (${child.exitCode}) before the platform ran`);
    if (Date.now() - started > START_TIMEOUT_MS) fail('npm start did not finish starting within 15 min');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const startSeconds = (Date.now() - started) / 1000;
  await expectStatus(`${baseUrl}/healthz`, {}, 200);
  await expectStatus(`http://localhost:${realtimePort}/healthz`, {}, 200);

  const login = await expectStatus(
    `${baseUrl}/login`,
    {
      method: 'POST',
      headers: { origin: baseUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'facilitator@atelier.example', password: 'atelier-demo' }),
    },
    303,
  );
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie.startsWith('atelier_session=')) fail('the demo sign-in set no session cookie');
  const list = await (await expectStatus(`${baseUrl}/workshops`, { headers: { cookie } }, 200)).text();
  const id = new RegExp(`href="/workshops/([^"/]+)">${LIVE_WORKSHOP}`).exec(list)?.[1];
  if (!id) fail(`the workshop list does not show "${LIVE_WORKSHOP}"`);
  const room = await (await expectStatus(`${baseUrl}/workshops/${id}`, { headers: { cookie } }, 200)).text();
  if (!room.includes(LIVE_WORKSHOP)) fail('the room page does not name its workshop');
  console.log(
    `✓ smoke: started in ${startSeconds.toFixed(1)} s; signed in; the live workshop's room answers 200`,
  );

  const stopAt = Date.now();
  process.kill(-child.pid, 'SIGINT');
  const timeout = new Promise((resolve) => setTimeout(() => resolve(undefined), 10_000));
  const stopped = await Promise.race([exited, timeout]);
  if (!stopped) fail('npm start did not exit within 10 s of Ctrl-C');
  if (!output.includes('Atelier stopped.')) fail('the launcher did not say "Atelier stopped."');
  if (stopped.code !== 0 && stopped.code !== 130 && stopped.signal !== 'SIGINT')
    fail(`npm start exited with ${stopped.code ?? stopped.signal}`);
  for (const p of [port, realtimePort]) {
    const free = await new Promise((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(p, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (!free) fail(`port ${p} is still taken after the stop`);
  }
  console.log(`✓ smoke: stopped cleanly in ${((Date.now() - stopAt) / 1000).toFixed(1)} s`);
} catch (error) {
  if (!process.exitCode) console.error(`✖ smoke: ${error.message}`);
  process.exitCode = 1;
  if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
