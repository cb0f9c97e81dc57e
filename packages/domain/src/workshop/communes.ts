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
