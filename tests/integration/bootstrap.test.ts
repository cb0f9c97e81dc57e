// The README's two commands on a machine with only Node and npm: scripts/bootstrap.mjs must find
// no pnpm on PATH, install the pinned one with npm into the checkout (never globally), and make it
// the pnpm that every child process finds (turbo looks for a `pnpm` binary on PATH).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/platform.ts';

const pinned = (
  JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { packageManager: string }
).packageManager;

/** Where a command of the machine's PATH is. */
function which(command: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`${command} is not on this machine's PATH`);
  return found;
}

let dir: string;
let bin: string;
beforeAll(() => {
  // A checkout with only what bootstrap reads, and a PATH with node, npm and a shell: no pnpm.
  dir = mkdtempSync(path.join(tmpdir(), 'atelier-bootstrap-'));
  mkdirSync(path.join(dir, 'scripts'));
  copyFileSync(path.join(repoRoot, 'scripts/bootstrap.mjs'), path.join(dir, 'scripts/bootstrap.mjs'));
  copyFileSync(path.join(repoRoot, 'package.json'), path.join(dir, 'package.json'));
  bin = path.join(dir, 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, path.join(bin, 'node'));
  for (const command of ['npm', 'sh', 'env']) symlinkSync(which(command), path.join(bin, command));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the first command on a machine without pnpm', () => {
  it(
    'installs the pinned pnpm into .tools with npm and puts it on the PATH of child processes',
    { timeout: 180_000 },
    () => {
      // The machine's environment (its CA certificates for the registry, say), but a PATH without pnpm.
      const env = { ...process.env, PATH: bin, npm_config_update_notifier: 'false' };
      expect(spawnSync('sh', ['-c', 'command -v pnpm'], { env }).status).not.toBe(0);

      // What turbo and the package scripts do: look `pnpm` up on the PATH they were given.
      const script = [
        "const { toolEnv } = await import('./scripts/bootstrap.mjs');",
        "const { spawnSync } = await import('node:child_process');",
        "const child = spawnSync('sh', ['-c', 'command -v pnpm && pnpm --version'], { env: toolEnv(), encoding: 'utf8' });",
        'process.stdout.write(child.stdout); process.stderr.write(child.stderr);',
      ].join('\n');
      const result = spawnSync(path.join(bin, 'node'), ['--input-type=module', '-e', script], {
        cwd: dir,
        env,
        encoding: 'utf8',
        // spawnSync blocks the test's own timer: bound it here, so that a stalled download fails.
        timeout: 150_000,
      });
      expect(result.status, result.stderr).toBe(0);
      const [where, version] = result.stdout.trim().split('\n').slice(-2);
      expect(version, result.stderr).toBe(pinned.split('@')[1]);
      expect(where).toBe(path.join(dir, '.tools', pinned.replace('@', '-'), 'node_modules', '.bin', 'pnpm'));
      expect(existsSync(path.join(dir, '.tools'))).toBe(true);
      // Nothing was installed globally: the machine's PATH still has no pnpm.
      expect(spawnSync('sh', ['-c', 'command -v pnpm'], { env }).status).not.toBe(0);
    },
  );
});
