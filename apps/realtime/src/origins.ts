import type { IncomingMessage } from 'node:http';

/**
 * Which browser pages may connect: `REALTIME_ALLOWED_ORIGINS`, or any when unset.
 * A request without an `Origin` header is not from a page (a Node client, a probe):
 * it carries no ambient browser cookie, so it is allowed.
 *
 * @param options.allowed - normalised origins (`new URL(x).origin`), or undefined for any
 * @example originAllowed({ allowed: ['http://localhost:3000'], origin: 'http://evil.example' }) // false
 */
export function originAllowed(options: {
  allowed: readonly string[] | undefined;
  origin: string | undefined;
}): boolean {
  const { allowed, origin } = options;
  if (allowed === undefined || origin === undefined) return true;
  return allowed.includes(origin.toLowerCase());
}

/** The `Origin` header of a request, when there is exactly one. */
export function originOf(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin;
  return typeof origin === 'string' ? origin : undefined;
}
