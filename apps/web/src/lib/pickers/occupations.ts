// The occupation picker's options: ROME appellations found in everyday words, each leading to the
// fiche a need carries. The appellations and their index (559 kB, 113 kB compressed) are loaded
// by a dynamic import on first use, so no page pays for them until someone types a job.
import { findRomeOccupation, isRomeCode, listRomeOccupations } from '@atelier/domain';
import type { AppellationIndex } from '@atelier/domain/appellations';
import type { PickerOption } from './PickerCombobox.svelte';

let loading: Promise<AppellationIndex> | undefined;
/** The appellation of an exact title, once the appellations are loaded. */
let byLabel: ((text: string) => { romeCode: string } | undefined) | undefined;

/** The search index, built once per page (about 0.2 s). */
export function appellationIndex(): Promise<AppellationIndex> {
  loading ??= import('@atelier/domain/appellations').then((module) => {
    byLabel = module.findAppellationByLabel;
    return module.createAppellationIndex(module.listAppellations());
  });
  return loading;
}

/** "H2913 — Soudage manuel", or the text itself when it is no bundled fiche. */
export function ficheText(code: string): string {
  const fiche = findRomeOccupation(code);
  return fiche ? `${fiche.code} — ${fiche.label}` : code;
}

/**
 * The fiche meant by a typed text: a ROME code, a fiche as the picker shows it, or (once the
 * appellations are loaded) an appellation's exact title; else undefined.
 */
export function resolveFiche(text: string): string | undefined {
  const trimmed = text.trim();
  const code = trimmed.slice(0, 5).toUpperCase();
  if (isRomeCode(code) && findRomeOccupation(code) && (trimmed.length === 5 || trimmed === ficheText(code)))
    return code;
  return trimmed ? byLabel?.(trimmed)?.romeCode : undefined;
}

/**
 * Appellations for what a person typed, best first, each with its fiche; a ROME code or the
 * start of a fiche's label also offers the fiche itself.
 *
 * @example await occupationOptions('soudeur') // [{ value: 'H2913', label: 'Soudeur / Soudeuse Tungsten Inert Gas -TIG-', detail: 'H2913 — Soudage manuel' }, …]
 */
export async function occupationOptions(text: string, limit = 12): Promise<PickerOption[]> {
  const query = text.trim();
  if (query === '') return [];
  const code = query.toUpperCase();
  const fiches: PickerOption[] = listRomeOccupations()
    .filter(
      (fiche) => fiche.code.startsWith(code) || fiche.label.toLowerCase().startsWith(query.toLowerCase()),
    )
    .slice(0, 3)
    .map((fiche) => ({ value: fiche.code, label: ficheText(fiche.code) }));
  if (/^[A-N]\d{0,4}$/i.test(query)) return fiches;
  const index = await appellationIndex();
  const hits = index.search(query, { limit }).map(({ appellation }) => ({
    value: appellation.romeCode,
    label: appellation.label,
    detail: ficheText(appellation.romeCode),
  }));
  return [...hits, ...fiches].slice(0, limit);
}
