// Guests: people who join one live workshop by its code or QR code, without an account. The
// facilitator opens and closes the access, sees and removes guests and may invite one to become
// an account; a guest joins from /j/<code>. Every right a guest has comes from `can()` with their
// seat (`guest` in the policy) and the realtime server's write rules, like everyone's.
import { audit, guests, invitations, rateLimits, sessions, type RateRule, type Sql } from '@atelier/db';
import {
  generateJoinCode,
  guestAccessEnds,
  guestNameSchema,
  type Actor,
  type JoinCode,
} from '@atelier/domain';
import type { RequestEvent } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { z } from 'zod';
import { isUuid } from './access.ts';
import { setSessionCookie, clientOf } from './auth/cookies.ts';
import type { FieldErrors } from './forms.ts';
import { revokeRealtime } from './revoke.ts';

/** The time zone of the workshop day (Atelier's workshops meet in Lorraine). */
export const WORKSHOP_TIME_ZONE = 'Europe/Paris';

/** Wrong codes tried from one address: a room mistyping is fine, guessing codes is not. */
export const CODE_GUESS: RateRule = { bucket: 'guest_code_guess', windowMs: 10 * 60_000, perIp: 20 };
/** Guests joining from one address: a whole room behind one router fits. */
export const GUEST_JOIN: RateRule = { bucket: 'guest_join', windowMs: 10 * 60_000, perIp: 300 };

/** The link a code opens, on this site. */
export function joinLink(origin: string, code: string): string {
  return new URL(`/j/${code}`, origin).toString();
}

/** The QR code of a link as SVG markup (dark modules on white, a quiet zone of 2). */
export function qrSvg(link: string): Promise<string> {
  return QRCode.toString(link, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
}

/** Opens guest access (or keeps the one open) until the end of the workshop day. */
export async function openGuestAccess(
  sql: Sql,
  options: { actor: Actor; workshopId: string; allowNeeds: boolean; now: Date },
) {
  return guests.open(sql, {
    workshopId: options.workshopId,
    openedBy: options.actor.userId,
    allowNeeds: options.allowNeeds,
    now: options.now,
    expiresAt: guestAccessEnds({ openedAt: options.now, timeZone: WORKSHOP_TIME_ZONE }),
    newCode: () => generateJoinCode((bytes) => crypto.getRandomValues(bytes)),
  });
}

/** Closes guest access; every guest leaves, and their realtime connections end now. */
export async function closeGuestAccess(sql: Sql, options: { actor: Actor; workshopId: string; now: Date }) {
  const { userIds } = await guests.close(sql, {
    workshopId: options.workshopId,
    closedBy: options.actor.userId,
    now: options.now,
  });
  if (userIds.length > 0) await revokeRealtime({ userIds });
  return userIds.length;
}

/**
 * Lets guests add needs for their organisation, or stops it; their open connections are
 * checked again so that the realtime server reads the new rights now.
 */
export async function setGuestNeeds(
  sql: Sql,
  options: { workshopId: string; allowNeeds: boolean; now: Date },
) {
  const changed = await guests.setAllowNeeds(sql, options);
  if (changed) {
    const present = (await guests.list(sql, { workshopId: options.workshopId })).filter((g) => !g.leftAt);
    if (present.length > 0) await revokeRealtime({ userIds: present.map((g) => g.userId) });
  }
  return changed;
}

/** Removes one guest; false when the id is not a guest in this workshop. */
export async function removeGuest(
  sql: Sql,
  options: { actor: Actor; workshopId: string; userId: string; now: Date },
): Promise<boolean> {
  if (!isUuid(options.userId)) return false;
  const removed = await guests.remove(sql, {
    workshopId: options.workshopId,
    userId: options.userId,
    removedBy: options.actor.userId,
    now: options.now,
  });
  if (removed) await revokeRealtime({ userIds: [options.userId] });
  return removed;
}

/**
 * Invites a guest to become an account of the workshop: an invitation link of the existing
 * mechanism (participant, for the guest's organisation if they named one, one use, 14 days),
 * tied to the guest so that accepting it ends the guest seat and records who they became.
 */
export async function inviteGuest(
  sql: Sql,
  options: { actor: Actor; workshopId: string; userId: string; now: Date },
): Promise<{ ok: true; token: string } | { ok: false }> {
  if (!isUuid(options.userId)) return { ok: false };
  const guest = await guests.find(sql, { workshopId: options.workshopId, userId: options.userId });
  if (!guest || guest.accountId) return { ok: false };
  const token = invitations.generateToken();
  await sql.begin(async (tx) => {
    const invitation = await invitations.create(tx, {
      token,
      workshopId: options.workshopId,
      role: 'participant',
      organisationId: guest.organisationId,
      organisationKind: null,
      expiresAt: new Date(options.now.getTime() + 14 * 24 * 60 * 60 * 1000),
      maxUses: 1,
      createdBy: options.actor.userId,
      now: options.now,
    });
    await guests.linkInvitation(tx, { invitationId: invitation.id, guestUserId: guest.userId });
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: 'invitation.created',
      subjectType: 'workshop',
      subjectId: options.workshopId,
      details: { invitationId: invitation.id, role: 'participant', guestUserId: guest.userId, maxUses: 1 },
      now: options.now,
    });
  });
  return { ok: true, token };
}

export const JOIN_FIELDS = ['displayName', 'organisationId'] as const;

export const joinSchema = z.object({
  displayName: guestNameSchema,
  /** `none` (unaffiliated) or one of the workshop's organisations. */
  organisationId: z
    .string()
    .refine((value) => value === 'none' || isUuid(value), 'invalid_choice')
    .transform((value) => (value === 'none' ? null : value)),
});

export type JoinOutcome =
  | { ok: true; workshopId: string }
  | { ok: false; status: 400 | 404 | 429; errors: FieldErrors; retryAfterSeconds?: number };

/**
 * Counts a wrong code against the address; says whether this address may still try codes.
 * A known code never counts, so a room typing the right one is never slowed down.
 */
export async function codeGuessAllowed(
  sql: Sql,
  options: { ip: string; now: Date; wrong: boolean },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  if (options.wrong) await rateLimits.record(sql, { rule: CODE_GUESS, ip: options.ip, now: options.now });
  return rateLimits.check(sql, { rule: CODE_GUESS, ip: options.ip, now: options.now });
}

/**
 * A guest joins: name and organisation validated, the address within its limits, then a guest
 * user, a seat and a session whose cookie ends with the guest access.
 */
export async function joinAsGuest(
  sql: Sql,
  event: Pick<RequestEvent, 'cookies' | 'url' | 'request' | 'getClientAddress'>,
  options: { code: JoinCode; input: z.output<typeof joinSchema>; locale: 'fr' | 'en' | 'de'; now: Date },
): Promise<JoinOutcome> {
  const { ip, userAgent } = clientOf(event);
  const guesses = await rateLimits.check(sql, { rule: CODE_GUESS, ip, now: options.now });
  if (!guesses.allowed)
    return {
      ok: false,
      status: 429,
      errors: { form: 'rate_limited' },
      retryAfterSeconds: guesses.retryAfterSeconds,
    };
  const joins = await rateLimits.consume(sql, { rule: GUEST_JOIN, ip, now: options.now });
  if (!joins.allowed)
    return {
      ok: false,
      status: 429,
      errors: { form: 'rate_limited' },
      retryAfterSeconds: joins.retryAfterSeconds,
    };
  const token = sessions.generateToken();
  const joined = await guests.join(sql, {
    code: options.code,
    displayName: options.input.displayName,
    organisationId: options.input.organisationId,
    locale: options.locale,
    token,
    now: options.now,
    userAgent,
    ip,
  });
  if (!joined.ok) {
    if (joined.reason === 'unknown_organisation')
      return { ok: false, status: 400, errors: { organisationId: 'invalid_choice' } };
    await codeGuessAllowed(sql, { ip, now: options.now, wrong: true });
    return { ok: false, status: 404, errors: { form: 'unknown_code' } };
  }
  setSessionCookie(event, { token, expiresAt: joined.expiresAt });
  return { ok: true, workshopId: joined.workshopId };
}
