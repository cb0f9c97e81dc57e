import { COMMUNE_ROWS } from '@atelier/domain';

export { COMMUNE_SOURCE } from '@atelier/domain';

export interface Commune {
  /** INSEE code, e.g. 57463 for Metz. */
  code: string;
  name: string;
}

export interface Department {
  code: '57' | '54';
  name: string;
  communes: readonly Commune[];
}

const byCode = new Map<string, Commune>(COMMUNE_ROWS.map(([code, name]) => [code, { code, name }]));

function departmentOf(code: '57' | '54', name: string): Department {
  const communes = [...byCode.values()]
    .filter((commune) => commune.code.startsWith(code))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return { code, name, communes };
}

/** The territory's communes grouped by department, Moselle first, each sorted by name. */
export const DEPARTMENTS: readonly Department[] = [
  departmentOf('57', 'Moselle'),
  departmentOf('54', 'Meurthe-et-Moselle'),
];

/** The commune of an INSEE code, or undefined when it is not one of the territory's. */
export function findCommune(code: string): Commune | undefined {
  return byCode.get(code);
}

/** "Metz (57463)", or the bare code when it is not in the list. */
export function communeLabel(code: string): string {
  const commune = byCode.get(code);
  return commune ? `${commune.name} (${commune.code})` : code;
}
