// Builds the territory data of the skills model's default scenario: the EPCIs of North Lorraine,
// their communes with population and centroid. Reads @etalab/decoupage-administratif (EPCI
// membership, municipal populations) and the commune contours given as --geo <folder>; writes
// src/skills/data/north-lorraine-territory.ts. Method: src/skills/README.md.
// Run: pnpm --filter @atelier/domain exec tsx scripts/skills-territory.ts --geo <folder>
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoDirFromArgs } from './source-dir.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..');
const repoRoot = path.resolve(packageRoot, '../..');
const geoDir = geoDirFromArgs({
  argv: process.argv.slice(2),
  usage: 'pnpm --filter @atelier/domain exec tsx scripts/skills-territory.ts',
});
const etalab = path.join(packageRoot, 'node_modules/@etalab/decoupage-administratif');
const out = path.join(packageRoot, 'src/skills/data/north-lorraine-territory.ts');

/**
 * The EPCIs of North Lorraine named in shared/data/FACTS.md, by SIREN. FACTS.md also names a
 * "CC des Sources de l'Orne"; the only EPCI of that name (200035111) is in the Orne department
 * (Normandy), so it is left out.
 */
const EPCI_CODES = [
  '200039865', // Metz Métropole
  '245701362', // CA Portes de France-Thionville
  '245701222', // CA du Val de Fensch
  '245701271', // CC du Pays Orne Moselle
  '200039949', // CC Rives de Moselle
  '245701354', // CC de l'Arc Mosellan
  '245700695', // CC de Cattenom et Environs
  '245701404', // CC du Pays Haut Val d'Alzette
  '245400262', // CA Grand Longwy Agglomération
  '200070845', // CC Orne Lorraine Confluences
  '200070290', // CC Coeur du Pays Haut
  '200070738', // CC Mad et Moselle
  '200039907', // CC du Sud Messin
  '200067957', // CC Haut Chemin - Pays de Pange
];

interface Epci {
  code: string;
  nom: string;
  membres: { code: string; nom: string; populationMunicipale?: number }[];
}
interface Commune {
  code: string;
  type: string;
  anciensCodes?: string[];
}
type Position = [number, number];
interface Feature {
  properties: { code: string };
  geometry:
    { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const version = readJson<{ version: string }>(path.join(etalab, 'package.json')).version;
const epcis = readJson<Epci[]>(path.join(etalab, 'data/epci.json'));
const communes = readJson<Commune[]>(path.join(etalab, 'data/communes.json'));
const features = ['communes-57-moselle.geojson', 'communes-54-meurthe-et-moselle.geojson'].flatMap(
  (file) => readJson<{ features: Feature[] }>(path.join(geoDir, file)).features,
);

/** Area-weighted centroid of the largest outer ring (planar, fine at commune scale). */
function centroid(feature: Feature): { lon: number; lat: number; area: number } {
  const rings =
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates[0]!]
      : feature.geometry.coordinates.map((p) => p[0]!);
  let best = { lon: 0, lat: 0, area: -1 };
  for (const ring of rings) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j]!;
      const [x1, y1] = ring[i]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    const area = Math.abs(a / 2);
    if (area > best.area) best = { lon: cx / (3 * a), lat: cy / (3 * a), area };
  }
  return best;
}

const centroids = new Map(features.map((f) => [f.properties.code, centroid(f)]));
const former = new Map(
  communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c.anciensCodes ?? []]),
);
const problems: string[] = [];

/** A current commune's centroid; merged communes use the area-weighted mean of their former codes. */
function communeCentroid(code: string): { lon: number; lat: number } | undefined {
  const direct = centroids.get(code);
  if (direct) return direct;
  const parts = (former.get(code) ?? []).flatMap((c) => centroids.get(c) ?? []);
  if (parts.length === 0) return undefined;
  const area = parts.reduce((s, p) => s + p.area, 0);
  return {
    lon: parts.reduce((s, p) => s + p.lon * p.area, 0) / area,
    lat: parts.reduce((s, p) => s + p.lat * p.area, 0) / area,
  };
}

const outsideContours: string[] = [];
const territories = EPCI_CODES.map((code) => {
  const epci = epcis.find((e) => e.code === code);
  if (!epci) throw new Error(`EPCI ${code} is not in @etalab/decoupage-administratif ${version}`);
  const located = epci.membres.map((m) => ({ m, c: communeCentroid(m.code) }));
  const known = located.filter((x) => x.c !== undefined);
  const weight = known.reduce((s, x) => s + (x.m.populationMunicipale ?? 0), 0);
  // Communes outside the two departments of shared/data/geo (e.g. one in Meuse) take the
  // population-weighted centroid of the rest of their EPCI.
  const mean = {
    lon: known.reduce((s, x) => s + x.c!.lon * (x.m.populationMunicipale ?? 0), 0) / weight,
    lat: known.reduce((s, x) => s + x.c!.lat * (x.m.populationMunicipale ?? 0), 0) / weight,
  };
  const members = located.map(({ m, c }) => {
    if (!c) {
      if (m.code.startsWith('54') || m.code.startsWith('57')) problems.push(`${m.code} ${m.nom}: no contour`);
      else outsideContours.push(`${m.code} ${m.nom}`);
    }
    const at = c ?? mean;
    return [
      m.code,
      m.populationMunicipale ?? 0,
      Number(at.lon.toFixed(5)),
      Number(at.lat.toFixed(5)),
    ] as const;
  });
  return { id: epci.code, name: epci.nom, communes: members };
});
if (problems.length) throw new Error(`communes without a centroid:\n${problems.join('\n')}`);

const communeCount = territories.reduce((s, t) => s + t.communes.length, 0);
const population = territories.reduce((s, t) => s + t.communes.reduce((p, c) => p + c[1], 0), 0);
const body = `// Generated by packages/domain/scripts/skills-territory.ts — do not edit by hand.
// EPCIs of North Lorraine with their communes: [INSEE code, municipal population, lon, lat].
// Sources: @etalab/decoupage-administratif ${version} (EPCI membership and populations, Licence Ouverte);
// centroids of the IGN Admin Express contours in shared/data/geo (gregoiredavid/france-geojson,
// Licence Ouverte); communes merged since 2018 take the area-weighted mean of their former communes;
// communes outside Moselle and Meurthe-et-Moselle (${outsideContours.join(', ') || 'none'}) the mean of their EPCI.
// ${territories.length} EPCIs, ${communeCount} communes, ${population} inhabitants.

export const NORTH_LORRAINE_TERRITORY_SOURCE =
  ${JSON.stringify(`@etalab/decoupage-administratif ${version} (Licence Ouverte); IGN Admin Express contours via gregoiredavid/france-geojson`)};

export const NORTH_LORRAINE_EPCIS: readonly {
  id: string;
  name: string;
  communes: readonly (readonly [code: string, population: number, lon: number, lat: number])[];
}[] = ${JSON.stringify(territories)};
`;
writeFileSync(out, body);
console.log(
  `wrote ${path.relative(repoRoot, out)}: ${territories.length} EPCIs, ${communeCount} communes, ${population} inhabitants`,
);
