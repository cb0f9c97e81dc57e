// Shared by `npm start` and `npm test`: installs the workspace with the pinned pnpm
// on a machine that has only Node and npm. Plain JavaScript: it runs before any install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager; // "pnpm@x.y.z"
const version = pinned.split('@')[1];

// The pinned pnpm, when PATH has no pnpm of that version, is installed here with npm (in the
// repository, never globally). Its bin folder goes first on the PATH of every child process,
// because turbo and the package scripts look for a `pnpm` binary on PATH.
const toolsDir = path.join(root, '.tools', `pnpm-${version}`);
const toolsBin = path.join(toolsDir, 'node_modules', '.bin');

const isWindows = process.platform === 'win32';

function pnpmVersionOnPath(env) {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', env, shell: isWindows });
  return probe.status === 0 ? probe.stdout.trim() : undefined;
}

/** PATH with `dir` first. */
function prependPath(env, dir) {
  const key = Object.keys(env).find((name) => name.toUpperCase() === 'PATH') ?? 'PATH';
  return { ...env, [key]: [dir, env[key]].filter(Boolean).join(path.delimiter) };
}

let toolEnvCache;
/**
 * The environment every child process runs in: the caller's, with the pinned pnpm on PATH
 * (installing it into .tools/ first when PATH has none of that version) and turbo's telemetry off.
 */
export function toolEnv() {
  if (toolEnvCache) return toolEnvCache;
  let env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };
  if (pnpmVersionOnPath(env) !== version) {
    if (!existsSync(path.join(toolsBin, isWindows ? 'pnpm.cmd' : 'pnpm'))) {
      console.log(
        `Installing pnpm ${version} into ${path.relative(root, toolsDir)} (PATH has no pnpm ${version})…`,
      );
      const result = spawnSync(
        'npm',
        [
          'install',
          '--prefix',
          toolsDir,
          '--no-save',
          '--no-package-lock',
          '--no-audit',
          '--no-fund',
          '--loglevel=error',
          pinned,
        ],
        { cwd: root, stdio: 'inherit', env, shell: isWindows },
      );
      if (result.status !== 0) {
        console.error(`\n✖ npm could not install ${pinned} (exit ${result.status ?? result.signal}).`);
        process.exit(result.status ?? 1);
      }
    }
    env = prependPath(env, toolsBin);
    const found = pnpmVersionOnPath(env);
    if (found !== version) {
      console.error(
        `\n✖ ${pinned} was installed into ${toolsDir} but PATH finds pnpm ${found ?? 'nowhere'}.`,
      );
      process.exit(1);
    }
  }
  toolEnvCache = env;
  return env;
}

/** Runs a command in the repository root, inheriting the terminal; exits on failure. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...toolEnv(), ...options.env },
    shell: isWindows,
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

/** Installs the dependencies exactly as locked. */
export function install() {
  run('pnpm', ['install', '--frozen-lockfile', '--reporter=append-only']);
}

export function bin(name) {
  return path.join(root, 'node_modules', '.bin', name);
}
