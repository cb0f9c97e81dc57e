import { describe, expect, it } from 'vitest';
import {
  can,
  ORGANISATION_ITEM_ACTIONS,
  WORKSHOP_ACTIONS,
  type Actor,
  type WorkshopAction,
  type WorkshopResource,
} from './policy.ts';
import { WORKSHOP_ROLES, WORKSHOP_STATUSES, type WorkshopRole, type WorkshopStatus } from './workshop.ts';

const person: Actor = {
  userId: 'u1',
  isAdmin: false,
  organisations: [{ id: 'org-a', kind: 'company', role: 'member' }],
};
const admin: Actor = {
  userId: 'u0',
  isAdmin: true,
  organisations: [{ id: 'metz', kind: 'metropole', role: 'admin' }],
};

function workshop(status: WorkshopStatus, role?: WorkshopRole, organisationId = 'org-a'): WorkshopResource {
  return { type: 'workshop', id: 'w1', status, seat: role ? { role, organisationId } : undefined };
}

/** The expected answer for a seat, written out as a table so that a change to the policy shows here. */
const EXPECTED: Record<WorkshopRole, readonly WorkshopAction[]> = {
  facilitator: WORKSHOP_ACTIONS,
  participant: [
    'workshop.read',
    'workshop.presence',
    'workshop.writeContent',
    'workshop.contribute',
    'workshop.vote',
    'workshop.raiseHand',
    'workshop.react',
  ],
  observer: ['workshop.read', 'workshop.presence', 'workshop.present'],
};
const READ_ONLY: readonly WorkshopAction[] = ['workshop.read', 'workshop.presence', 'workshop.export'];

describe('can() on workshops: every role × every action × every status', () => {
  for (const status of WORKSHOP_STATUSES) {
    for (const role of WORKSHOP_ROLES) {
      for (const action of WORKSHOP_ACTIONS) {
        const allowed =
          EXPECTED[role].includes(action) && (status !== 'closed' || READ_ONLY.includes(action));
        it(`${role} ${allowed ? 'may' : 'may not'} ${action} in a ${status} workshop`, () => {
          expect(can(person, action, workshop(status, role))).toBe(allowed);
        });
      }
    }
  }

  it('gives nothing to a person without a seat', () => {
    for (const action of WORKSHOP_ACTIONS) expect(can(person, action, workshop('live'))).toBe(false);
  });

  it('lets a platform administrator manage a workshop without a seat, but not write its content', () => {
    expect(can(admin, 'workshop.read', workshop('live'))).toBe(true);
    expect(can(admin, 'workshop.manageMembers', workshop('live'))).toBe(true);
    expect(can(admin, 'workshop.writeContent', workshop('live'))).toBe(false);
    expect(can(admin, 'workshop.changeStatus', workshop('closed'))).toBe(false);
  });

  it('refuses actions that do not belong to a workshop', () => {
    expect(can(admin, 'audit.read', workshop('live', 'facilitator'))).toBe(false);
  });
});

describe('can() on items owned by an organisation', () => {
  const item = (role: WorkshopRole, owner: string, status: WorkshopStatus = 'live') => ({
    type: 'organisation-item' as const,
    workshop: workshop(status, role, 'org-a'),
    organisationId: owner,
  });

  it('lets participants edit the rows of the organisation they represent, and comment on the others', () => {
    expect(can(person, 'item.edit', item('participant', 'org-a'))).toBe(true);
    expect(can(person, 'item.edit', item('participant', 'org-b'))).toBe(false);
    expect(can(person, 'item.comment', item('participant', 'org-b'))).toBe(true);
  });

  it('lets facilitators edit every row and observers none', () => {
    expect(can(person, 'item.edit', item('facilitator', 'org-b'))).toBe(true);
    expect(can(person, 'item.edit', item('observer', 'org-a'))).toBe(false);
    expect(can(person, 'item.comment', item('observer', 'org-b'))).toBe(false);
  });

  it('freezes every row of a closed workshop', () => {
    for (const action of ORGANISATION_ITEM_ACTIONS) {
      expect(can(person, action, item('facilitator', 'org-a', 'closed'))).toBe(false);
    }
  });
});

describe('can() on organisations and the platform', () => {
  it('lets organisation admins and platform admins manage an organisation, members only read it', () => {
    const orgAdmin: Actor = { ...person, organisations: [{ id: 'org-a', kind: 'company', role: 'admin' }] };
    expect(can(person, 'organisation.read', { type: 'organisation', id: 'org-a' })).toBe(true);
    expect(can(person, 'organisation.update', { type: 'organisation', id: 'org-a' })).toBe(false);
    expect(can(orgAdmin, 'organisation.manageMembers', { type: 'organisation', id: 'org-a' })).toBe(true);
    expect(can(orgAdmin, 'organisation.update', { type: 'organisation', id: 'org-b' })).toBe(false);
    expect(can(person, 'organisation.read', { type: 'organisation', id: 'org-b' })).toBe(false);
    expect(can(admin, 'organisation.update', { type: 'organisation', id: 'org-b' })).toBe(true);
  });

  it('lets the métropole create workshops, and only administrators read the audit log', () => {
    const metropoleMember: Actor = {
      ...person,
      organisations: [{ id: 'metz', kind: 'metropole', role: 'member' }],
    };
    expect(can(metropoleMember, 'workshop.create', { type: 'platform' })).toBe(true);
    expect(can(person, 'workshop.create', { type: 'platform' })).toBe(false);
    expect(can(person, 'organisation.create', { type: 'platform' })).toBe(true);
    expect(can(metropoleMember, 'audit.read', { type: 'platform' })).toBe(false);
    expect(can(admin, 'audit.read', { type: 'platform' })).toBe(true);
  });
});

describe('can() on organisations of the métropole', () => {
  it('lets only platform administrators create one, since its members may create workshops', () => {
    const orgAdmin: Actor = { ...person, organisations: [{ id: 'org-a', kind: 'company', role: 'admin' }] };
    const metropoleMember: Actor = {
      ...person,
      organisations: [{ id: 'metz', kind: 'metropole', role: 'admin' }],
    };
    expect(can(admin, 'organisation.createMetropole', { type: 'platform' })).toBe(true);
    expect(can(orgAdmin, 'organisation.createMetropole', { type: 'platform' })).toBe(false);
    expect(can(metropoleMember, 'organisation.createMetropole', { type: 'platform' })).toBe(false);
  });
});

describe('can() for guests (joined one workshop by its code, no account)', () => {
  const guest: Actor = { userId: 'g1', isAdmin: false, organisations: [], guest: true };
  const seated = (status: WorkshopStatus = 'live', needs = false, organisationId = ''): WorkshopResource => ({
    type: 'workshop',
    id: 'w1',
    status,
    seat: { role: 'participant', organisationId, guest: { needs } },
  });
  const GUEST: readonly WorkshopAction[] = [
    'workshop.read',
    'workshop.presence',
    'workshop.writeContent',
    'workshop.vote',
    'workshop.raiseHand',
    'workshop.react',
  ];

  it('lets a guest take part in their workshop (ideas, votes, hands, reactions) and nothing more', () => {
    for (const action of WORKSHOP_ACTIONS) {
      expect([action, can(guest, action, seated())]).toEqual([action, GUEST.includes(action)]);
    }
  });

  it('refuses exports, members, invitations, guests, the presenter view and calls to a guest', () => {
    for (const action of [
      'workshop.export',
      'workshop.manageMembers',
      'workshop.manageInvitations',
      'workshop.manageGuests',
      'workshop.present',
      'workshop.contribute',
      'workshop.writeFacilitation',
    ] as const) {
      expect(can(guest, action, seated())).toBe(false);
    }
  });

  it('refuses another workshop to a guest (no seat there), whatever the actor claims', () => {
    for (const action of WORKSHOP_ACTIONS) {
      expect(can(guest, action, workshop('live'))).toBe(false);
      expect(can({ ...guest, isAdmin: true }, action, workshop('live'))).toBe(false);
    }
  });

  it('keeps a guest seat to guest rights even for an actor not marked as a guest', () => {
    expect(can(person, 'workshop.export', seated())).toBe(false);
    expect(can(person, 'workshop.contribute', seated())).toBe(false);
    expect(can(person, 'workshop.vote', seated())).toBe(true);
  });

  it('freezes a guest in a closed workshop like everyone, without exports', () => {
    expect(can(guest, 'workshop.read', seated('closed'))).toBe(true);
    expect(can(guest, 'workshop.vote', seated('closed'))).toBe(false);
    expect(can(guest, 'workshop.export', seated('closed'))).toBe(false);
  });

  it('lets a guest edit needs only of their organisation, only when allowed, and comment on nothing', () => {
    const item = (needs: boolean, organisationId: string, owner: string) => ({
      type: 'organisation-item' as const,
      workshop: seated('live', needs, organisationId),
      organisationId: owner,
    });
    expect(can(guest, 'item.edit', item(false, 'org-a', 'org-a'))).toBe(false);
    expect(can(guest, 'item.edit', item(true, 'org-a', 'org-a'))).toBe(true);
    expect(can(guest, 'item.edit', item(true, 'org-a', 'org-b'))).toBe(false);
    expect(can(guest, 'item.edit', item(true, '', ''))).toBe(false);
    expect(can(guest, 'item.comment', item(true, 'org-a', 'org-a'))).toBe(false);
  });

  it('gives a guest nothing on the platform or on organisations', () => {
    for (const action of ['workshop.create', 'organisation.create', 'audit.read'] as const) {
      expect(can(guest, action, { type: 'platform' })).toBe(false);
    }
    const member: Actor = { ...guest, organisations: [{ id: 'org-a', kind: 'company', role: 'admin' }] };
    expect(can(member, 'organisation.read', { type: 'organisation', id: 'org-a' })).toBe(false);
  });

  it('lets facilitators and administrators manage guests, and facilitators and observers present', () => {
    expect(can(person, 'workshop.manageGuests', workshop('live', 'facilitator'))).toBe(true);
    expect(can(admin, 'workshop.manageGuests', workshop('live'))).toBe(true);
    expect(can(person, 'workshop.manageGuests', workshop('live', 'participant'))).toBe(false);
    expect(can(person, 'workshop.present', workshop('live', 'observer'))).toBe(true);
    expect(can(person, 'workshop.present', workshop('live', 'participant'))).toBe(false);
  });
});
