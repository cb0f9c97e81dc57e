// The platform launcher: validates the environment, opens the database (the embedded
// PGlite one when DATABASE_URL is unset), migrates, seeds the demo on an empty
// database, then runs the web app and the realtime server until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, createDb, migrate, seedDemo, users, type Db } from '@atelier/db';
import { logLevelSchema, parseEnv, portSchema, postgresUrlSchema } from '@atelier/domain';
import { z } from 'zod';
import { createSupervisor, restartPolicy } from './supervisor.ts';

const root = path.resolve(import.meta.dirname, '..');
// `pnpm dev`: the web app through Vite with hot reload, the realtime server restarted on change.
const dev = process.argv.includes('--dev');
const exitWithParent = new URL('./exit-with-parent.mjs', import.meta.url).href;

const schema = z.object({
  PORT: portSchema.default(3000),
  REALTIME_PORT: portSchema.default(3001),
  HOST: z.string().min(1).default('0.0.0.0'),
  ORIGIN: z
    .url({ error: 'expected the public URL of the web app, such as http://localhost:3000' })
    .optional(),
  DATABASE_URL: postgresUrlSchema.optional(),
  ATELIER_DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: logLevelSchema.default('info'),
  ATELIER_SEED: z.enum(['auto', 'never'], { error: 'expected auto or never' }).default('auto'),
  REALTIME_PUBLIC_URL: z
    .url({
      error: 'expected the URL browsers reach the realtime server at, such as https://live.example.org',
    })
    .optional(),
  REALTIME_INTERNAL_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
});

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

async function assertPortFree(port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        fail(
          `Port ${port} is already in use; set ${variable} to a free port (for example ${variable}=${port + 100}).`,
        );
      }
      fail(`Cannot listen on port ${port} (${variable}): ${error.message}`);
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${url} exited before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer within 30 s`);
}

let config: z.output<typeof schema>;
try {
  config = parseEnv({ schema, env: process.env });
} catch (error) {
  fail((error as Error).message);
}
await assertPortFree(config.PORT, 'PORT');
await assertPortFree(config.REALTIME_PORT, 'REALTIME_PORT');
if (config.PORT === config.REALTIME_PORT) fail('PORT and REALTIME_PORT must differ.');

let db: Db;
try {
  db = await createDb({ url: config.DATABASE_URL, dataDir: config.ATELIER_DATA_DIR, max: 2 });
  const migrated = await migrate({ sql: db.sql });
  if (migrated.applied.length > 0) console.log(`Database migrated: ${migrated.applied.join(', ')}`);
} catch (error) {
  fail(`${(error as Error).name}: ${(error as Error).message}`);
}
let seeded = false;
if (config.ATELIER_SEED === 'auto' && (await users.count(db.sql)) === 0) {
  seeded = (await seedDemo({ sql: db.sql, now: new Date() })).seeded;
}
const [demo] = await db.sql`select 1 from users where email = ${DEMO_ACCOUNTS[0].email}`;

const origin = config.ORIGIN ?? `http://localhost:${config.PORT}`;
const childEnv = {
  ...process.env,
  DATABASE_URL: db.url,
  LOG_LEVEL: config.LOG_LEVEL,
  NODE_ENV: 'production',
};
// Browsers reach the realtime server at REALTIME_PUBLIC_URL, or else on the web page's own
// host name at REALTIME_PORT (the session cookie is sent to the same host on any port).
// The web server tells the realtime server whose notifications changed through a loopback
// endpoint guarded by this token (one per start unless given), so open pages' counts update.
const internalToken = config.REALTIME_INTERNAL_TOKEN ?? randomBytes(32).toString('hex');
const webRealtimeEnv = {
  REALTIME_PORT: String(config.REALTIME_PORT),
  REALTIME_INTERNAL_TOKEN: internalToken,
  ...(config.REALTIME_PUBLIC_URL ? { REALTIME_PUBLIC_URL: config.REALTIME_PUBLIC_URL } : {}),
};
/** How to start one server of the platform; the supervisor starts it again when it crashes. */
interface ServerSpec {
  name: string;
  start: () => ChildProcess;
  health: string;
}
const servers: ServerSpec[] = [
  {
    name: 'web',
    health: `http://127.0.0.1:${config.PORT}/healthz`,
    start: () =>
      dev
        ? spawn(
            path.join(root, 'apps/web/node_modules/.bin/vite'),
            ['dev', '--port', String(config.PORT), '--strictPort', '--host', config.HOST],
            {
              cwd: path.join(root, 'apps/web'),
              stdio: 'inherit',
              env: { ...childEnv, ...webRealtimeEnv, NODE_ENV: 'development' },
            },
          )
        : spawn(process.execPath, ['--import', exitWithParent, path.join(root, 'apps/web/build/index.js')], {
            cwd: path.join(root, 'apps/web'),
            stdio: ['pipe', 'inherit', 'inherit'],
            env: {
              ...childEnv,
              PORT: String(config.PORT),
              HOST: config.HOST,
              ORIGIN: origin,
              // Uploads (a contribution's CSV of up to 1 MB) fit with room for the form around them.
              BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? '2M',
              // adapter-node waits this long for open requests on Ctrl-C (its default, 30 s, is
              // longer than the launcher waits before killing the server).
              SHUTDOWN_TIMEOUT: process.env.SHUTDOWN_TIMEOUT ?? '5',
              ...webRealtimeEnv,
            },
          }),
  },
  {
    name: 'realtime',
    health: `http://127.0.0.1:${config.REALTIME_PORT}/healthz`,
    start: () =>
      spawn(
        dev ? path.join(root, 'node_modules/.bin/tsx') : process.execPath,
        [
          ...(dev ? ['watch'] : ['--import', 'tsx', '--import', exitWithParent]),
          path.join(root, 'apps/realtime/src/main.ts'),
        ],
        {
          cwd: path.join(root, 'apps/realtime'),
          stdio: [dev ? 'inherit' : 'pipe', 'inherit', 'inherit'],
          env: {
            ...childEnv,
            REALTIME_PORT: String(config.REALTIME_PORT),
            REALTIME_ALLOWED_ORIGINS: origin,
            REALTIME_INTERNAL_TOKEN: internalToken,
          },
        },
      ),
  },
];

let stopping = false;
const children = new Map<string, ChildProcess>();
const supervisor = createSupervisor({
  ...restartPolicy,
  onGiveUp: (name, crashes) => {
    console.error(
      `✖ The ${name} server crashed ${crashes} times within ${restartPolicy.windowMs / 1000} s; stopping the platform.`,
    );
    void stop(1);
  },
});

/** Starts one server and restarts it, with back-off, whenever it exits without being asked to. */
function supervise(spec: ServerSpec): ChildProcess {
  const child = spec.start();
  const startedAt = Date.now();
  children.set(spec.name, child);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    const delay = supervisor.crashed(spec.name, { at: Date.now(), upMs: Date.now() - startedAt });
    if (delay === undefined) return;
    console.error(
      `✖ The ${spec.name} server stopped unexpectedly (${code ?? signal}); restarting it in ${(delay / 1000).toFixed(1)} s.`,
    );
    setTimeout(() => {
      if (stopping) return;
      const restarted = supervise(spec);
      waitHealthy(spec.health, restarted).then(
        () => console.log(`The ${spec.name} server is running again (pid ${restarted.pid}).`),
        (error: Error) => console.error(`✖ ${error.message}`),
      );
    }, delay).unref();
  });
  return child;
}

/** How long a server may take to stop before it is killed, and the database to close. */
const STOP_GRACE_MS = 7_000;
const DB_CLOSE_GRACE_MS = 2_000;

let stopped: Promise<never> | undefined;
/**
 * Stops the servers and the database, then the process. A second call (Ctrl-C reaches this
 * process twice: from the terminal's process group and from `npm start`'s forwarding) waits for
 * the first: it used to exit at once, before the servers and the database had closed.
 */
function stop(code: number): Promise<never> {
  stopped ??= stopOnce(code);
  return stopped;
}

async function stopOnce(code: number): Promise<never> {
  stopping = true;
  const began = Date.now();
  await Promise.all(
    [...children].map(
      ([name, child]) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => {
            const seconds = (Date.now() - began) / 1000;
            if (seconds > 2) console.error(`The ${name} server took ${seconds.toFixed(1)} s to stop.`);
            resolve();
          });
          child.kill('SIGTERM');
          setTimeout(() => {
            console.error(`✖ The ${name} server did not stop within ${STOP_GRACE_MS / 1000} s; killing it.`);
            child.kill('SIGKILL');
          }, STOP_GRACE_MS).unref();
        }),
    ),
  );
  // An embedded database that does not close in time is left as a crash would leave it
  // (PostgreSQL recovers from its write-ahead log at the next start): Ctrl-C must stop.
  const closed = await Promise.race([
    db.close().then(() => true),
    // Not unref'd: a close that never settles leaves nothing else to keep the process alive.
    new Promise<false>((resolve) => setTimeout(() => resolve(false), DB_CLOSE_GRACE_MS)),
  ]);
  if (!closed) console.error(`✖ The database did not close within ${DB_CLOSE_GRACE_MS / 1000} s.`);
  console.log('Atelier stopped.');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  await Promise.all(servers.map((spec) => waitHealthy(spec.health, supervise(spec))));
} catch (error) {
  console.error(`✖ ${(error as Error).message}`);
  await stop(1);
}

const lines = [
  '',
  `Atelier is running at ${origin}`,
  `  web server: pid ${children.get('web')?.pid}`,
  `  realtime server: port ${config.REALTIME_PORT}, pid ${children.get('realtime')?.pid}`,
  `  database: ${db.kind === 'embedded' ? `embedded PGlite (${config.ATELIER_DATA_DIR ?? '.data/pglite'})` : 'PostgreSQL (DATABASE_URL)'}`,
];
if (demo) {
  lines.push(`  demo accounts${seeded ? ' (just loaded)' : ''}, password "${DEMO_PASSWORD}":`);
  for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.email.padEnd(30)} ${account.role}`);
}
lines.push('Press Ctrl-C to stop.', '');
console.log(lines.join('\n'));
