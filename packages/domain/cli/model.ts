// `pnpm model <command>`: the command line of the models. File I/O lives here, never in src/.
import { existsSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
const known = ['assign', 'run', 'skills'].filter((name) =>
  existsSync(new URL(`./${name}.ts`, import.meta.url)),
);

if (!command || !known.includes(command)) {
  console.error(`Usage: pnpm model <${known.join('|')}> [options]`);
  process.exitCode = 2;
} else {
  try {
    const module = (await import(`./${command}.ts`)) as { main: (args: string[]) => Promise<number> };
    process.exitCode = await module.main(args);
  } catch (error) {
    console.error(`${(error as Error).name}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
