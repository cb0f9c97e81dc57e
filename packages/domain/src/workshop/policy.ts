import type { MembershipRole, OrganisationKind } from './organisation-kind.ts';
import type { WorkshopRole, WorkshopStatus } from './workshop.ts';

/** Who is acting: a signed-in person, with the organisations they belong to. */
export interface Actor {
  userId: string;
  /** A platform administrator (of the métropole). */
  isAdmin: boolean;
  organisations: readonly { id: string; kind: OrganisationKind; role: MembershipRole }[];
  /**
   * A guest: someone who joined one workshop by its code, without an account (no e-mail,
   * no password). A guest acts only through their seat in that workshop.
   */
  guest?: boolean;
}

/** What a guest's seat allows beyond ideas, votes, hands and reactions (set by the facilitator). */
export interface GuestRights {
  /** Add needs for the organisation the guest chose (never for another one, never without one). */
  needs: boolean;
}

/** The actor's seat in one workshop, when they have one. */
export interface WorkshopSeat {
  role: WorkshopRole;
  /** The organisation the actor represents in this workshop (empty for an unaffiliated guest). */
  organisationId: string;
  /** A guest's seat (role `participant`, guest rights): see {@link GuestRights}. */
  guest?: GuestRights;
}

export interface WorkshopResource {
  type: 'workshop';
  id: string;
  status: WorkshopStatus;
  /** The actor's membership in this workshop, as read from `workshop_members`. */
  seat: WorkshopSeat | undefined;
}

/** Something in a workshop that belongs to an organisation: a need, a roadmap action, a contribution. */
export interface OrganisationItemResource {
  type: 'organisation-item';
  workshop: WorkshopResource;
  organisationId: string;
}

export type Resource =
  { type: 'platform' } | { type: 'organisation'; id: string } | WorkshopResource | OrganisationItemResource;

export const PLATFORM_ACTIONS = [
  'workshop.create',
  'organisation.create',
  /** Create an organisation of kind `metropole`, or give that kind to one: its members may create workshops. */
  'organisation.createMetropole',
  'audit.read',
  /** Mark an organisation verified (issue 20): calls limited to verified organisations then reach it. */
  'organisation.verify',
] as const;
export const ORGANISATION_ACTIONS = [
  'organisation.read',
  'organisation.update',
  'organisation.manageMembers',
] as const;
export const WORKSHOP_ACTIONS = [
  'workshop.read',
  'workshop.presence',
  'workshop.export',
  'workshop.update',
  'workshop.changeStatus',
  'workshop.manageMembers',
  'workshop.manageInvitations',
  /** Open and close guest access (join code), see and remove guests, invite one to an account. */
  'workshop.manageGuests',
  /** Open the presenter view (projector): agenda step, join code, timer, results, board. */
  'workshop.present',
  'workshop.writeFacilitation',
  'workshop.moderate',
  'workshop.writeContent',
  'workshop.contribute',
  'workshop.vote',
  'workshop.raiseHand',
  'workshop.react',
] as const;
export const ORGANISATION_ITEM_ACTIONS = ['item.edit', 'item.comment'] as const;

export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];
export type OrganisationAction = (typeof ORGANISATION_ACTIONS)[number];
export type WorkshopAction = (typeof WORKSHOP_ACTIONS)[number];
export type OrganisationItemAction = (typeof ORGANISATION_ITEM_ACTIONS)[number];
export type Action = PlatformAction | OrganisationAction | WorkshopAction | OrganisationItemAction;

/** Actions still allowed once a workshop is closed: it is read-only for everyone. */
const READ_ONLY_ACTIONS: ReadonlySet<WorkshopAction> = new Set([
  'workshop.read',
  'workshop.presence',
  'workshop.export',
]);

/** Actions on a workshop that each seat may take while it is open. */
const SEAT_ACTIONS: Record<WorkshopRole, ReadonlySet<WorkshopAction>> = {
  facilitator: new Set(WORKSHOP_ACTIONS),
  participant: new Set<WorkshopAction>([
    'workshop.read',
    'workshop.presence',
    'workshop.writeContent',
    'workshop.contribute',
    'workshop.vote',
    'workshop.raiseHand',
    'workshop.react',
  ]),
  observer: new Set<WorkshopAction>(['workshop.read', 'workshop.presence', 'workshop.present']),
};

/**
 * What a guest's seat allows: a participant's part in the room (ideas, votes, hands,
 * reactions), without contributions between workshops, exports or anything else.
 * What a guest may write in the documents is narrowed further by the write rules.
 */
const GUEST_ACTIONS: ReadonlySet<WorkshopAction> = new Set([
  'workshop.read',
  'workshop.presence',
  'workshop.writeContent',
  'workshop.vote',
  'workshop.raiseHand',
  'workshop.react',
]);

/** What a platform administrator may do in a workshop without a seat in it. */
const ADMIN_WORKSHOP_ACTIONS: ReadonlySet<WorkshopAction> = new Set([
  'workshop.read',
  'workshop.export',
  'workshop.update',
  'workshop.changeStatus',
  'workshop.manageMembers',
  'workshop.manageInvitations',
  'workshop.manageGuests',
]);

/**
 * The one authorisation policy of Atelier: may this actor do this action on this
 * resource? Every page, form action, server route and realtime handler asks it.
 *
 * - Workshops: facilitators may do everything, participants write content and take
 *   part (vote, raise a hand, react, contribute), observers only read. A closed
 *   workshop is read-only for everyone.
 * - Items owned by an organisation (needs, actions): facilitators edit all;
 *   participants edit those of the organisation they represent and comment on others.
 * - Organisations: their admins (and platform admins) edit them and their members.
 * - Guests act only through their seat in one workshop, with fewer rights than a participant
 *   (`GUEST_ACTIONS`); on the platform and on organisations they may do nothing.
 *
 * @param actor - the signed-in person
 * @param action - what they want to do; it must fit the resource's type
 * @param resource - what they want to do it to, with the actor's seat for workshops
 * @example can(actor, 'workshop.writeContent', { type: 'workshop', id, status: 'live', seat: { role: 'observer', organisationId } }) // false
 */
export function can(actor: Actor, action: Action, resource: Resource): boolean {
  switch (resource.type) {
    case 'platform':
      return !actor.guest && canOnPlatform(actor, action);
    case 'organisation':
      return !actor.guest && canOnOrganisation(actor, action, resource.id);
    case 'workshop':
      return canOnWorkshop(actor, action, resource);
    case 'organisation-item':
      return canOnItem(action, resource);
    default: {
      const unreachable: never = resource;
      return unreachable;
    }
  }
}

function canOnPlatform(actor: Actor, action: Action): boolean {
  switch (action) {
    case 'workshop.create':
      return actor.isAdmin || actor.organisations.some((o) => o.kind === 'metropole');
    case 'organisation.create':
      return true;
    case 'organisation.createMetropole':
    case 'audit.read':
    case 'organisation.verify':
      return actor.isAdmin;
    default:
      return false;
  }
}

function canOnOrganisation(actor: Actor, action: Action, organisationId: string): boolean {
  const membership = actor.organisations.find((o) => o.id === organisationId);
  switch (action) {
    case 'organisation.read':
      return actor.isAdmin || membership !== undefined;
    case 'organisation.update':
    case 'organisation.manageMembers':
      return actor.isAdmin || membership?.role === 'admin';
    default:
      return false;
  }
}

function isWorkshopAction(action: Action): action is WorkshopAction {
  return (WORKSHOP_ACTIONS as readonly string[]).includes(action);
}

function canOnWorkshop(actor: Actor, action: Action, workshop: WorkshopResource): boolean {
  if (!isWorkshopAction(action)) return false;
  if (workshop.status === 'closed' && !READ_ONLY_ACTIONS.has(action)) return false;
  const { seat } = workshop;
  // A guest's seat, or a guest without a seat (another workshop): never more than guest rights.
  if (actor.guest || seat?.guest) {
    return seat !== undefined && seat.role === 'participant' && GUEST_ACTIONS.has(action);
  }
  if (seat && SEAT_ACTIONS[seat.role].has(action)) return true;
  return actor.isAdmin && ADMIN_WORKSHOP_ACTIONS.has(action);
}

function canOnItem(action: Action, item: OrganisationItemResource): boolean {
  const { workshop } = item;
  if (workshop.status === 'closed' || !workshop.seat) return false;
  const { guest } = workshop.seat;
  if (guest) {
    // A guest edits their organisation's needs when the facilitator allows it, and comments on nothing.
    return (
      action === 'item.edit' &&
      guest.needs &&
      workshop.seat.organisationId !== '' &&
      workshop.seat.organisationId === item.organisationId
    );
  }
  switch (action) {
    case 'item.edit':
      return (
        workshop.seat.role === 'facilitator' ||
        (workshop.seat.role === 'participant' && workshop.seat.organisationId === item.organisationId)
      );
    case 'item.comment':
      return workshop.seat.role !== 'observer';
    default:
      return false;
  }
}
