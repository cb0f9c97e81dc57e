// Builds the default North Lorraine territory from data (method: src/mobility/territory/README.md).
// Reads @etalab/decoupage-administratif (populations, EPCI membership) and the commune
// contours given as --geo <folder>; writes src/mobility/territory/north-lorraine.json and
// src/mobility/territory/communes.geojson. Run: pnpm exec tsx packages/domain/scripts/build-north-lorraine.ts --geo <folder>
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoDirFromArgs } from './source-dir.ts';
import type {
  ExternalFlow,
  RoadClass,
  Territory,
  TerritoryPtLine,
  TerritoryRoadLink,
  TerritoryZone,
} from '../src/mobility/territory/territory.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '..');
const geoDir = geoDirFromArgs({
  argv: process.argv.slice(2),
  usage: 'pnpm exec tsx packages/domain/scripts/build-north-lorraine.ts',
});
const out = path.join(packageRoot, 'src/mobility/territory');
const etalab = path.join(packageRoot, 'node_modules/@etalab/decoupage-administratif/data');

interface Commune {
  code: string;
  nom: string;
  type: string;
  departement: string;
  arrondissement?: string;
  population?: number;
  anciensCodes?: string[];
}
interface Epci {
  code: string;
  nom: string;
  membres: { code: string; nom: string }[];
}
type Ring = [number, number][];
interface Feature {
  type: 'Feature';
  properties: { code: string; nom: string };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const communes = readJson<Commune[]>(path.join(etalab, 'communes.json')).filter(
  (c) => c.type === 'commune-actuelle',
);
const epcis = readJson<Epci[]>(path.join(etalab, 'epci.json'));
const features = ['communes-57-moselle.geojson', 'communes-54-meurthe-et-moselle.geojson'].flatMap(
  (file) => readJson<{ features: Feature[] }>(path.join(geoDir, file)).features,
);
const featureByCode = new Map(features.map((f) => [f.properties.code, f]));
const communeByCode = new Map(communes.map((c) => [c.code, c]));

// --- perimeter -------------------------------------------------------------------------
const METZ = '200039865';
/** FACTS.md's list. "CC des Sources de l'Orne" (200035111) is in the Orne département (Normandy): excluded. */
const EPCIS = [
  METZ,
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
/** EPCIs of the EDGT SCoTAM survey area that are in the perimeter (approximation of the SCoTAM). */
const SCOTAM = new Set([METZ, '245701271', '200039949', '200070738', '200039907', '200067957']);
const OWN_ZONE_POPULATION = 4000;
const GROUP_SIZE = 5;

// --- geometry ----------------------------------------------------------------------------
const KM_PER_DEG_LAT = 111.2;
const KM_PER_DEG_LON = 111.2 * Math.cos((49.2 * Math.PI) / 180);

function ringAreaCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    const cross = x0 * KM_PER_DEG_LON * y1 * KM_PER_DEG_LAT - x1 * KM_PER_DEG_LON * y0 * KM_PER_DEG_LAT;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  area /= 2;
  return area === 0
    ? { area: 0, x: ring[0]![0], y: ring[0]![1] }
    : { area, x: cx / (6 * area), y: cy / (6 * area) };
}

function featureGeometry(feature: Feature): { areaKm2: number; lon: number; lat: number } {
  const polygons =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  let area = 0;
  let x = 0;
  let y = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      const r = ringAreaCentroid(ring);
      const signed = (i === 0 ? 1 : -1) * Math.abs(r.area);
      area += signed;
      x += signed * r.x;
      y += signed * r.y;
    });
  }
  return { areaKm2: area, lon: x / area, lat: y / area };
}

function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
  const dx = (a.lon - b.lon) * KM_PER_DEG_LON;
  const dy = (a.lat - b.lat) * KM_PER_DEG_LAT;
  return Math.hypot(dx, dy);
}

// --- communes of the perimeter, with geometry --------------------------------------------
interface PerimeterCommune {
  code: string;
  name: string;
  epci: string;
  arrondissement: string;
  population: number;
  areaKm2: number;
  lon: number;
  lat: number;
  features: Feature[];
}
const perimeter: PerimeterCommune[] = [];
const skipped: string[] = [];
for (const code of EPCIS) {
  const epci = epcis.find((e) => e.code === code);
  if (!epci) throw new Error(`EPCI ${code} not found in epci.json`);
  for (const member of epci.membres) {
    const commune = communeByCode.get(member.code);
    if (!commune) throw new Error(`commune ${member.code} of ${epci.nom} not in communes.json`);
    // 2018 contours: a commune merged since then is the union of its former communes.
    const parts = [commune.code, ...(commune.anciensCodes ?? [])]
      .map((c) => featureByCode.get(c))
      .filter((f): f is Feature => f !== undefined);
    if (parts.length === 0) {
      skipped.push(
        `${commune.nom} (${commune.code}, département ${commune.departement}): no contour in geo/`,
      );
      continue;
    }
    let area = 0;
    let lon = 0;
    let lat = 0;
    for (const part of parts) {
      const g = featureGeometry(part);
      area += g.areaKm2;
      lon += g.areaKm2 * g.lon;
      lat += g.areaKm2 * g.lat;
    }
    perimeter.push({
      code: commune.code,
      name: commune.nom,
      epci: code,
      arrondissement: commune.arrondissement ?? '',
      population: commune.population ?? 0,
      areaKm2: area,
      lon: lon / area,
      lat: lat / area,
      features: parts,
    });
  }
}

// --- zoning --------------------------------------------------------------------------------
interface ZoneDraft {
  name: string;
  epci: string;
  members: PerimeterCommune[];
}
const drafts: ZoneDraft[] = [];
for (const code of EPCIS) {
  const members = perimeter.filter((c) => c.epci === code);
  const own = members.filter((c) => code === METZ || c.population >= OWN_ZONE_POPULATION);
  for (const c of own.sort((a, b) => b.population - a.population))
    drafts.push({ name: c.name, epci: code, members: [c] });
  const rest = members.filter((c) => !own.includes(c));
  if (rest.length === 0) continue;
  // Deterministic k-means on the centroids, seeded by farthest-point sampling from the largest commune.
  const k = Math.max(1, Math.round(rest.length / GROUP_SIZE));
  const byPopulation = [...rest].sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));
  const centres = [{ lon: byPopulation[0]!.lon, lat: byPopulation[0]!.lat }];
  while (centres.length < k) {
    let best = byPopulation[0]!;
    let bestDistance = -1;
    for (const c of byPopulation) {
      const d = Math.min(...centres.map((centre) => distanceKm(c, centre)));
      if (d > bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    centres.push({ lon: best.lon, lat: best.lat });
  }
  let assignment: number[] = [];
  for (let iteration = 0; iteration < 50; iteration++) {
    assignment = byPopulation.map((c) => {
      let best = 0;
      centres.forEach((centre, i) => {
        if (distanceKm(c, centre) < distanceKm(c, centres[best]!)) best = i;
      });
      return best;
    });
    centres.forEach((centre, i) => {
      const group = byPopulation.filter((_, j) => assignment[j] === i);
      if (group.length === 0) return;
      centre.lon = group.reduce((s, c) => s + c.lon, 0) / group.length;
      centre.lat = group.reduce((s, c) => s + c.lat, 0) / group.length;
    });
  }
  centres.forEach((_, i) => {
    const group = byPopulation.filter((_, j) => assignment[j] === i);
    if (group.length === 0) return;
    const name = group.length === 1 ? group[0]!.name : `${group[0]!.name} et ${group.length - 1} communes`;
    drafts.push({ name, epci: code, members: group });
  });
}

// Jobs: no employment file here. Jobs per resident rise with the commune's size (centres
// concentrate jobs), scaled so that the perimeter has 0.33 jobs per resident (estimate:
// many residents work in Luxembourg).
function jobRatio(population: number, code: string): number {
  if (code === '57463') return 0.85; // Metz: prefecture, regional services
  if (population >= 20000) return 0.55;
  if (population >= 8000) return 0.42;
  if (population >= 3000) return 0.3;
  if (population >= 1000) return 0.2;
  return 0.12;
}
const rawJobs = new Map(perimeter.map((c) => [c.code, c.population * jobRatio(c.population, c.code)]));
const totalPopulation = perimeter.reduce((s, c) => s + c.population, 0);
const rawJobTotal = [...rawJobs.values()].reduce((s, v) => s + v, 0);
const jobScale = (0.33 * totalPopulation) / rawJobTotal;

const zones: TerritoryZone[] = drafts.map((draft, i) => {
  const population = draft.members.reduce((s, c) => s + c.population, 0);
  const area = draft.members.reduce((s, c) => s + c.areaKm2, 0);
  const weight = population > 0 ? population : 1;
  const lon = draft.members.reduce((s, c) => s + c.lon * (population > 0 ? c.population : 1), 0) / weight;
  const lat = draft.members.reduce((s, c) => s + c.lat * (population > 0 ? c.population : 1), 0) / weight;
  const jobs = draft.members.reduce((s, c) => s + rawJobs.get(c.code)! * jobScale, 0);
  const largest = Math.max(...draft.members.map((c) => c.population));
  // Places in schools: primary everywhere (0.10 per resident), secondary in towns over 4,000
  // (0.08 per resident of the town), university in Metz (about 20,000 students, estimate).
  const students =
    population * 0.1 +
    (largest >= OWN_ZONE_POPULATION ? population * 0.08 : 0) +
    (draft.members[0]!.code === '57463' ? 20000 : 0);
  // Shops and services: a share of jobs growing with centrality.
  const shopsServices = jobs * (largest >= 20000 ? 0.45 : largest >= 4000 ? 0.35 : 0.25);
  // Mean intrazonal trip: a third of the radius of the disc of the same area, at least 0.8 km.
  const radius = Math.sqrt(area / Math.PI);
  const parkingCost = draft.members[0]!.code === '57463' ? 2.5 : draft.members[0]!.code === '57672' ? 1 : 0;
  return {
    id: draft.members.length === 1 ? draft.members[0]!.code : `G${draft.members[0]!.code}`,
    name: draft.name,
    kind: 'internal',
    epci: draft.epci,
    communes: draft.members.map((c) => c.code).sort(),
    population,
    jobs: Math.round(jobs),
    students: Math.round(students),
    shopsServices: Math.round(shopsServices),
    lon: round(lon, 5),
    lat: round(lat, 5),
    intrazonalKm: round(Math.max(0.8, (radius * 2) / 3), 2),
    parkingCost,
    calibration: SCOTAM.has(draft.epci),
  } satisfies TerritoryZone & { id: string };
  void i;
});

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// External zones (coordinates of their centres).
const EXTERNAL = [
  { id: 'X-LUX', name: 'Luxembourg (city)', lon: 6.1319, lat: 49.6116 },
  { id: 'X-ESCH', name: 'Esch-sur-Alzette', lon: 5.9806, lat: 49.4958 },
  { id: 'X-SAAR', name: 'Saarland (Saarbrücken)', lon: 6.9969, lat: 49.2402 },
  { id: 'X-NANCY', name: 'Nancy', lon: 6.1844, lat: 48.6921 },
  { id: 'X-WEST', name: 'Verdun and Paris (A4 west)', lon: 5.3844, lat: 49.1598 },
  { id: 'X-BEL', name: 'Belgium (Arlon)', lon: 5.8167, lat: 49.6833 },
];
for (const x of EXTERNAL) {
  zones.push({
    id: x.id,
    name: x.name,
    kind: 'external',
    communes: [],
    population: 0,
    jobs: 0,
    students: 0,
    shopsServices: 0,
    lon: x.lon,
    lat: x.lat,
    intrazonalKm: 1,
    parkingCost: 0,
    calibration: false,
  });
}
const Z = zones.length;
const zoneOfCommune = new Map<string, number>();
zones.forEach((zone, z) => zone.communes.forEach((code) => zoneOfCommune.set(code, z)));
const zoneIndex = (name: string): number => {
  if (name.startsWith('@')) {
    const z = zones.findIndex((zone) => zone.id === name.slice(1));
    if (z < 0) throw new Error(`unknown external zone ${name}`);
    return z;
  }
  const commune = perimeter.find((c) => c.name === name);
  if (!commune) throw new Error(`waypoint ${name} is not a commune of the perimeter`);
  return zoneOfCommune.get(commune.code)!;
};

// --- road network --------------------------------------------------------------------------
/** Per class: speed km/h, capacity per lane veh/h, detour factor over the straight line. */
const CLASS: Record<Exclude<RoadClass, 'connector'>, { speed: number; perLane: number; detour: number }> = {
  motorway: { speed: 110, perLane: 1900, detour: 1.15 },
  expressway: { speed: 90, perLane: 1800, detour: 1.2 },
  primary: { speed: 70, perLane: 1100, detour: 1.3 },
  local: { speed: 50, perLane: 700, detour: 1.35 },
};
const roadLinks: TerritoryRoadLink[] = [];
const roadNode = (z: number) => Z + z;
const seen = new Set<string>();
function addRoad(
  a: number,
  b: number,
  roadClass: Exclude<RoadClass, 'connector'>,
  lanes: number,
  name: string,
) {
  if (a === b) return;
  const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
  // A higher class replaces nothing: the first road between two zones wins (motorways first).
  if (seen.has(`${key}-${roadClass}`)) return;
  seen.add(`${key}-${roadClass}`);
  const spec = CLASS[roadClass];
  const lengthKm = round(Math.max(0.5, distanceKm(zones[a]!, zones[b]!) * spec.detour), 2);
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    roadLinks.push({
      from: roadNode(from),
      to: roadNode(to),
      lengthKm,
      speedKmh: spec.speed,
      lanes,
      capacity: spec.perLane * lanes,
      roadClass,
      name,
      vdf: 'bpr',
    });
  }
}
function addRoute(
  waypoints: string[],
  roadClass: Exclude<RoadClass, 'connector'>,
  lanes: number,
  name: string,
) {
  const path = waypoints.map(zoneIndex).filter((z, i, all) => i === 0 || z !== all[i - 1]);
  for (let i = 0; i + 1 < path.length; i++) addRoad(path[i]!, path[i + 1]!, roadClass, lanes, name);
}
// Motorways and expressways, following their real course through the towns they serve.
addRoute(
  ['Metz', 'Woippy', 'Maizières-lès-Metz', 'Talange', 'Hagondange', 'Richemont', 'Uckange', 'Thionville'],
  'motorway',
  3,
  'A31',
);
addRoute(['Thionville', 'Hettange-Grande', 'Zoufftgen', '@X-LUX'], 'motorway', 2, 'A31');
addRoute(['Metz', 'Augny', '@X-NANCY'], 'motorway', 2, 'A31');
addRoute(
  ['@X-WEST', 'Jarny', 'Sainte-Marie-aux-Chênes', 'Semécourt', 'Maizières-lès-Metz'],
  'motorway',
  2,
  'A4',
);
addRoute(['Maizières-lès-Metz', 'Argancy', '@X-SAAR'], 'motorway', 2, 'A4');
addRoute(['Uckange', 'Florange', 'Hayange', 'Knutange', 'Fontoy', 'Aumetz'], 'motorway', 2, 'A30');
addRoute(['Aumetz', 'Crusnes', 'Longwy', 'Mont-Saint-Martin', '@X-BEL'], 'expressway', 2, 'N52');
addRoute(['Metz', 'Ars-Laquenexy', 'Pange'], 'expressway', 2, 'Metz east (A31-N431 link, estimated)');
// Main roads between towns (route numbers not given: estimated course).
addRoute(['Metz', 'Argancy', 'Ennery', 'Yutz', 'Thionville'], 'primary', 1, 'Moselle east bank');
addRoute(
  ['Hagondange', 'Amnéville', 'Rombas', 'Moyeuvre-Grande', 'Jœuf', 'Homécourt', 'Val de Briey'],
  'primary',
  1,
  'Orne valley',
);
addRoute(['Metz', 'Sainte-Marie-aux-Chênes', 'Val de Briey'], 'primary', 1, 'Metz–Briey');
addRoute(['Val de Briey', 'Piennes', 'Audun-le-Roman', 'Crusnes'], 'primary', 1, 'Briey–Longwy');
addRoute(['Val de Briey', 'Jarny'], 'primary', 1, 'Briey–Jarny');
addRoute(['Hayange', 'Audun-le-Tiche', '@X-ESCH'], 'primary', 1, 'Fensch–Esch');
addRoute(['Villerupt', '@X-ESCH'], 'primary', 1, 'Villerupt–Esch');
addRoute(['Longwy', '@X-ESCH'], 'expressway', 2, 'Longwy–Pétange–Esch');
addRoute(['@X-ESCH', '@X-LUX'], 'motorway', 2, 'A4 (Luxembourg)');
addRoute(['Thionville', 'Cattenom'], 'primary', 1, 'Thionville–Cattenom');
addRoute(['Thionville', 'Metzervisse', 'Kédange-sur-Canner'], 'primary', 1, 'Thionville–Kédange');
addRoute(['Metz', 'Ars-sur-Moselle', 'Novéant-sur-Moselle'], 'primary', 1, 'Moselle west bank south');
addRoute(['Metz', 'Verny', 'Rémilly'], 'primary', 1, 'Metz–Rémilly');
addRoute(['Metz', 'Vigy'], 'primary', 1, 'Metz–Vigy');
addRoute(['Longwy', 'Villerupt', 'Audun-le-Tiche'], 'primary', 1, 'Longwy–Villerupt');
addRoute(['Thionville', 'Florange', 'Fameck', 'Rombas'], 'primary', 1, 'Thionville–Fameck–Rombas');
// Local connectors: every zone to its 4 nearest neighbours.
const internal = zones.map((_, z) => z).filter((z) => zones[z]!.kind === 'internal');
for (const a of internal) {
  const nearest = internal
    .filter((b) => b !== a)
    .sort((b, c) => distanceKm(zones[a]!, zones[b]!) - distanceKm(zones[a]!, zones[c]!))
    .slice(0, 4);
  for (const b of nearest) addRoad(a, b, 'local', 1, 'local road');
}
// Centroid connectors: half the intrazonal distance, never a bottleneck.
zones.forEach((zone, z) => {
  const lengthKm = round(Math.max(0.3, zone.intrazonalKm / 2), 2);
  for (const [from, to] of [
    [z, roadNode(z)],
    [roadNode(z), z],
  ] as const) {
    roadLinks.push({
      from,
      to,
      lengthKm,
      speedKmh: 30,
      lanes: 1,
      capacity: 99999,
      roadClass: 'connector',
      name: 'connector',
      vdf: 'bpr',
    });
  }
});

// --- public transport ----------------------------------------------------------------------
const ptLines: TerritoryPtLine[] = [];
function addLine(line: Omit<TerritoryPtLine, 'zones'> & { stops: string[] }) {
  const { stops, ...rest } = line;
  const path = stops.map(zoneIndex).filter((z, i, all) => i === 0 || z !== all[i - 1]);
  if (path.length < 2) return;
  ptLines.push({ ...rest, zones: path });
}
// TER (SNCF / Région Grand Est): peak and off-peak headways and speeds estimated from timetables'
// orders of magnitude (off-peak: about half the peak service; see the territory README).
addLine({
  id: 'TER-LUX',
  name: 'TER Metz–Thionville–Luxembourg',
  kind: 'rail',
  stops: ['Metz', 'Maizières-lès-Metz', 'Hagondange', 'Uckange', 'Thionville', 'Hettange-Grande', '@X-LUX'],
  headwayMinutes: 15,
  offPeakHeadwayMinutes: 30,
  speedKmh: 75,
  vehicleCapacity: 800,
  fare: 1,
  farePerKm: 0.07,
});
addLine({
  id: 'TER-NANCY',
  name: 'TER Metz–Nancy',
  kind: 'rail',
  stops: ['Metz', 'Ars-sur-Moselle', 'Novéant-sur-Moselle', '@X-NANCY'],
  headwayMinutes: 20,
  offPeakHeadwayMinutes: 30,
  speedKmh: 85,
  vehicleCapacity: 800,
  fare: 1,
  farePerKm: 0.07,
});
addLine({
  id: 'TER-JARNY',
  name: 'TER Metz–Conflans-Jarny',
  kind: 'rail',
  stops: ['Metz', 'Conflans-en-Jarnisy'],
  headwayMinutes: 60,
  offPeakHeadwayMinutes: 120,
  speedKmh: 60,
  vehicleCapacity: 300,
  fare: 1,
  farePerKm: 0.07,
});
addLine({
  id: 'TER-LONGWY',
  name: 'TER/CFL Longwy–Luxembourg',
  kind: 'rail',
  stops: ['Longwy', '@X-LUX'],
  headwayMinutes: 30,
  offPeakHeadwayMinutes: 60,
  speedKmh: 55,
  vehicleCapacity: 300,
  fare: 1,
  farePerKm: 0.07,
});
// Mettis (Le Met'): zone-level course of lines A (Woippy–Borny) and B (Saulcy–CHR Mercy); 24 m buses of 150 places.
addLine({
  id: 'METTIS-A',
  name: 'Mettis A Woippy–Borny',
  kind: 'brt',
  stops: ['Woippy', 'Metz'],
  headwayMinutes: 8,
  offPeakHeadwayMinutes: 12,
  speedKmh: 20,
  vehicleCapacity: 150,
  fare: 0.8,
  farePerKm: 0,
});
addLine({
  id: 'METTIS-B',
  name: 'Mettis B Saulcy–CHR Mercy',
  kind: 'brt',
  stops: ['Metz', 'Ars-Laquenexy'],
  headwayMinutes: 8,
  offPeakHeadwayMinutes: 12,
  speedKmh: 20,
  vehicleCapacity: 150,
  fare: 0.8,
  farePerKm: 0,
});
// Buses: Le Met' (Metz Métropole) and Citéline (Thionville-Fensch) radial lines; regional buses to the nearest hub.
const metz = zoneIndex('Metz');
const thionville = zoneIndex('Thionville');
const railOrBrt = new Set(ptLines.flatMap((l) => l.zones));
const hubs = ['Metz', 'Thionville', 'Val de Briey', 'Longwy', 'Hayange', 'Rombas', 'Jarny', 'Villerupt'].map(
  zoneIndex,
);
for (const z of internal) {
  const zone = zones[z]!;
  if (z === metz || z === thionville) continue;
  if (zone.epci === METZ) {
    const near = distanceKm(zone, zones[metz]!) < 6;
    ptLines.push({
      id: `MET-${zone.id}`,
      name: `Le Met' ${zone.name}–Metz`,
      kind: 'bus',
      zones: [z, metz],
      headwayMinutes: near ? 12 : 30,
      offPeakHeadwayMinutes: near ? 20 : 60,
      speedKmh: 20,
      vehicleCapacity: 90,
      fare: 0.8,
      farePerKm: 0,
    });
  } else if (zone.epci === '245701362' || zone.epci === '245701222') {
    ptLines.push({
      id: `CITE-${zone.id}`,
      name: `Citéline ${zone.name}–Thionville`,
      kind: 'bus',
      zones: [z, thionville],
      headwayMinutes: 20,
      offPeakHeadwayMinutes: 40,
      speedKmh: 22,
      vehicleCapacity: 90,
      fare: 0.8,
      farePerKm: 0,
    });
  } else if (!hubs.includes(z) || !railOrBrt.has(z)) {
    const hub = hubs
      .filter((h) => h !== z)
      .sort((a, b) => distanceKm(zone, zones[a]!) - distanceKm(zone, zones[b]!))[0]!;
    ptLines.push({
      id: `FLUO-${zone.id}`,
      name: `Fluo ${zone.name}–${zones[hub]!.name}`,
      kind: 'bus',
      zones: [z, hub],
      headwayMinutes: 60,
      offPeakHeadwayMinutes: 120,
      speedKmh: 35,
      vehicleCapacity: 60,
      fare: 2,
      farePerKm: 0,
    });
  }
}
// Intercity buses between hubs not linked by rail.
for (const [a, b] of [
  ['Val de Briey', 'Metz'],
  ['Longwy', 'Val de Briey'],
  ['Hayange', 'Thionville'],
  ['Rombas', 'Metz'],
  ['Villerupt', 'Longwy'],
] as const) {
  ptLines.push({
    id: `FLUO-${a}-${b}`,
    name: `Fluo ${a}–${b}`,
    kind: 'bus',
    zones: [zoneIndex(a), zoneIndex(b)],
    headwayMinutes: 30,
    offPeakHeadwayMinutes: 60,
    speedKmh: 40,
    vehicleCapacity: 60,
    fare: 2,
    farePerKm: 0,
  });
}

// --- external flows ------------------------------------------------------------------------
// 115,000 Lorraine residents work in Luxembourg (IBA-OIE 2023): 50.8 % live in the
// Thionville arrondissement, "more than a quarter" (taken as 26 %) in Briey (Val-de-Briey),
// 15.9 % in Metz. Each arrondissement's commuters are spread over its communes of the
// perimeter by population, scaled by the share of the arrondissement's population the
// perimeter holds. Two trips a day each, 90 % present on an average working day (estimate).
// Destinations: 60 % Luxembourg city, 40 % Esch-sur-Alzette (estimate).
const arrondissementPopulation = new Map<string, number>();
for (const c of communes) {
  if (!c.arrondissement) continue;
  arrondissementPopulation.set(
    c.arrondissement,
    (arrondissementPopulation.get(c.arrondissement) ?? 0) + (c.population ?? 0),
  );
}
const commuterShare: Record<string, number> = { '577': 0.508, '541': 0.26, '579': 0.159 };
const externalFlows: ExternalFlow[] = [];
const lux = zoneIndex('@X-LUX');
const esch = zoneIndex('@X-ESCH');
let luxCommuters = 0;
zones.forEach((zone, z) => {
  if (zone.kind !== 'internal') return;
  let commuters = 0;
  for (const code of zone.communes) {
    const c = perimeter.find((p) => p.code === code)!;
    const share = commuterShare[c.arrondissement] ?? 0;
    commuters += (115000 * share * c.population) / arrondissementPopulation.get(c.arrondissement)!;
  }
  if (commuters < 1) return;
  luxCommuters += commuters;
  const trips = commuters * 0.9;
  for (const [destination, part] of [
    [lux, 0.6],
    [esch, 0.4],
  ] as const) {
    externalFlows.push({
      origin: z,
      destination,
      tripsPerDay: round(trips * part, 1),
      purpose: 'home-work',
      crossBorder: true,
    });
    externalFlows.push({
      origin: destination,
      destination: z,
      tripsPerDay: round(trips * part, 1),
      purpose: 'home-work',
      crossBorder: true,
    });
  }
});
// Germany and Belgium: 133,400 − 115,000 = 18,400 Lorraine commuters (IBA-OIE 2023), most of
// them living in eastern Moselle, outside the perimeter: 4,000 to Saarland (from Metz) and 3,000
// to Belgium (from Longwy) are estimates, with the same 2 trips a day and 90 % presence.
for (const [name, target, commuters] of [
  ['Metz', '@X-SAAR', 4000],
  ['Longwy', '@X-BEL', 3000],
] as const) {
  const o = zoneIndex(name);
  const d = zoneIndex(target);
  externalFlows.push({ origin: o, destination: d, tripsPerDay: commuters * 0.9, purpose: 'home-work' });
  externalFlows.push({ origin: d, destination: o, tripsPerDay: commuters * 0.9, purpose: 'home-work' });
}
// Other exchanges (estimates, illustrative): Metz–Nancy 20,000 and Metz–A4 west 10,000 trips a day each way.
for (const [name, target, trips] of [
  ['Metz', '@X-NANCY', 20000],
  ['Metz', '@X-WEST', 10000],
] as const) {
  const o = zoneIndex(name);
  const d = zoneIndex(target);
  externalFlows.push({ origin: o, destination: d, tripsPerDay: trips, purpose: 'other' });
  externalFlows.push({ origin: d, destination: o, tripsPerDay: trips, purpose: 'other' });
}

// --- write -----------------------------------------------------------------------------------
const previous = (() => {
  try {
    return readJson<Territory>(path.join(out, 'north-lorraine.json')).calibration;
  } catch {
    return undefined;
  }
})();
const territory: Territory = {
  name: 'North Lorraine (Metz metropolitan area and neighbouring EPCIs)',
  sources: [
    'Communes, populations, EPCI membership: @etalab/decoupage-administratif 6.0.0 (Licence Ouverte).',
    'Commune contours: gregoiredavid/france-geojson (IGN Admin Express 2018, Licence Ouverte), via shared/data/geo.',
    'Cross-border commuters: IBA-OIE 2023; mode-share targets: EDGT SCoTAM 2016-17 (see shared/data/FACTS.md).',
  ],
  illustrative: [
    'Jobs, school places and shops/services per zone are estimated from population (no employment file).',
    'Road links other than the A31, A4, A30 and N52 are straight town-to-town links with estimated detour, speed and capacity.',
    'PT frequencies, speeds, capacities and fares are orders of magnitude, not timetables.',
    'Destinations of cross-border commuters (60 % Luxembourg city, 40 % Esch) and the other external flows are estimates.',
    'Parking costs (Metz 2.50 €, Thionville 1 € per trip) are estimates.',
  ],
  zones,
  roadLinks,
  ptLines,
  externalFlows,
  calibration: previous ?? {
    constants: [0, 0, 0, 0, 0],
    targets: { car: 0.47, 'car-passenger': 0.13, pt: 0.07, bike: 0.02, walk: 0.31 },
    targetSource:
      'EDGT SCoTAM 2016-17 (Metz planning area): car 60 % (split 47 % driver / 13 % passenger, estimated from an occupancy of about 1.28), walk 31 %, PT 7 %, bike and other 2 %.',
  },
};
writeFileSync(path.join(out, 'north-lorraine.json'), JSON.stringify(territory) + '\n');

const contours = {
  type: 'FeatureCollection',
  source:
    'gregoiredavid/france-geojson (IGN Admin Express, INSEE codes of 2018, simplified with mapshaper, 5 decimals), Licence Ouverte (Etalab); subset of the perimeter, current INSEE codes and model zone ids added.',
  features: perimeter.flatMap((c) =>
    c.features.map((f) => ({
      type: 'Feature',
      properties: { code: c.code, nom: c.name, zone: zones[zoneOfCommune.get(c.code)!]!.id },
      geometry: f.geometry,
    })),
  ),
};
writeFileSync(path.join(out, 'communes.geojson'), JSON.stringify(contours) + '\n');
console.error(
  `${perimeter.length} communes (${totalPopulation} inhabitants), ${internal.length} internal + ${EXTERNAL.length} external zones, ` +
    `${roadLinks.length} road links, ${ptLines.length} PT lines, ${Math.round(luxCommuters)} commuters to Luxembourg. Skipped: ${skipped.join('; ') || 'none'}`,
);
