// The ROME appellations: the job titles people write ("Soudeur / Soudeuse TIG", "Cariste"), each
// tied to the fiche a need carries (H2913). Read from the generated rows (France Travail, ROME
// v4.60); the typo-tolerant search over them is in appellation-search.ts.
import { APPELLATION_ROWS } from './appellation-rows.ts';
import { findRomeOccupation, listRomeOccupations, type RomeCode } from './rome.ts';

export type AppellationId = number & { __brand: 'AppellationId' };

/** One appellation of the ROME referential. */
export interface Appellation {
  /** France Travail's `code_ogr`. */
  id: AppellationId;
  label: string;
  /** The short label (at most about 60 characters), the long one when they are the same. */
  shortLabel: string;
  /** The fiche that groups it (`code_rome_parent`): what a need carries. */
  romeCode: RomeCode;
  /** `PRINCIPALE` in the referential: the fiche's main title rather than a synonym. */
  principal: boolean;
  /** `peu_usite`: a title rarely used. */
  rare: boolean;
}

/**
 * Parses the generated rows (`code_ogr|fiche|flags|long|short`).
 *
 * @example parseAppellations('19475|H2913|P|Soudeur / Soudeuse TIG|')[0]?.romeCode // 'H2913'
 */
export function parseAppellations(rows: string): Appellation[] {
  const out: Appellation[] = [];
  for (const line of rows.split('\n')) {
    const [id, romeCode, flags, label, short] = line.split('|');
    if (!id || !romeCode || flags === undefined || !label) continue;
    out.push({
      id: Number(id) as AppellationId,
      label,
      shortLabel: short || label,
      romeCode: romeCode as RomeCode,
      principal: flags.startsWith('P'),
      rare: flags.includes('r'),
    });
  }
  return out;
}

let all: Appellation[] | undefined;
let byFolded: Map<string, Appellation> | undefined;

/** Every bundled appellation (parsed once). */
export function listAppellations(): readonly Appellation[] {
  all ??= parseAppellations(APPELLATION_ROWS);
  return all;
}

/** Lower case without accents, spaces squeezed: how labels and what people type are compared. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The appellation with exactly this label (long or short, without regard to accents or case).
 *
 * @example findAppellationByLabel('cariste')?.romeCode // 'N1101'
 */
export function findAppellationByLabel(text: string): Appellation | undefined {
  if (!byFolded) {
    byFolded = new Map();
    // Principal titles win when a synonym of another fiche has the same words.
    const ordered = [...listAppellations()].sort((a, b) => Number(b.principal) - Number(a.principal));
    for (const appellation of ordered) {
      for (const label of [appellation.label, appellation.shortLabel]) {
        const key = foldText(label);
        if (!byFolded.has(key)) byFolded.set(key, appellation);
      }
    }
  }
  return byFolded.get(foldText(text));
}

/**
 * The ROME fiche code meant by what a person wrote: a code (`h2913`), a picker's display
 * (`H2913 — Soudage manuel`, `Soudeur / Soudeuse TIG (H2913)`), an appellation or a fiche label;
 * undefined otherwise.
 * Used by the forms without JavaScript and by the CSV of needs.
 *
 * @example resolveRomeCode('Soudeur / Soudeuse Tungsten Inert Gas -TIG-') // 'H2913'
 * @example resolveRomeCode('h2913') // 'H2913'
 */
export function resolveRomeCode(text: string): RomeCode | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const code =
    /^([A-Na-n]\d{4})(?:\s*[—–-]\s.*)?$/.exec(trimmed)?.[1] ?? /\(([A-N]\d{4})\)$/.exec(trimmed)?.[1];
  if (code) return findRomeOccupation(code.toUpperCase())?.code;
  const appellation = findAppellationByLabel(trimmed);
  if (appellation) return appellation.romeCode;
  const folded = foldText(trimmed);
  return listRomeOccupations().find((fiche) => foldText(fiche.label) === folded)?.code;
}
