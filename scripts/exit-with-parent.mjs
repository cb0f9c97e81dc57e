// Preloaded (`node --import`) into the servers the launcher starts. The launcher keeps
// the write end of each server's stdin; when the launcher dies, even by SIGKILL, that
// pipe closes and the server shuts itself down gracefully instead of lingering.
if (!process.stdin.isTTY) {
  process.stdin.on('end', () => process.kill(process.pid, 'SIGTERM'));
  process.stdin.on('error', () => {});
  process.stdin.resume();
  // Release the pipe on shutdown so that it never keeps a stopping server alive.
  for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.stdin.destroy());
}
