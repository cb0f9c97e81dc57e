import { z } from 'zod';

/**
 * The realtime server's internal endpoint through which the web server says that sessions
 * ended or seats changed (`POST`, `Authorization: Bearer <REALTIME_INTERNAL_TOKEN>`), so that
 * the open connections concerned close at once on every realtime instance.
 */
export const INTERNAL_REVOKE_PATH = '/internal/revoke';

const sessionId = z.string().regex(/^[0-9a-f]{64}$/, 'a session id (SHA-256 of the token, hex)');

/**
 * Whose open connections to check again, now: sessions by id (logout), every session
 * of some people (password change, "sign out other sessions", account deletion,
 * removal from an organisation), or seats in a workshop (a person removed or given
 * another role; without `userId`, everyone in that workshop). The request carries no
 * verdict: each instance reads the sessions and seats again from the database and
 * closes what no longer holds, so a leaked token can only cause re-checks.
 */
export const revokeRequestSchema = z
  .object({
    sessionIds: z.array(sessionId).max(500).optional(),
    userIds: z.array(z.uuid()).max(500).optional(),
    workshops: z
      .array(z.object({ workshopId: z.uuid(), userId: z.uuid().optional() }).strict())
      .max(500)
      .optional(),
  })
  .strict()
  .refine(
    (request) =>
      (request.sessionIds?.length ?? 0) + (request.userIds?.length ?? 0) + (request.workshops?.length ?? 0) >
      0,
    'name at least one session, person or workshop',
  );
export type RevokeRequest = z.output<typeof revokeRequestSchema>;
