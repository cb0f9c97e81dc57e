// Runs every `*.bench.ts` of this folder (or those named on the command line) and writes
// each result as JSON under bench-results/ at the repository root.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface BenchResult {
  name: string;
  /** Free-form figures; times in milliseconds, with their baseline and ratio where there is one. */
  figures: Record<string, unknown>;
  /** A readable table for the console. */
  table: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

mkdirSync(path.join(root, 'bench-results'), { recursive: true });
for (const file of files) {
  const module = (await import(path.join(here, file))) as { run: () => Promise<BenchResult> };
  const result = await module.run();
  const out = path.join(root, 'bench-results', `${result.name}.json`);
  writeFileSync(
    out,
    JSON.stringify({ ...result, node: process.version, date: new Date().toISOString() }, null, 2),
  );
  console.log(`\n## ${result.name}\n${result.table}\n(written to ${path.relative(root, out)})`);
}
