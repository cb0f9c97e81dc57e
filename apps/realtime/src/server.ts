import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '@atelier/db';
import type { Logger } from 'pino';
import { createHttpApp } from './http.ts';

export interface RealtimeServer {
  port: number;
  close(): Promise<void>;
}

/** Port already taken: says which port and which variable changes it. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * Starts the realtime server on one port: Express for HTTP (later Socket.IO and
 * the Yjs WebSocket share the same server).
 *
 * @param options.port - 0 lets the system choose (tests)
 */
export async function startRealtimeServer(options: {
  db: Db;
  log: Logger;
  port: number;
  host?: string;
}): Promise<RealtimeServer> {
  let shuttingDown = false;
  const app = createHttpApp({ db: options.db, log: options.log, isShuttingDown: () => shuttingDown });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(
              `Port ${options.port} is already in use; set REALTIME_PORT to a free port (for example REALTIME_PORT=3101)`,
            )
          : error,
      );
    });
    server.listen(options.port, options.host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    async close() {
      shuttingDown = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
    },
  };
}
