import { logLevelSchema, parseEnv, portSchema, postgresUrlSchema, redisUrlSchema } from '@atelier/domain';
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
  REALTIME_FLUSH_MS: positive(20),
  REALTIME_COMPACT_AFTER: positive(500),
  REALTIME_IDLE_UNLOAD_MS: positive(30_000),
  REALTIME_SESSION_RECHECK_MS: positive(30_000),
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
  return parseEnv({ schema, env });
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
  /** Longest wait before an accepted update is appended to yjs_updates. */
  flushMs: number;
  /** Log rows after which a document is compacted into a snapshot. */
  compactAfter: number;
  /** A document without connections for this long is stored, compacted and unloaded. */
  idleUnloadMs: number;
  /** How often open connections' sessions and seats are checked again. */
  sessionRecheckMs: number;
}

export const DEFAULT_LIMITS: RealtimeLimits = {
  maxMessageBytes: 1024 * 1024,
  maxMessagesPerSecond: 100,
  maxConnectionsPerIpPerMinute: 600,
  maxDocumentBytes: 32 * 1024 * 1024,
  flushMs: 20,
  compactAfter: 500,
  idleUnloadMs: 30_000,
  sessionRecheckMs: 30_000,
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
  };
}
