// Commuting reach: which share of a territory's residents can reach which territory's jobs within
// the scenario's travel-time limit. The coupling with the mobility model goes through the plain
// TravelTimeMatrix below, so this module never imports the mobility model.
import type { TravelTimeLever } from './levers.ts';

/**
 * A zone-to-zone travel-time matrix, as the mobility model (or any other source) produces it.
 * `minutes[i * zones.length + j]` is the time from `zones[i]` to `zones[j]`; `Infinity` or `NaN`
 * means unreachable. Zone ids are INSEE commune codes or the mobility model's zone ids; in the
 * latter case give `communeToZone` in {@link TravelTimes}.
 */
export interface TravelTimeMatrix {
  zones: readonly string[];
  minutes: Float64Array;
}

/** Car and public-transport matrices (either may be missing) over the same zones. */
export interface TravelTimes {
  car?: TravelTimeMatrix;
  pt?: TravelTimeMatrix;
  /** Zone of each commune. Absent, or a commune missing from it: the commune code is the zone id. */
  communeToZone?: Readonly<Record<string, string>>;
}

export interface ReachTerritory {
  kind: 'epci' | 'cross-border-pole';
  communes: readonly { code: string; population: number }[];
}

export class TravelTimeMatrixError extends Error {
  override name = 'TravelTimeMatrixError';
}

/** Checks a matrix's shape; throws a TravelTimeMatrixError naming the problem. */
export function checkTravelTimeMatrix(matrix: TravelTimeMatrix, label = 'matrix'): void {
  const n = matrix.zones.length;
  if (matrix.minutes.length !== n * n)
    throw new TravelTimeMatrixError(`${label}: ${n} zones need ${n * n} times, got ${matrix.minutes.length}`);
  if (new Set(matrix.zones).size !== n) throw new TravelTimeMatrixError(`${label}: duplicate zone ids`);
  for (let k = 0; k < matrix.minutes.length; k++) {
    const value = matrix.minutes[k]!;
    if (value < 0) throw new TravelTimeMatrixError(`${label}: negative time at index ${k}`);
  }
}

/** The share of candidates with a car, 1 when absent; throws a RangeError outside 0..1. */
function checkCarAccessShare(share: number | undefined): number {
  if (share === undefined) return 1;
  if (!(share >= 0 && share <= 1)) throw new RangeError(`carAccessShare must be within 0..1, got ${share}`);
  return share;
}

/**
 * Commuting limits per mode, and the share of candidates who can use the car at all: without it, a
 * pair that only the car connects in time is out of reach (no licence or no car available).
 */
export interface ReachLimits {
  carMinutes: number;
  ptMinutes: number;
  /** Share of candidates with a car available, 0..1; absent: 1 (everyone can drive). */
  carAccessShare?: number;
}

/**
 * Weight of a zone pair in the reach: 1 when public transport connects it within its limit (every
 * candidate can take it), the share of candidates with a car when only the car does, else 0.
 */
function pairWeight(byCar: boolean, byPt: boolean, carAccessShare: number): number {
  if (byPt) return 1;
  return byCar ? carAccessShare : 0;
}

/**
 * Share of (home commune, job commune) pairs within reach, per pair of territories: entry
 * `r * T + w` is the population-weighted share of the pairs (a resident of `r`, a job in `w`) within
 * reach. A pair public transport connects within its limit counts 1; a pair only the car connects in
 * time counts `limits.carAccessShare` (the candidates who have a car); neither, 0. Populations stand
 * in for both residents and jobs. The cross-border pole has no communes and so no reach; the diagonal
 * is computed but the model does not use it (a territory's own candidates are matched first).
 *
 * @param options.territories - territories with their communes and populations
 * @param options.travelTimes - car and/or public-transport matrices
 * @param options.limits - largest time per mode, in minutes, and the share of candidates with a car
 * @example territoryReach({ territories, travelTimes: { car, pt }, limits: { carMinutes: 45, ptMinutes: 45, carAccessShare: 0.75 } })
 */
export function territoryReach(options: {
  territories: readonly ReachTerritory[];
  travelTimes: TravelTimes;
  limits: ReachLimits;
}): { reach: Float64Array; unmappedCommunes: string[] } {
  const { territories, travelTimes, limits } = options;
  const carAccessShare = checkCarAccessShare(limits.carAccessShare);
  const T = territories.length;
  const { car, pt } = travelTimes;
  const base = car ?? pt;
  const reach = new Float64Array(T * T);
  if (!base) return { reach, unmappedCommunes: [] };
  if (car) checkTravelTimeMatrix(car, 'car matrix');
  if (pt) checkTravelTimeMatrix(pt, 'pt matrix');
  if (car && pt && (car.zones.length !== pt.zones.length || car.zones.some((z, i) => pt.zones[i] !== z)))
    throw new TravelTimeMatrixError('car and pt matrices must list the same zones in the same order');

  const Z = base.zones.length;
  const zoneIndex = new Map(base.zones.map((zone, i) => [zone, i]));
  // Weight of each territory in each zone, as compressed sparse rows by zone.
  const entries: { zone: number; territory: number; weight: number }[] = [];
  const totals = new Float64Array(T);
  const unmappedCommunes: string[] = [];
  territories.forEach((territory, t) => {
    if (territory.kind === 'cross-border-pole') return;
    for (const commune of territory.communes) {
      const zoneId = travelTimes.communeToZone?.[commune.code] ?? commune.code;
      const zone = zoneIndex.get(zoneId);
      if (zone === undefined) {
        unmappedCommunes.push(commune.code);
        continue;
      }
      entries.push({ zone, territory: t, weight: commune.population });
      totals[t] = totals[t]! + commune.population;
    }
  });
  entries.sort((a, b) => a.zone - b.zone);
  const rowStart = new Int32Array(Z + 1);
  for (const entry of entries) rowStart[entry.zone + 1] = rowStart[entry.zone + 1]! + 1;
  for (let z = 0; z < Z; z++) rowStart[z + 1] = rowStart[z + 1]! + rowStart[z]!;
  const entryTerritory = Int32Array.from(entries, (e) => e.territory);
  const entryWeight = Float64Array.from(entries, (e) => e.weight);

  const carMinutes = car?.minutes;
  const ptMinutes = pt?.minutes;
  for (let i = 0; i < Z; i++) {
    const a0 = rowStart[i]!;
    const a1 = rowStart[i + 1]!;
    if (a0 === a1) continue;
    for (let j = 0; j < Z; j++) {
      const b0 = rowStart[j]!;
      const b1 = rowStart[j + 1]!;
      if (b0 === b1) continue;
      const k = i * Z + j;
      const byCar = carMinutes !== undefined && carMinutes[k]! <= limits.carMinutes;
      const byPt = ptMinutes !== undefined && ptMinutes[k]! <= limits.ptMinutes;
      const weight = pairWeight(byCar, byPt, carAccessShare);
      if (weight === 0) continue;
      for (let a = a0; a < a1; a++) {
        const row = entryTerritory[a]! * T;
        const wa = entryWeight[a]! * weight;
        for (let b = b0; b < b1; b++) {
          const cell = row + entryTerritory[b]!;
          reach[cell] = reach[cell]! + wa * entryWeight[b]!;
        }
      }
    }
  }
  for (let r = 0; r < T; r++)
    for (let w = 0; w < T; w++) {
      const norm = totals[r]! * totals[w]!;
      reach[r * T + w] = norm > 0 ? reach[r * T + w]! / norm : 0;
    }
  return { reach, unmappedCommunes };
}

/**
 * A copy of `travelTimes` with the changes of the given travel-time levers applied. Changes naming
 * a zone absent from the matrix are returned as problems, not applied.
 */
export function applyTravelTimeLevers(
  travelTimes: TravelTimes,
  levers: readonly TravelTimeLever[],
): { travelTimes: TravelTimes; problems: string[] } {
  const problems: string[] = [];
  const copy: TravelTimes = { ...travelTimes };
  for (const lever of levers) {
    const matrix = copy[lever.mode];
    if (!matrix) {
      problems.push(`lever ${lever.id}: no ${lever.mode} matrix to change`);
      continue;
    }
    const minutes = matrix === travelTimes[lever.mode] ? new Float64Array(matrix.minutes) : matrix.minutes;
    const index = new Map(matrix.zones.map((zone, i) => [zone, i]));
    const n = matrix.zones.length;
    for (const change of lever.changes) {
      const from = index.get(change.from);
      const to = index.get(change.to);
      if (from === undefined || to === undefined) {
        problems.push(
          `lever ${lever.id}: zone ${from === undefined ? change.from : change.to} is not in the ${lever.mode} matrix`,
        );
        continue;
      }
      minutes[from * n + to] = change.minutes;
      if (lever.symmetric) minutes[to * n + from] = change.minutes;
    }
    copy[lever.mode] = { zones: matrix.zones, minutes };
  }
  return { travelTimes: copy, problems };
}

/**
 * An estimate of car travel times from straight-line distances between points (commune centroids),
 * for when no mobility-model matrix is given: time = fixed minutes + distance × detour / speed.
 * Illustrative: it ignores the network, congestion and public transport.
 *
 * @example crowFlyTravelTimes({ points: [{ id: '57463', lon: 6.18, lat: 49.12 }, ...] })
 */
export function crowFlyTravelTimes(options: {
  points: readonly { id: string; lon: number; lat: number }[];
  speedKmh?: number;
  detourFactor?: number;
  fixedMinutes?: number;
}): TravelTimeMatrix {
  const { points, speedKmh = 60, detourFactor = 1.3, fixedMinutes = 5 } = options;
  const n = points.length;
  const minutes = new Float64Array(n * n);
  const toRad = Math.PI / 180;
  const lat = Float64Array.from(points, (p) => p.lat * toRad);
  const lon = Float64Array.from(points, (p) => p.lon * toRad);
  const minutesPerKm = (60 * detourFactor) / speedKmh;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      // Haversine distance on a 6371 km sphere.
      const dLat = lat[j]! - lat[i]!;
      const dLon = lon[j]! - lon[i]!;
      const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat[i]!) * Math.cos(lat[j]!) * Math.sin(dLon / 2) ** 2;
      const km = 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
      const t = fixedMinutes + km * minutesPerKm;
      minutes[i * n + j] = t;
      minutes[j * n + i] = t;
    }
  for (let i = 0; i < n; i++) minutes[i * n + i] = fixedMinutes;
  return { zones: points.map((p) => p.id), minutes };
}

/**
 * Share of each territory's population who reach `zone` (e.g. the mobility model's Luxembourg zone)
 * within the limits: residents of a zone public transport connects in time count fully, those of a
 * zone only the car connects count `carAccessShare` (as in {@link territoryReach}). The pole territory
 * gets 0; a territory with no commune in the matrix gets 1 (no information, no reduction).
 *
 * @example poleAccess({ territories, travelTimes, zone: 'LU', carMinutes: 60, ptMinutes: 60, carAccessShare: 0.75 })
 */
export function poleAccess(options: {
  territories: readonly ReachTerritory[];
  travelTimes: TravelTimes;
  zone: string;
  carMinutes: number;
  ptMinutes: number;
  /** Share of candidates with a car available, 0..1; absent: 1. */
  carAccessShare?: number;
}): { access: Float64Array; missingZone: boolean } {
  const { territories, travelTimes, zone, carMinutes, ptMinutes } = options;
  const carAccessShare = checkCarAccessShare(options.carAccessShare);
  const access = new Float64Array(territories.length).fill(1);
  const base = travelTimes.car ?? travelTimes.pt;
  const target = base?.zones.indexOf(zone) ?? -1;
  if (!base || target < 0) return { access, missingZone: true };
  const Z = base.zones.length;
  const zoneIndex = new Map(base.zones.map((z, i) => [z, i]));
  territories.forEach((territory, t) => {
    if (territory.kind === 'cross-border-pole') {
      access[t] = 0;
      return;
    }
    let total = 0;
    let within = 0;
    for (const commune of territory.communes) {
      const z = zoneIndex.get(travelTimes.communeToZone?.[commune.code] ?? commune.code);
      if (z === undefined) continue;
      total += commune.population;
      const k = z * Z + target;
      const byCar = travelTimes.car !== undefined && travelTimes.car.minutes[k]! <= carMinutes;
      const byPt = travelTimes.pt !== undefined && travelTimes.pt.minutes[k]! <= ptMinutes;
      within += commune.population * pairWeight(byCar, byPt, carAccessShare);
    }
    if (total > 0) access[t] = within / total;
  });
  return { access, missingZone: false };
}

/**
 * Pole access relative to a reference situation: each territory's access divided by its reference
 * access, so travel times equal to the reference's give exactly 1 and the pull keeps its calibrated
 * value. A territory whose reference is 0 or missing keeps 1 (no baseline to compare with).
 *
 * @param options.access - per territory, as {@link poleAccess} returns it
 * @param options.territoryIds - the id of each territory, in the order of `access`
 * @param options.reference - reference access by territory id
 * @example relativePoleAccess({ access: Float64Array.of(0.6), territoryIds: ['A'], reference: { A: 0.5 } }) // [1.2]
 */
export function relativePoleAccess(options: {
  access: Float64Array;
  territoryIds: readonly string[];
  reference: Readonly<Record<string, number>>;
}): Float64Array {
  const { access, territoryIds, reference } = options;
  return Float64Array.from(access, (value, t) => {
    const base = reference[territoryIds[t]!] ?? 0;
    return base > 0 ? value / base : 1;
  });
}
