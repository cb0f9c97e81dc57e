import { z } from 'zod';

/**
 * Reads and validates environment variables with one schema, and explains
 * every problem with the variable name, what was wrong and the accepted form.
 *
 * @param options.schema - a zod object whose keys are variable names
 * @param options.env - the environment to read (usually `process.env`)
 * @example parseEnv({ schema: z.object({ PORT: portSchema.default(3000) }), env: process.env })
 */
export function parseEnv<S extends z.ZodObject>(options: {
  schema: S;
  env: Record<string, string | undefined>;
}): z.output<S> {
  // An empty variable counts as unset, as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(options.env).filter(([, value]) => value !== ''));
  const result = options.schema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? '?');
    const raw = options.env[name];
    const shown = raw === undefined ? '(unset)' : JSON.stringify(redact(name, raw));
    return `${name}=${shown}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function redact(name: string, value: string): string {
  if (/PASSWORD|SECRET|TOKEN/i.test(name)) return '***';
  if (/URL$/.test(name)) return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  return value;
}

/** A TCP port: an integer from 1 to 65535 (0 lets the system choose, for tests). */
export const portSchema = z.coerce
  .number({ error: 'expected a port number from 1 to 65535' })
  .int({ error: 'expected a port number from 1 to 65535' })
  .min(0, { error: 'expected a port number from 1 to 65535' })
  .max(65535, { error: 'expected a port number from 1 to 65535' });

/** A PostgreSQL connection URL. */
export const postgresUrlSchema = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    error: 'expected a URL of the form postgres://user:password@host:5432/database',
  });

/** A Redis connection URL. */
export const redisUrlSchema = z
  .string()
  .refine((value) => /^rediss?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    error: 'expected a URL of the form redis://host:6379',
  });

export const logLevelSchema = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
  error: 'expected one of fatal, error, warn, info, debug, trace, silent',
});
