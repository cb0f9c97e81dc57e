// What this person may do with one entry of the needs register or the roadmap: the same
// rules the realtime server applies per seat (packages/domain write-rules.ts), so the room
// never sends an update the server would refuse (a refused update closes the connection).
import type { RoadmapAction, RoomSection } from '@atelier/domain';

/** The part of the room a rights check reads. */
export interface Seat {
  userId: string;
  organisationId: string | null;
  facilitator: boolean;
  /** A guest writes no comments (the write rules refuse them). */
  guest?: boolean;
  /** Whether this person writes in the section now (rights, workshop open, not locked). */
  canWrite: (section: RoomSection) => boolean;
}

/** Edits and deletes a need: facilitators any, participants their organisation's. */
export function canEditNeed(seat: Seat, need: { organisationId?: unknown }): boolean {
  if (!seat.canWrite('needs')) return false;
  return seat.facilitator || (seat.organisationId !== null && need.organisationId === seat.organisationId);
}

/** Edits and deletes an action: facilitators any, participants those their organisation owns. */
export function canEditAction(seat: Seat, action: Pick<RoadmapAction, 'ownerOrganisationId'>): boolean {
  if (!seat.canWrite('roadmap')) return false;
  return (
    seat.facilitator || (seat.organisationId !== null && action.ownerOrganisationId === seat.organisationId)
  );
}

/** Whether this person is a member of the action's owner organisation (who commits to it). */
export function ownsAction(seat: Seat, action: Pick<RoadmapAction, 'ownerOrganisationId'>): boolean {
  return seat.organisationId !== null && action.ownerOrganisationId === seat.organisationId;
}

/** Comments in a section, in one's organisation's name: anyone but a guest who writes there with a seat. */
export function canComment(seat: Seat, section: RoomSection): boolean {
  return !seat.guest && seat.organisationId !== null && seat.canWrite(section);
}

/** The organisations this person may file needs or own actions for. */
export function writableOrganisations(seat: Seat, workshopOrganisationIds: readonly string[]): string[] {
  if (seat.facilitator) return [...workshopOrganisationIds];
  return seat.organisationId === null ? [] : [seat.organisationId];
}
