import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '@atelier/db';
import {
  INTERNAL_DOCS_APPLY_PATH,
  INTERNAL_NOTIFY_PATH,
  docChangeRequestSchema,
  notifyRequestSchema,
  type DocChangeRequest,
  type DocChangeResponse,
} from '@atelier/domain';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { DOC_CHANGE_HTTP_STATUS } from './doc-apply.ts';
import type { Metrics } from './metrics.ts';
import { INTERNAL_REVOKE_PATH, revokeRequestSchema, type RevokeRequest } from './revocation.ts';

/** The HTTP side of the realtime server: health and readiness probes, with one request id per request. */
export function createHttpApp(options: {
  db: Db;
  log: Logger;
  isShuttingDown: () => boolean;
  metrics?: Metrics;
  /** With a token, /metrics wants `Authorization: Bearer <token>`; without, it answers loopback only. */
  metricsToken?: string;
  /**
   * The web server's channel in (`REALTIME_INTERNAL_TOKEN`): `POST /internal/notify` with this
   * bearer token says whose notifications changed. Without a token the endpoint does not exist.
   */
  internal?: {
    token: string;
    unreadChanged(userIds: readonly string[]): Promise<void>;
    /** `POST /internal/revoke`: checks the concerned connections again on every instance. */
    revoke(request: RevokeRequest): Promise<{ closed: number }>;
    /** `POST /internal/docs/apply`: changes a workshop's documents like any edit, on every instance. */
    applyDocChange(request: DocChangeRequest): Promise<DocChangeResponse>;
    /** The largest body it takes (two whole documents, base64). */
    docsBodyLimitBytes: number;
  };
}): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use((req, res, next) => {
    const requestId = req.get('x-request-id')?.slice(0, 64) || randomUUID();
    res.setHeader('x-request-id', requestId);
    const started = performance.now();
    res.on('finish', () => {
      options.log.info(
        {
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', (req, res) => {
    const access = metricsAccess({
      token: options.metricsToken,
      authorization: req.get('authorization'),
      remoteAddress: req.socket.remoteAddress,
    });
    if (access !== 'allowed') {
      if (access === 401) res.setHeader('www-authenticate', 'Bearer');
      res
        .status(access)
        .type('text/plain')
        .send(access === 401 ? 'Unauthorized\n' : 'Forbidden\n');
      return;
    }
    res.type('text/plain; version=0.0.4').send(options.metrics?.render() ?? '');
  });
  const internal = options.internal;
  if (internal) {
    app.post(INTERNAL_NOTIFY_PATH, express.json({ limit: '64kb' }), async (req, res) => {
      if (!bearerMatches(req.get('authorization'), internal.token)) {
        res.setHeader('www-authenticate', 'Bearer');
        res.status(401).json({ error: 'a valid bearer token is required' });
        return;
      }
      const parsed = notifyRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({ error: 'expected {"userIds": [uuid, …]} with 1 to 500 ids' });
        return;
      }
      try {
        await internal.unreadChanged(parsed.data.userIds);
        res.status(202).json({ notified: new Set(parsed.data.userIds).size });
      } catch (error) {
        options.log.error({ err: error }, 'internal notify failed');
        res.status(503).json({ error: 'could not count the notifications' });
      }
    });
  }
  if (internal) {
    app.post(INTERNAL_REVOKE_PATH, express.json({ limit: '256kb' }), async (req, res) => {
      if (!bearerMatches(req.get('authorization'), internal.token)) {
        res.setHeader('www-authenticate', 'Bearer');
        res.status(401).json({ error: 'a valid bearer token is required' });
        return;
      }
      const parsed = revokeRequestSchema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({
          error:
            'expected {"sessionIds"?: [sha256 hex], "userIds"?: [uuid], "workshops"?: [{"workshopId": uuid, "userId"?: uuid}]}, at least one, 500 of each at most',
        });
        return;
      }
      try {
        // Answered once this instance has closed what no longer holds (the others are told through Redis).
        res.status(202).json(await internal.revoke(parsed.data));
      } catch (error) {
        options.log.error({ err: error }, 'internal revoke failed');
        res.status(503).json({ error: 'could not check the sessions again' });
      }
    });
  }
  if (internal) {
    app.post(
      INTERNAL_DOCS_APPLY_PATH,
      // The token is checked before the body is read: a caller without it gets 401 at once.
      (req, res, next) => {
        if (bearerMatches(req.get('authorization'), internal.token)) return next();
        res.setHeader('www-authenticate', 'Bearer');
        res.status(401).json({ error: 'a valid bearer token is required' });
      },
      express.json({ limit: internal.docsBodyLimitBytes }),
      async (req, res) => {
        const parsed = docChangeRequestSchema.safeParse(req.body);
        if (!parsed.success) {
          res.status(400).json({
            error:
              'expected {"kind": "merge", "workshopId", "actorId", "entries"} or {"kind": "initial", "workshopId", "actorId", "content", "facilitation"}',
            issues: parsed.error.issues.slice(0, 10).map((issue) => ({
              path: issue.path.join('.'),
              message: issue.message,
            })),
          });
          return;
        }
        try {
          const answer = await internal.applyDocChange(parsed.data);
          res.status(DOC_CHANGE_HTTP_STATUS[answer.status]).json(answer);
        } catch (error) {
          options.log.error({ err: error }, 'internal document change failed');
          const answer: DocChangeResponse = { status: 'unavailable' };
          res.status(DOC_CHANGE_HTTP_STATUS[answer.status]).json(answer);
        }
      },
    );
  }
  app.get('/readyz', async (_req, res) => {
    if (options.isShuttingDown()) {
      res.status(503).json({ status: 'shutting-down' });
      return;
    }
    try {
      await options.db.sql`select 1`;
      res.json({ status: 'ready', database: 'ok' });
    } catch {
      res.status(503).json({ status: 'not-ready', database: 'unreachable' });
    }
  });
  return app;
}

/** Whether an address is this machine (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const bare = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return bare === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare);
}

/**
 * Who may read /metrics: with `REALTIME_METRICS_TOKEN`, whoever sends it as a bearer
 * token (401 otherwise); without, loopback only (403 otherwise). The proxy-provided
 * `X-Forwarded-For` is not trusted.
 */
export function metricsAccess(options: {
  token: string | undefined;
  authorization: string | undefined;
  remoteAddress: string | undefined;
}): 'allowed' | 401 | 403 {
  if (options.token === undefined) return isLoopback(options.remoteAddress) ? 'allowed' : 403;
  return bearerMatches(options.authorization, options.token) ? 'allowed' : 401;
}

/** Whether an `Authorization` header carries this bearer token (compared in constant time). */
export function bearerMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}
