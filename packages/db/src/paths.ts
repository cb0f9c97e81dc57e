import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above `from` holding pnpm-workspace.yaml. */
export function findRepoRoot(from: string = process.cwd()): string {
  let dir = path.resolve(from);
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from);
    dir = parent;
  }
}

/** Where the embedded database keeps its files: ATELIER_DATA_DIR, else `.data/pglite`. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env): string {
  const configured = env.ATELIER_DATA_DIR;
  if (configured) return path.resolve(configured, 'pglite');
  return path.join(findRepoRoot(), '.data', 'pglite');
}
