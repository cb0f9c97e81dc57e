import { z } from 'zod';
import type { WorkshopAction } from '../workshop/policy.ts';

/**
 * The two Yjs documents of a workshop: `content` (needs, roadmap, ideas, scenarios,
 * synthesis) written by facilitators and participants, `facilitation` (agenda,
 * settings) written by facilitators only.
 */
export const ROOM_KINDS = ['content', 'facilitation'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** A Yjs room name: `<workshopId>/<kind>`, the path after `/yjs/`. */
export type RoomName = string & { __brand: 'RoomName' };

export interface ParsedRoom {
  workshopId: string;
  kind: RoomKind;
  name: RoomName;
}

const workshopIdSchema = z.uuid();

/**
 * Parses a room name; `undefined` when it is not `<uuid>/<content|facilitation>`.
 *
 * @param name - the room, e.g. taken from the URL path after `/yjs/`
 * @example parseRoomName('0b0e…/content') // { workshopId: '0b0e…', kind: 'content', name }
 */
export function parseRoomName(name: string): ParsedRoom | undefined {
  const [workshopId, kind, ...rest] = name.split('/');
  if (rest.length > 0 || !workshopId || !kind) return undefined;
  if (!workshopIdSchema.safeParse(workshopId).success) return undefined;
  if (!(ROOM_KINDS as readonly string[]).includes(kind)) return undefined;
  return {
    workshopId: workshopId.toLowerCase(),
    kind: kind as RoomKind,
    name: `${workshopId.toLowerCase()}/${kind}` as RoomName,
  };
}

/** The room name of one of a workshop's documents. */
export function roomName(workshopId: string, kind: RoomKind): RoomName {
  return `${workshopId}/${kind}` as RoomName;
}

/** The policy action needed to write a room's document. */
export function writeActionOf(kind: RoomKind): WorkshopAction {
  switch (kind) {
    case 'content':
      return 'workshop.writeContent';
    case 'facilitation':
      return 'workshop.writeFacilitation';
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
