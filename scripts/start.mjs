// `npm start`: install, build, then hand over to the platform launcher.
import { spawn } from 'node:child_process';
import { bin, install, root, run, toolEnv } from './bootstrap.mjs';

install();
run(bin('turbo'), ['run', 'build', '--filter=@atelier/web', '--output-logs=errors-only']);

// `node --import tsx` rather than the tsx wrapper: the wrapper SIGKILLs a child that takes
// more than 30 ms to acknowledge a signal, which would cut the clean shutdown short.
const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: toolEnv(),
});
// The launcher handles Ctrl-C itself (it stops the apps and the database); don't die before it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
