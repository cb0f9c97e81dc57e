// Labels of the scenario lab's model vocabulary, in the interface language.
import type { Mode, OccupationFamily } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

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

const FAMILY: Record<OccupationFamily, () => string> = {
  metalworking: () => m.lab_family_metalworking(),
  'industrial-production': () => m.lab_family_industrial_production(),
  'industrial-engineering': () => m.lab_family_industrial_engineering(),
  automotive: () => m.lab_family_automotive(),
  maintenance: () => m.lab_family_maintenance(),
  logistics: () => m.lab_family_logistics(),
  health: () => m.lab_family_health(),
  care: () => m.lab_family_care(),
  digital: () => m.lab_family_digital(),
  construction: () => m.lab_family_construction(),
  hospitality: () => m.lab_family_hospitality(),
  commerce: () => m.lab_family_commerce(),
  'business-services': () => m.lab_family_business_services(),
};

export function familyLabel(family: OccupationFamily): string {
  return FAMILY[family]();
}
