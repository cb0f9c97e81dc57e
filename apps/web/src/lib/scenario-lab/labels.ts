// Labels of the scenario lab's model vocabulary, in the interface language.
import { occupationFamilyName, type Mode, type OccupationFamily } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';

export const MODES_SHOWN: readonly Mode[] = ['car', 'car-passenger', 'pt', 'bike', 'walk'];

export function modeLabel(mode: Mode): string {
  switch (mode) {
    case 'car':
      return m.lab_mode_car();
    case 'car-passenger':
      return m.lab_mode_passenger();
    case 'pt':
      return m.lab_mode_pt();
    case 'bike':
      return m.lab_mode_bike();
    case 'walk':
      return m.lab_mode_walk();
  }
}

/** A family's name in the interface language, from the domain's one table (the report reads it too). */
export function familyLabel(family: OccupationFamily): string {
  return occupationFamilyName(family, getLocale());
}
