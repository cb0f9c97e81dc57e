import type { WorkshopStatus } from './workshop.ts';

/** What an invitation link allows today. */
export const INVITATION_STATES = ['valid', 'expired', 'used_up', 'revoked', 'workshop_closed'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export interface InvitationFacts {
  expiresAt: Date;
  uses: number;
  maxUses: number;
  revokedAt: Date | null;
  workshopStatus: WorkshopStatus;
}

/**
 * The state of an invitation at a given time. Revocation wins over everything,
 * then a closed workshop (read-only for everyone), then expiry, then uses.
 *
 * @param invitation - its expiry, uses, revocation and the status of its workshop
 * @param now - the time of the check
 * @example invitationState({ expiresAt, uses: 3, maxUses: 3, revokedAt: null, workshopStatus: 'live' }, now) // 'used_up'
 */
export function invitationState(invitation: InvitationFacts, now: Date): InvitationState {
  if (invitation.revokedAt) return 'revoked';
  if (invitation.workshopStatus === 'closed') return 'workshop_closed';
  if (now.getTime() >= invitation.expiresAt.getTime()) return 'expired';
  if (invitation.uses >= invitation.maxUses) return 'used_up';
  return 'valid';
}
