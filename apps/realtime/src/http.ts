import { randomUUID } from 'node:crypto';
import type { Db } from '@atelier/db';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';

/** The HTTP side of the realtime server: health and readiness probes, with one request id per request. */
export function createHttpApp(options: {
  db: Db;
  log: Logger;
  isShuttingDown: () => boolean;
  metrics?: Metrics;
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
  app.get('/metrics', (_req, res) => {
    res.type('text/plain; version=0.0.4').send(options.metrics?.render() ?? '');
  });
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
