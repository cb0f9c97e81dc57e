import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Platform {
  baseUrl: string;
  realtimeUrl: string;
  output: () => string;
  /** Kills the launcher process only, as a crash would. */
  crash(): void;
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns the launcher (`scripts/serve.ts`) as `npm start` does after its build step,
 * ignoring the developer's DATABASE_URL, and collects what it prints.
 */
function spawnLauncher(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    cwd: repoRoot,
    env: { ...base, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Runs the launcher to its end (for configurations it must refuse); gives its exit code and output. */
export async function runLauncher(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const { child, output } = spawnLauncher(env);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, output: output() };
}

/**
 * Starts the whole platform as `npm start` does after its build step (the launcher,
 * the built web app, the realtime server) on free ports and a fresh embedded
 * database, and waits until it says it is running.
 */
export async function startPlatform(
  options: { env?: Record<string, string>; dataDir?: string } = {},
): Promise<Platform> {
  const port = await freePort();
  const realtimePort = await freePort();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'atelier-e2e-'));
  // The caller's folder is the caller's to remove; ours goes once the launcher has exited.
  const removeOwnDataDir = () => {
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const { child, output } = spawnLauncher({
    PORT: String(port),
    REALTIME_PORT: String(realtimePort),
    ATELIER_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    ...options.env,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output().includes('Atelier is running')) {
        clearInterval(timer);
        resolve();
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        removeOwnDataDir();
        reject(new Error(`the platform exited (${child.exitCode}):\n${output()}`));
      }
    }, 100);
  });
  return {
    baseUrl: `http://localhost:${port}`,
    realtimeUrl: `http://localhost:${realtimePort}`,
    output,
    crash() {
      child.kill('SIGKILL');
    },
    async stop() {
      const code = await new Promise<number | null>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (exitCode) => resolve(exitCode));
        child.kill('SIGINT');
      });
      removeOwnDataDir();
      return code;
    },
  };
}
