import { logLevelSchema, parseEnv, portSchema, postgresUrlSchema, redisUrlSchema } from '@atelier/domain';
import { z } from 'zod';

const schema = z.object({
  REALTIME_PORT: portSchema.default(3001),
  REALTIME_HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrlSchema.optional(),
  ATELIER_DATA_DIR: z.string().min(1).optional(),
  REDIS_URL: redisUrlSchema.optional(),
  LOG_LEVEL: logLevelSchema.default('info'),
});

export type RealtimeConfig = z.output<typeof schema>;

/** Reads the realtime server's configuration; throws a ConfigError naming each bad variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): RealtimeConfig {
  return parseEnv({ schema, env });
}
