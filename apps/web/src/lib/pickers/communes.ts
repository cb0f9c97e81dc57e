// The commune picker's options: the territory's communes by name without accents or case, those
// whose name starts with the words first ("thionv": Thionville before Puttelange-lès-Thionville).
import { resolveCommuneCode } from '@atelier/domain';
import { DEPARTMENTS, findCommune } from '$lib/territory/communes.ts';
import type { PickerOption } from './PickerCombobox.svelte';

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

let all: { option: PickerOption; folded: string }[] | undefined;

function list() {
  all ??= DEPARTMENTS.flatMap((department) =>
    department.communes.map((commune) => ({
      option: { value: commune.code, label: commune.name, detail: `${department.name} · ${commune.code}` },
      folded: fold(commune.name),
    })),
  );
  return all;
}

/** "Metz (57463)", or the text itself when it is no commune of the territory. */
export function communeText(code: string): string {
  const commune = findCommune(code);
  return commune ? `${commune.name} (${commune.code})` : code;
}

/** The code meant by a typed code, name or "Metz (57463)"; undefined otherwise. */
export function resolveCommune(text: string): string | undefined {
  return text.trim() ? resolveCommuneCode(text) : undefined;
}

/**
 * Communes for what a person typed (a name or the start of an INSEE code), best first.
 *
 * @example communeOptions('thionv')[0]?.label // 'Thionville'
 */
export function communeOptions(text: string, limit = 12): PickerOption[] {
  const query = fold(text);
  if (query === '') return [];
  if (/^\d/.test(query))
    return list()
      .filter((c) => c.option.value.startsWith(query))
      .slice(0, limit)
      .map((c) => c.option);
  const ranked: PickerOption[][] = [[], [], []];
  for (const commune of list()) {
    const at = commune.folded.indexOf(query);
    if (at < 0) continue;
    ranked[at === 0 ? 0 : commune.folded.includes(` ${query}`) ? 1 : 2]!.push(commune.option);
  }
  return ranked.flat().slice(0, limit);
}
