import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '@atelier/db';
import type { ClientToServerEvents, ServerToClientEvents } from '@atelier/domain';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { DEFAULT_LIMITS, type RealtimeLimits } from './config.ts';
import { attachWorkshopNamespace } from './facilitation/namespace.ts';
import { applyDocChange } from './doc-apply.ts';
import { createHttpApp } from './http.ts';
import { attachPersonalNamespace, type PersonalChannel } from './personal/namespace.ts';
import { Metrics } from './metrics.ts';
import { createRevocation, type Revocation, type RevokeRequest } from './revocation.ts';
import { originAllowed, originOf } from './origins.ts';
import { createYjsEndpoint, type YjsEndpoint } from './yjs/endpoint.ts';
import { createRedisFanout, type Fanout } from './yjs/fanout.ts';

export interface RealtimeServer {
  port: number;
  metrics: Metrics;
  yjs: YjsEndpoint;
  /** Checks the sessions and seats a revocation names again, here and on every instance (`POST /internal/revoke`). */
  revoke(request: RevokeRequest): Promise<{ closed: number }>;
  /** Runs the periodic session re-check now (tests). */
  recheckSessions(): Promise<void>;
  close(): Promise<void>;
}

/** Port already taken: says which port and which variable changes it. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * Starts the realtime server on one port: Express for HTTP, the Yjs WebSocket at
 * `/yjs/<workshopId>/<content|facilitation>`, Socket.IO at `/socket.io`. With a
 * Redis URL, rooms are fanned out to the other instances.
 *
 * @param options.port - 0 lets the system choose (tests)
 * @param options.limits - overrides of the defaults (tests use short delays)
 */
export async function startRealtimeServer(options: {
  db: Db;
  log: Logger;
  port: number;
  host?: string;
  redisUrl?: string;
  limits?: Partial<RealtimeLimits>;
  /** Origins whose pages may connect (`REALTIME_ALLOWED_ORIGINS`); undefined: any. */
  allowedOrigins?: readonly string[];
  /** Bearer token for /metrics (`REALTIME_METRICS_TOKEN`); undefined: loopback only. */
  metricsToken?: string;
  /** Bearer token of the web server's `POST /internal/notify` (`REALTIME_INTERNAL_TOKEN`); undefined: no endpoint. */
  internalToken?: string;
}): Promise<RealtimeServer> {
  const limits: RealtimeLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const metrics = new Metrics();
  let shuttingDown = false;
  // Created once Socket.IO is; the HTTP app is created first.
  const personalRef: { channel?: PersonalChannel; revocation?: Revocation; yjs?: YjsEndpoint } = {};
  const revocationEpoch = () => personalRef.revocation?.epoch() ?? 0;
  const app = createHttpApp({
    db: options.db,
    log: options.log,
    isShuttingDown: () => shuttingDown,
    metrics,
    metricsToken: options.metricsToken,
    internal: options.internalToken
      ? {
          token: options.internalToken,
          unreadChanged: async (userIds) => {
            await personalRef.channel?.unreadChanged(userIds);
          },
          revoke: async (request) => (await personalRef.revocation?.revoke(request)) ?? { closed: 0 },
          applyDocChange: async (request) => {
            if (!personalRef.yjs) return { status: 'unavailable' };
            return applyDocChange({ db: options.db, yjs: personalRef.yjs, request });
          },
          // Two whole documents in base64, and room for the JSON around them.
          docsBodyLimitBytes: Math.ceil((limits.maxDocumentBytes * 2 * 4) / 3) + 65_536,
        }
      : undefined,
  });
  const allowed = options.allowedOrigins?.map((origin) => new URL(origin).origin);
  // Listens only once every handler is in place: an upgrade accepted earlier would be left
  // unanswered (Socket.IO leaves other paths alone) and its client would wait forever.
  const server = http.createServer(app);
  const fanout: Fanout | undefined = options.redisUrl
    ? await createRedisFanout({ url: options.redisUrl, log: options.log })
    : undefined;
  const yjs = createYjsEndpoint({
    db: options.db,
    log: options.log,
    limits,
    metrics,
    fanout,
    revocationEpoch,
  });
  personalRef.yjs = yjs;
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(server, {
    destroyUpgrade: false,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // Pages of the web app connect with their session cookie (withCredentials).
    cors: { origin: allowed ? [...allowed] : true, credentials: true },
    allowRequest: (req, callback) => {
      const ok = originAllowed({ allowed, origin: originOf(req) });
      callback(ok ? null : 'origin not allowed', ok);
    },
  });
  const adapterClients: { quit(): Promise<unknown> }[] = [];
  if (options.redisUrl) {
    const pub = createClient({ url: options.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => options.log.error({ err: error }, 'redis adapter error'));
      adapterClients.push(client);
    }
    await Promise.all([pub.connect(), sub.connect()]);
    io.adapter(createAdapter(pub, sub));
  }
  const workshop = attachWorkshopNamespace({
    io: io as unknown as Parameters<typeof attachWorkshopNamespace>[0]['io'],
    db: options.db,
    log: options.log,
    metrics,
    revocationEpoch,
  });
  const channel = attachPersonalNamespace({
    io: io as unknown as Parameters<typeof attachPersonalNamespace>[0]['io'],
    db: options.db,
    log: options.log,
    metrics,
    revocationEpoch,
  });
  personalRef.channel = channel;
  const revocation = await createRevocation({
    fanout,
    log: options.log,
    targets: () => [yjs, workshop, channel],
  });
  personalRef.revocation = revocation;
  server.on('upgrade', (req, socket, head) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    // Socket.IO takes its own upgrades (its allowRequest checks the origin).
    if (pathname.startsWith('/socket.io')) return;
    if (!pathname.startsWith('/yjs/')) {
      socket.destroy();
      return;
    }
    if (!originAllowed({ allowed, origin: originOf(req) })) {
      metrics.closed(403);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    yjs.handleUpgrade(req, socket, head, pathname.slice('/yjs/'.length));
  });
  const recheck = setInterval(() => {
    void Promise.all([yjs.recheck(), workshop.recheck(), channel.recheck()]).catch((error: unknown) =>
      options.log.error({ err: error }, 'session re-check failed'),
    );
  }, limits.sessionRecheckMs);
  recheck.unref();

  try {
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
  } catch (error) {
    clearInterval(recheck);
    await yjs.close();
    await new Promise<void>((resolve) => void io.close(() => resolve()));
    await fanout?.close();
    await Promise.allSettled(adapterClients.map((client) => client.quit()));
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    metrics,
    yjs,
    revoke: (request) => revocation.revoke(request),
    async recheckSessions() {
      await Promise.all([yjs.recheck(), workshop.recheck(), channel.recheck()]);
    },
    async close() {
      shuttingDown = true;
      clearInterval(recheck);
      await yjs.close();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5000).unref();
      });
      await fanout?.close();
      await Promise.allSettled(adapterClients.map((client) => client.quit()));
    },
  };
}
