import type { Room } from '../room.svelte.ts';

/** Every section of the room receives the room and whether it is the visible tab. */
export interface SectionProps {
  room: Room;
  /** The section's tab is selected (a hidden section may skip expensive rendering). */
  active: boolean;
}
