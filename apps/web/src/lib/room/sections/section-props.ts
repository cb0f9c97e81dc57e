import type { RoomSection } from '@atelier/domain';
import type { Room } from '../room.svelte.ts';

/** Every section of the room receives the room and whether it is the visible tab. */
export interface SectionProps {
  room: Room;
  /** The section's tab is selected (a hidden section may skip expensive rendering). */
  active: boolean;
  /** Selects another section's tab and moves the focus to it (the agenda's links to sections). */
  open: (section: RoomSection) => void;
}
