import { logLevelSchema, parseEnv, portSchema, postgresUrlSchema } from '@atelier/domain';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: postgresUrlSchema.optional(),
  ATELIER_DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: logLevelSchema.default('info'),
  /** Where browsers reach the realtime server; unset: the page's host name at REALTIME_PORT. */
  REALTIME_PUBLIC_URL: z.url().optional(),
  REALTIME_PORT: portSchema.default(3001),
});

export type WebConfig = z.output<typeof schema>;

let config: WebConfig | undefined;

/** The web app's configuration, read from the environment and validated once. */
export function getConfig(): WebConfig {
  config ??= parseEnv({ schema, env: process.env });
  return config;
}
