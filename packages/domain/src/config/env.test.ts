import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv, portSchema, postgresUrlSchema } from './env.ts';

const schema = z.object({
  PORT: portSchema.default(3000),
  DATABASE_URL: postgresUrlSchema.optional(),
});

describe('parseEnv', () => {
  it('applies defaults and coerces numbers', () => {
    expect(parseEnv({ schema, env: {} })).toEqual({ PORT: 3000 });
    expect(parseEnv({ schema, env: { PORT: '8080' } }).PORT).toBe(8080);
  });

  it('treats an empty variable as unset', () => {
    expect(parseEnv({ schema, env: { PORT: '', DATABASE_URL: '' } })).toEqual({ PORT: 3000 });
  });

  it('names the variable, the value and the accepted form', () => {
    expect(() => parseEnv({ schema, env: { PORT: 'eighty' } })).toThrow(
      /PORT="eighty": expected a port number from 1 to 65535/,
    );
    expect(() => parseEnv({ schema, env: { PORT: '70000' } })).toThrow(ConfigError);
  });

  it('never prints the password of a database URL', () => {
    let message = '';
    try {
      parseEnv({ schema, env: { DATABASE_URL: 'mysql://bob:hunter2@db/x' } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('postgres://user:password@host');
    expect(message).not.toContain('hunter2');
  });
});
