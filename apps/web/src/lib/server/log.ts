import pino from 'pino';
import { getConfig } from './config.ts';

/** Structured JSON logs; one line per request, with its request id. */
export const log = pino({
  name: 'web',
  level: process.env.VITEST ? 'silent' : getConfig().LOG_LEVEL,
  redact: ['password', '*.password', 'cookie', '*.cookie'],
});
