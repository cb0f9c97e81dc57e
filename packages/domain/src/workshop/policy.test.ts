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
  observer: ['workshop.read', 'workshop.presence'],
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
