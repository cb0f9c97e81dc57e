// Shared by `npm start` and `npm test`: installs the workspace with the pinned pnpm
// on a machine that has only Node and npm. Plain JavaScript: it runs before any install.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager; // "pnpm@x.y.z"

/** The command that runs the pinned pnpm: the one on PATH when it is that version, else through npx. */
export function pnpmCommand() {
  const version = pinned.split('@')[1];
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (probe.status === 0 && probe.stdout.trim() === version) return ['pnpm'];
  return ['npx', '--yes', pinned];
}

/** Runs a command in the repository root, inheriting the terminal; exits on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', ...options.env },
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Installs the dependencies exactly as locked. */
export function install() {
  const [cmd, ...pre] = pnpmCommand();
  run(cmd, [...pre, 'install', '--frozen-lockfile', '--reporter=append-only']);
  return [cmd, ...pre];
}

export function bin(name) {
  return path.join(root, 'node_modules', '.bin', name);
}
