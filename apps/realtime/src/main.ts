import { createDb, type Db } from '@atelier/db';
import pino from 'pino';
import { limitsOf, readConfig } from './config.ts';
import { startRealtimeServer, type RealtimeServer } from './server.ts';

let db: Db | undefined;
let server: RealtimeServer | undefined;

try {
  const config = readConfig();
  const log = pino({ name: 'realtime', level: config.LOG_LEVEL });
  db = await createDb({ url: config.DATABASE_URL, dataDir: config.ATELIER_DATA_DIR, max: 5 });
  server = await startRealtimeServer({
    db,
    log,
    port: config.REALTIME_PORT,
    host: config.REALTIME_HOST,
    redisUrl: config.REDIS_URL,
    limits: limitsOf(config),
    allowedOrigins: config.REALTIME_ALLOWED_ORIGINS,
    metricsToken: config.REALTIME_METRICS_TOKEN,
    internalToken: config.REALTIME_INTERNAL_TOKEN,
  });
  log.info({ port: server.port }, 'realtime server listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server?.close();
    await db?.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
} catch (error) {
  console.error(`${(error as Error).name}: ${(error as Error).message}`);
  await db?.close().catch(() => {});
  process.exit(1);
}
