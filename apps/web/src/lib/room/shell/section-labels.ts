import type { RoomSection } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

/** The translated name of a room section (its tab's label). */
export function sectionLabel(section: RoomSection): string {
  switch (section) {
    case 'agenda':
      return m.room_section_agenda();
    case 'ideas':
      return m.room_section_ideas();
    case 'needs':
      return m.room_section_needs();
    case 'roadmap':
      return m.room_section_roadmap();
    case 'scenarios':
      return m.room_section_scenarios();
    case 'synthesis':
      return m.room_section_synthesis();
    default: {
      const unreachable: never = section;
      return unreachable;
    }
  }
}
