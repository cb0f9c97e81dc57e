// The reference-data folder the territory scripts read, given on their command line: the data
// are not in the repository (only what the product reads, derived from them, is).
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder given as `--geo <folder>` (the commune contours `communes-57-moselle.geojson` and
 * `communes-54-meurthe-et-moselle.geojson`); exits with the usage when it is missing.
 */
export function geoDirFromArgs(options: { argv: readonly string[]; usage: string }): string {
  const at = options.argv.indexOf('--geo');
  const dir = at >= 0 ? options.argv[at + 1] : undefined;
  const expected = ['communes-57-moselle.geojson', 'communes-54-meurthe-et-moselle.geojson'];
  if (!dir || !expected.every((file) => existsSync(path.join(dir, file)))) {
    console.error(
      [
        `usage: ${options.usage} --geo <folder>`,
        `<folder> holds ${expected.join(' and ')}: the commune contours of`,
        'gregoiredavid/france-geojson (IGN Admin Express, INSEE codes of 2018, Licence Ouverte / Etalab),',
        'https://github.com/gregoiredavid/france-geojson (departements/57-moselle/communes-57-moselle.geojson, …).',
      ].join('\n'),
    );
    process.exit(2);
  }
  return path.resolve(dir);
}
