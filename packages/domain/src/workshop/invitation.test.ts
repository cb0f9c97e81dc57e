import { describe, expect, it } from 'vitest';
import { invitationState, type InvitationFacts } from './invitation.ts';

const now = new Date('2026-11-26T10:00:00Z');
const open: InvitationFacts = {
  expiresAt: new Date('2026-12-01T00:00:00Z'),
  uses: 0,
  maxUses: 2,
  revokedAt: null,
  workshopStatus: 'scheduled',
};

describe('invitationState', () => {
  it('is valid before its expiry with uses left', () => {
    expect(invitationState(open, now)).toBe('valid');
  });

  it('is expired from its expiry time on', () => {
    expect(invitationState({ ...open, expiresAt: now }, now)).toBe('expired');
  });

  it('is used up once every use is taken', () => {
    expect(invitationState({ ...open, uses: 2 }, now)).toBe('used_up');
  });

  it('is revoked whatever else holds', () => {
    expect(invitationState({ ...open, uses: 2, expiresAt: now, revokedAt: now }, now)).toBe('revoked');
  });

  it('lets nobody join a closed workshop', () => {
    expect(invitationState({ ...open, workshopStatus: 'closed' }, now)).toBe('workshop_closed');
  });
});
