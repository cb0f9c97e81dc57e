import { logLevelSchema, parseEnv, portSchema, postgresUrlSchema } from '@atelier/domain';
import { z } from 'zod';

const schema = z.object({
  DATABASE_URL: postgresUrlSchema.optional(),
  ATELIER_DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: logLevelSchema.default('info'),
  /** Where browsers reach the realtime server; unset: the page's host name at REALTIME_PORT. */
  REALTIME_PUBLIC_URL: z.url().optional(),
  REALTIME_PORT: portSchema.default(3001),
  /**
   * Shared with the realtime server: the web server says through it whose notifications
   * changed, so that open pages update their unread count. Unset: counts update on page load.
   */
  REALTIME_INTERNAL_TOKEN: z.string().min(32, 'at least 32 characters').optional(),
  /** Where the web server reaches the realtime server's HTTP side; default http://127.0.0.1:REALTIME_PORT. */
  REALTIME_INTERNAL_URL: z.url().optional(),
});

export type WebConfig = z.output<typeof schema>;

let config: WebConfig | undefined;

/** The web app's configuration, read from the environment and validated once. */
export function getConfig(): WebConfig {
  config ??= parseEnv({ schema, env: process.env });
  return config;
}
