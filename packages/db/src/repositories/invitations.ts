import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import {
  invitationState,
  type InvitationState,
  type OrganisationKind,
  type WorkshopRole,
  type WorkshopStatus,
} from '@atelier/domain';
import type { Queryable, Sql } from '../client.ts';
import * as audit from './audit.ts';
import * as guests from './guests.ts';

export interface Invitation {
  id: string;
  workshopId: string;
  role: WorkshopRole;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: OrganisationKind | null;
  expiresAt: Date;
  maxUses: number;
  uses: number;
  revokedAt: Date | null;
  createdAt: Date;
  /** The one address an invitation was sent to, if any (issue 20). */
  email: string | null;
}

export interface InvitationWithWorkshop extends Invitation {
  workshopTitle: string;
  workshopStatus: WorkshopStatus;
  /** The guest this invitation turns into an account, if it was made for one. */
  guestUserId: string | null;
}

/** A new random invitation token (160 bits, base32): it goes in the link, only its hash is stored. */
export function generateToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function tokenHashOf(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** Whether a string has the shape of an invitation token (checked before any query). */
export function isTokenShaped(token: string): boolean {
  return /^[a-z2-7]{32}$/.test(token);
}

/** Creates an invitation for a token; either a named organisation or an organisation kind, or neither. */
export async function create(
  sql: Queryable,
  options: {
    token: string;
    workshopId: string;
    role: WorkshopRole;
    organisationId: string | null;
    organisationKind: OrganisationKind | null;
    expiresAt: Date;
    maxUses: number;
    createdBy: string;
    /** Sent to this address (the caller enqueues the e-mail in the same transaction). */
    email?: string | null;
    now: Date;
  },
): Promise<{ id: string }> {
  const [row]: [{ id: string }?] = await sql`
    insert into invitations (workshop_id, token_hash, role, organisation_id, organisation_kind,
                             expires_at, max_uses, created_by, created_at, email)
    values (${options.workshopId}, ${tokenHashOf(options.token)}, ${options.role},
            ${options.organisationId}, ${options.organisationKind}, ${options.expiresAt},
            ${options.maxUses}, ${options.createdBy}, ${options.now},
            ${options.email?.trim().toLowerCase() ?? null})
    returning id`;
  if (!row) throw new Error('invitation insert returned no row');
  return row;
}

export async function listForWorkshop(
  sql: Queryable,
  options: { workshopId: string },
): Promise<Invitation[]> {
  return sql<Invitation[]>`
    select i.id, i.workshop_id, i.role, i.organisation_id, o.name as organisation_name,
           i.organisation_kind, i.expires_at, i.max_uses, i.uses, i.revoked_at, i.created_at, i.email
    from invitations i left join organisations o on o.id = i.organisation_id
    where i.workshop_id = ${options.workshopId}
    order by i.created_at desc`;
}

/** The invitation of a token, with its workshop; `forUpdate` locks it inside a transaction. */
export async function findByToken(
  sql: Queryable,
  options: { token: string; forUpdate?: boolean },
): Promise<InvitationWithWorkshop | undefined> {
  if (!isTokenShaped(options.token)) return undefined;
  const hash = tokenHashOf(options.token);
  const [row]: [InvitationWithWorkshop?] = options.forUpdate
    ? await sql`
        select i.id, i.workshop_id, i.role, i.organisation_id, o.name as organisation_name,
               i.organisation_kind, i.expires_at, i.max_uses, i.uses, i.revoked_at, i.created_at, i.email,
               w.title as workshop_title, w.status as workshop_status, i.guest_user_id
        from invitations i join workshops w on w.id = i.workshop_id
        left join organisations o on o.id = i.organisation_id
        where i.token_hash = ${hash}
        for update of i`
    : await sql`
        select i.id, i.workshop_id, i.role, i.organisation_id, o.name as organisation_name,
               i.organisation_kind, i.expires_at, i.max_uses, i.uses, i.revoked_at, i.created_at, i.email,
               w.title as workshop_title, w.status as workshop_status, i.guest_user_id
        from invitations i join workshops w on w.id = i.workshop_id
        left join organisations o on o.id = i.organisation_id
        where i.token_hash = ${hash}`;
  return row;
}

/** Revokes an invitation of a workshop; false when it is not one of its invitations or already revoked. */
export async function revoke(
  sql: Queryable,
  options: { id: string; workshopId: string; now: Date },
): Promise<boolean> {
  const rows = await sql`
    update invitations set revoked_at = ${options.now}
    where id = ${options.id} and workshop_id = ${options.workshopId} and revoked_at is null
    returning id`;
  return rows.length === 1;
}

/** Counts one use of an invitation. */
export async function recordUse(sql: Queryable, options: { id: string }): Promise<void> {
  await sql`update invitations set uses = uses + 1 where id = ${options.id}`;
}

export type AcceptResult =
  | {
      ok: true;
      workshopId: string;
      alreadyMember: boolean;
      /** The guest this invitation was made for, now this account (their guest seat ended). */
      convertedGuestId?: string;
    }
  | { ok: false; reason: Exclude<InvitationState, 'valid'> | 'not_found' | 'organisation_required' };

/**
 * Uses an invitation: the person joins its workshop with its role, representing
 * its named organisation (joining it as a member if needed) or, for an
 * invitation by kind, one of their organisations of that kind. Everything is
 * checked again inside one transaction with the invitation locked, so the last
 * use can't be taken twice. Joining is written to the audit log. An invitation made for a
 * guest turns that guest into the accepting account (`guests.convert`).
 */
export async function accept(
  sql: Sql,
  options: { token: string; userId: string; organisationId?: string; now: Date },
): Promise<AcceptResult> {
  return sql.begin(async (tx): Promise<AcceptResult> => {
    const invitation = await findByToken(tx, { token: options.token, forUpdate: true });
    if (!invitation) return { ok: false, reason: 'not_found' };
    // Someone already seated who opens the link again is let in, without taking a use.
    const [seat] = await tx`
      select 1 from workshop_members where workshop_id = ${invitation.workshopId} and user_id = ${options.userId}`;
    if (seat) return { ok: true, workshopId: invitation.workshopId, alreadyMember: true };
    const state = invitationState(invitation, options.now);
    if (state !== 'valid') return { ok: false, reason: state };

    let organisationId: string;
    if (invitation.organisationId) {
      organisationId = invitation.organisationId;
      const added = await tx`
        insert into memberships (user_id, organisation_id, role)
        values (${options.userId}, ${organisationId}, 'member')
        on conflict (user_id, organisation_id) do nothing
        returning user_id`;
      if (added.length === 1) {
        await audit.record(tx, {
          actorId: options.userId,
          action: 'organisation.member_joined',
          subjectType: 'organisation',
          subjectId: organisationId,
          details: { userId: options.userId, role: 'member', invitationId: invitation.id },
          now: options.now,
        });
      }
    } else {
      if (!options.organisationId) return { ok: false, reason: 'organisation_required' };
      const [own]: [{ id: string }?] = await tx`
        select o.id from memberships m join organisations o on o.id = m.organisation_id
        where m.user_id = ${options.userId} and o.id = ${options.organisationId}
          and (${invitation.organisationKind}::text is null or o.kind = ${invitation.organisationKind})`;
      if (!own) return { ok: false, reason: 'organisation_required' };
      organisationId = own.id;
    }
    await tx`
      insert into workshop_members (workshop_id, user_id, organisation_id, role, created_at)
      values (${invitation.workshopId}, ${options.userId}, ${organisationId}, ${invitation.role}, ${options.now})`;
    await recordUse(tx, { id: invitation.id });
    const convertedGuestId = invitation.guestUserId
      ? await guests.convert(tx, { invitationId: invitation.id, accountId: options.userId, now: options.now })
      : undefined;
    await audit.record(tx, {
      actorId: options.userId,
      action: 'workshop.member_joined',
      subjectType: 'workshop',
      subjectId: invitation.workshopId,
      details: {
        userId: options.userId,
        role: invitation.role,
        organisationId,
        invitationId: invitation.id,
        ...(convertedGuestId ? { guestUserId: convertedGuestId } : {}),
      },
      now: options.now,
    });
    return {
      ok: true,
      workshopId: invitation.workshopId,
      alreadyMember: false,
      ...(convertedGuestId ? { convertedGuestId } : {}),
    };
  });
}

// --- contributions issue: an invitation link may point at a call for contributions ---

/** Points an invitation (by its token) at a call of the same workshop; false when they do not match. */
export async function setCall(
  sql: Queryable,
  options: { token: string; workshopId: string; callId: string },
): Promise<boolean> {
  const rows = await sql`
    update invitations i set call_id = c.id
    from calls c
    where i.token_hash = ${tokenHashOf(options.token)} and i.workshop_id = ${options.workshopId}
      and c.id = ${options.callId} and c.workshop_id = i.workshop_id
    returning i.id`;
  return rows.length === 1;
}

/** The call an invitation link points at, if any. */
export async function callIdOf(sql: Queryable, options: { token: string }): Promise<string | null> {
  if (!isTokenShaped(options.token)) return null;
  const [row]: [{ callId: string | null }?] = await sql`
    select call_id from invitations where token_hash = ${tokenHashOf(options.token)}`;
  return row?.callId ?? null;
}
