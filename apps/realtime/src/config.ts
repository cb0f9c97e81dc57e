import {
  ConfigError,
  logLevelSchema,
  parseEnv,
  portSchema,
  postgresUrlSchema,
  redisUrlSchema,
} from '@atelier/domain';
import { z } from 'zod';

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  REALTIME_PORT: portSchema.default(3001),
  REALTIME_HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrlSchema.optional(),
  ATELIER_DATA_DIR: z.string().min(1).optional(),
  REDIS_URL: redisUrlSchema.optional(),
  LOG_LEVEL: logLevelSchema.default('info'),
  REALTIME_MAX_MESSAGE_BYTES: positive(1024 * 1024),
  REALTIME_MAX_MESSAGES_PER_SECOND: positive(100),
  REALTIME_MAX_CONNECTIONS_PER_IP_PER_MINUTE: positive(600),
  REALTIME_MAX_DOCUMENT_BYTES: positive(32 * 1024 * 1024),
  REALTIME_FLUSH_MS: z.coerce.number().int().min(0).default(0),
  REALTIME_COMPACT_AFTER: positive(500),
  REALTIME_IDLE_UNLOAD_MS: positive(30_000),
  REALTIME_SESSION_RECHECK_MS: positive(30_000),
  REALTIME_MAX_WRITE_BYTES_PER_MINUTE: positive(4 * 1024 * 1024),
  REALTIME_MAX_WRITES_PER_MINUTE: positive(1200),
  REALTIME_MAX_USER_WRITE_BYTES_PER_MINUTE: positive(8 * 1024 * 1024),
  REALTIME_MAX_USER_WRITES_PER_MINUTE: positive(2400),
  REALTIME_PEER_SYNC_MS: positive(2000),
  REALTIME_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((value, context) => {
      const origins = (value ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      if (origins.length === 0) return undefined;
      const normalised: string[] = [];
      for (const origin of origins) {
        const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
        const bare = parsed && parsed.pathname === '/' && !parsed.search && !parsed.hash;
        if (!parsed || !bare || !/^https?:$/.test(parsed.protocol)) {
          context.addIssue({
            code: 'custom',
            message: `expected comma-separated origins such as http://localhost:3000, got "${origin}"`,
          });
          return z.NEVER;
        }
        normalised.push(parsed.origin);
      }
      return normalised;
    }),
  REALTIME_METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Shared with the web server, which says through it whose notifications changed. */
  REALTIME_INTERNAL_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
});

export type RealtimeConfig = z.output<typeof schema>;

/** Reads the realtime server's configuration; throws a ConfigError naming each bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): RealtimeConfig {
  const config = parseEnv({ schema, env });
  // A byte budget below one message would close every writer of a large (allowed) message.
  for (const name of [
    'REALTIME_MAX_WRITE_BYTES_PER_MINUTE',
    'REALTIME_MAX_USER_WRITE_BYTES_PER_MINUTE',
  ] as const) {
    if (config[name] < config.REALTIME_MAX_MESSAGE_BYTES) {
      throw new ConfigError(
        `Invalid configuration:\n  ${name}=${config[name]}: expected at least REALTIME_MAX_MESSAGE_BYTES (${config.REALTIME_MAX_MESSAGE_BYTES}), or a writer could not send one allowed message`,
      );
    }
  }
  return config;
}

/** Limits and delays of the realtime server; every one has a default (see README). */
export interface RealtimeLimits {
  /** Largest WebSocket message accepted (4413 above). */
  maxMessageBytes: number;
  /** Messages per second per connection, averaged over two seconds (4429 above). */
  maxMessagesPerSecond: number;
  /** New connections per minute from one address (4429 above). */
  maxConnectionsPerIpPerMinute: number;
  /** Largest stored size of one document; updates beyond it are refused (4413). */
  maxDocumentBytes: number;
  /**
   * Longest wait, when no append is running, before accepted updates are appended to
   * yjs_updates (0: at once); they are broadcast once stored, so it adds to the latency.
   */
  flushMs: number;
  /** Log rows after which a document is compacted into a snapshot. */
  compactAfter: number;
  /** A document without connections for this long is stored, compacted and unloaded. */
  idleUnloadMs: number;
  /** How often open connections' sessions and seats are checked again. */
  sessionRecheckMs: number;
  /** Bytes of Yjs updates one connection may send in a minute (4429 above). */
  maxWriteBytesPerMinute: number;
  /** Yjs updates one connection may send in a minute (4429 above). */
  maxWritesPerMinute: number;
  /** Bytes of Yjs updates one person may send in a minute over all their connections to this instance (4429 above). */
  maxUserWriteBytesPerMinute: number;
  /** Yjs updates one person may send in a minute over all their connections to this instance (4429 above). */
  maxUserWritesPerMinute: number;
  /** How often a room that changed publishes its state to the other instances, which repair any gap. */
  peerSyncMs: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  maxMessageBytes: 1024 * 1024,
  maxMessagesPerSecond: 100,
  maxConnectionsPerIpPerMinute: 600,
  maxDocumentBytes: 32 * 1024 * 1024,
  flushMs: 0,
  compactAfter: 500,
  idleUnloadMs: 30_000,
  sessionRecheckMs: 30_000,
  maxWriteBytesPerMinute: 4 * 1024 * 1024,
  maxWritesPerMinute: 1200,
  maxUserWriteBytesPerMinute: 8 * 1024 * 1024,
  maxUserWritesPerMinute: 2400,
  peerSyncMs: 2000,
};

/** The limits of a configuration read from the environment. */
export function limitsOf(config: RealtimeConfig): RealtimeLimits {
  return {
    maxMessageBytes: config.REALTIME_MAX_MESSAGE_BYTES,
    maxMessagesPerSecond: config.REALTIME_MAX_MESSAGES_PER_SECOND,
    maxConnectionsPerIpPerMinute: config.REALTIME_MAX_CONNECTIONS_PER_IP_PER_MINUTE,
    maxDocumentBytes: config.REALTIME_MAX_DOCUMENT_BYTES,
    flushMs: config.REALTIME_FLUSH_MS,
    compactAfter: config.REALTIME_COMPACT_AFTER,
    idleUnloadMs: config.REALTIME_IDLE_UNLOAD_MS,
    sessionRecheckMs: config.REALTIME_SESSION_RECHECK_MS,
    maxWriteBytesPerMinute: config.REALTIME_MAX_WRITE_BYTES_PER_MINUTE,
    maxWritesPerMinute: config.REALTIME_MAX_WRITES_PER_MINUTE,
    maxUserWriteBytesPerMinute: config.REALTIME_MAX_USER_WRITE_BYTES_PER_MINUTE,
    maxUserWritesPerMinute: config.REALTIME_MAX_USER_WRITES_PER_MINUTE,
    peerSyncMs: config.REALTIME_PEER_SYNC_MS,
  };
}
