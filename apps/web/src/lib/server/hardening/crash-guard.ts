import { requestContext } from './request-context.ts';

interface GuardLog {
  error(details: object, message: string): void;
  fatal(details: object, message: string): void;
}

/**
 * Whether an error means this process cannot serve at all. Only the listening socket's errors
 * (the port is taken, or not ours to bind) are: then the process stops and the launcher, or a
 * supervisor, says so. Everything else happened while serving one request or one background
 * task (a database that went away, a peer that hung up, a bug on one page): that request fails
 * with a 500, the others go on. A database that cannot be reached at start-up is fatal too, but
 * it is handled where it happens (`init` in hooks.server.ts), before any of this is installed.
 */
export function isFatal(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  return (error as NodeJS.ErrnoException).syscall === 'listen';
}

/** Logs a rejection nobody handled, with the request it belongs to; the process goes on. */
export function onUnhandledRejection(log: GuardLog, reason: unknown): void {
  log.error({ ...requestContext.getStore(), err: reason }, 'unhandled rejection; the server goes on');
}

/** Logs an exception nobody caught; stops the process only when it cannot serve at all. */
export function onUncaughtException(log: GuardLog, error: unknown, exit: (code: number) => void): void {
  if (isFatal(error)) {
    log.fatal({ err: error }, 'the web server cannot listen; stopping');
    exit(1);
    return;
  }
  log.error({ ...requestContext.getStore(), err: error }, 'uncaught exception; the server goes on');
}

let installed = false;

/**
 * Keeps one failing request from stopping the web server: Node's default for an unhandled
 * rejection or an uncaught exception is to exit, which took the whole platform down with it
 * (the launcher stops the realtime server when the web server exits).
 */
export function installCrashGuard(log: GuardLog): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => onUnhandledRejection(log, reason));
  process.on('uncaughtException', (error) => onUncaughtException(log, error, (code) => process.exit(code)));
}
