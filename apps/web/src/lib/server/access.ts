import {
  organisations,
  workshops,
  type Organisation,
  type Queryable,
  type SessionUser,
  type WorkshopDetails,
} from '@atelier/db';
import { can, type Action, type Actor, type WorkshopResource } from '@atelier/domain';
import { error } from '@sveltejs/kit';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a UUID: ids from URLs and forms are checked before any query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The person as the authorisation policy sees them: admin flag and organisations. Without a
 * person (a caller that skipped `requireUser`) it refuses with 401 rather than reading a
 * property of nothing.
 */
export async function actorOf(sql: Queryable, user: SessionUser): Promise<Actor> {
  signedIn(user);
  const mine = await organisations.listForUser(sql, { userId: user.id });
  return {
    userId: user.id,
    isAdmin: user.isAdmin,
    organisations: mine.map((o) => ({ id: o.id, kind: o.kind, role: o.role })),
    ...(user.kind === 'guest' ? { guest: true } : {}),
  };
}

/** Refuses with 403 unless the policy allows the action on the platform. */
export async function requirePlatform(sql: Queryable, user: SessionUser, action: Action): Promise<Actor> {
  const actor = await actorOf(sql, user);
  if (!can(actor, action, { type: 'platform' })) error(403, 'Forbidden');
  return actor;
}

/**
 * Refuses with 401 when a caller passes no person. The types say there is always one; this
 * check is for the runtime, so that a missing guard gives a 401 and never a property read on
 * null beside a pending query (which once became an unhandled rejection that stopped the server).
 */
function signedIn(user: SessionUser | null | undefined): asserts user is SessionUser {
  if (!user) error(401, 'Sign in first');
}

export interface WorkshopAccess {
  actor: Actor;
  workshop: WorkshopDetails;
  resource: WorkshopResource;
  /** Whether the policy allows an action on this workshop. */
  allows(action: Action): boolean;
}

/**
 * Loads a workshop for a person. A malformed id, an unknown workshop and a
 * workshop the person may not read all answer 404, so ids of other workshops
 * reveal nothing; a readable workshop where the action is refused answers 403.
 */
export async function workshopAccess(
  sql: Queryable,
  options: { user: SessionUser; workshopId: string; action?: Action },
): Promise<WorkshopAccess> {
  const { user } = options;
  signedIn(user);
  if (!isUuid(options.workshopId)) error(404, 'Not found');
  const workshop = await workshops.findById(sql, { id: options.workshopId });
  if (!workshop) error(404, 'Not found');
  // One query after the other: nothing is evaluated beside a pending promise that could throw.
  const actor = await actorOf(sql, user);
  const seat = await workshops.seatOf(sql, { workshopId: workshop.id, userId: user.id });
  const resource: WorkshopResource = { type: 'workshop', id: workshop.id, status: workshop.status, seat };
  if (!can(actor, 'workshop.read', resource)) error(404, 'Not found');
  if (options.action && !can(actor, options.action, resource)) error(403, 'Forbidden');
  return { actor, workshop, resource, allows: (action) => can(actor, action, resource) };
}

export interface OrganisationAccess {
  actor: Actor;
  organisation: Organisation;
  allows(action: Action): boolean;
}

/** Loads an organisation for a person, with the same 404/403 rules as workshops. */
export async function organisationAccess(
  sql: Queryable,
  options: { user: SessionUser; organisationId: string; action?: Action },
): Promise<OrganisationAccess> {
  signedIn(options.user);
  if (!isUuid(options.organisationId)) error(404, 'Not found');
  const organisation = await organisations.findById(sql, { id: options.organisationId });
  if (!organisation) error(404, 'Not found');
  const actor = await actorOf(sql, options.user);
  const resource = { type: 'organisation' as const, id: organisation.id };
  if (!can(actor, 'organisation.read', resource)) error(404, 'Not found');
  if (options.action && !can(actor, options.action, resource)) error(403, 'Forbidden');
  return { actor, organisation, allows: (action) => can(actor, action, resource) };
}
