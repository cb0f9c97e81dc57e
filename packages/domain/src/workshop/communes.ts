// The communes of Moselle and Meurthe-et-Moselle by INSEE code: the one list the web app's forms
// and the report read (names, never codes, where a person reads them).
import { COMMUNE_ROWS } from './commune-rows.ts';

let byCode: Map<string, string> | undefined;

/**
 * The name of a commune of the territory's two departments, or undefined.
 *
 * @example communeName('57221') // 'Florange'
 */
export function communeName(code: string): string | undefined {
  byCode ??= new Map(COMMUNE_ROWS.map(([c, name]) => [c, name]));
  return byCode.get(code);
}

let byName: Map<string, string | null> | undefined;

const foldName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The INSEE code of a commune of the territory as a person wrote it: the code, a picker's
 * display (`Metz (57463)`) or the name without regard to accents, case or hyphens (`thionville`,
 * `Saint Avold`). A name two communes share gives undefined: the code is needed then.
 *
 * @example resolveCommuneCode('florange') // '57221'
 */
export function resolveCommuneCode(text: string): string | undefined {
  const trimmed = text.trim();
  const code =
    /^((?:2[AB]|\d{2})\d{3})$/i.exec(trimmed)?.[1] ?? /\(((?:2[AB]|\d{2})\d{3})\)$/i.exec(trimmed)?.[1];
  if (code) return communeName(code.toUpperCase()) ? code.toUpperCase() : undefined;
  if (!byName) {
    byName = new Map();
    for (const [c, name] of COMMUNE_ROWS) {
      const key = foldName(name);
      byName.set(key, byName.has(key) ? null : c);
    }
  }
  return byName.get(foldName(trimmed)) ?? undefined;
}
