import { logLevelSchema, parseEnv, portSchema, postgresUrlSchema } from '@atelier/domain';
import { z } from 'zod';

/** `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465` (TLS from the start). */
const smtpUrlSchema = z
  .url({ error: 'expected smtp://user:password@host:port or smtps://…' })
  .refine((value) => /^smtps?:$/.test(new URL(value).protocol), {
    error: 'expected smtp://user:password@host:port or smtps://…',
  });

/** `no-reply@example.org` or `Atelier <no-reply@example.org>`. */
const mailFromSchema = z.string().regex(/^(?:[^<>\r\n"]{1,100} <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, {
  error: 'expected an address, such as no-reply@example.org or Atelier <no-reply@example.org>',
});

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
  /** The public URL of the app (adapter-node reads it too): the links of e-mails start with it. */
  ORIGIN: z
    .url({ error: 'expected the public URL of the web app, such as https://atelier.example.org' })
    .optional(),
  PORT: portSchema.default(3000),
  /** The SMTP server e-mails leave through; unset: they are kept and shown on /admin/outbox. */
  SMTP_URL: smtpUrlSchema.optional(),
  /** The sender of e-mails; default `Atelier <no-reply@` + the ORIGIN's host name + `>`. */
  SMTP_FROM: mailFromSchema.optional(),
});

export type WebConfig = z.output<typeof schema>;

let config: WebConfig | undefined;

/** The web app's configuration, read from the environment and validated once. */
export function getConfig(): WebConfig {
  config ??= parseEnv({ schema, env: process.env });
  return config;
}
