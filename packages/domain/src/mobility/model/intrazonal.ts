/**
 * Trips inside a zone: a spread of lengths instead of one. A zone holds many trips of a few
 * hundred metres and fewer across it; giving all of them the zone's mean length made every
 * intrazonal trip 0.8–3.3 km long (EDGT SCoTAM: a third of all trips are 1 km or less). Each
 * zone's intrazonal trips are split into `INTRAZONAL_CLASSES` equally likely length classes of an
 * exponential distribution with the zone's mean length (_estimate_: the shape is assumed, the
 * mean is the territory's). Mode choice runs on each class; the zone's diagonal cell takes the
 * classes' mean probabilities and their logsum, so that walking takes the short trips and the car
 * the long ones.
 */

import type { TerritoryZone } from '../territory/territory.ts';

/** What the result's `illustrative` says of the method. */
export const INTRAZONAL_ILLUSTRATIVE =
  "Trips inside a zone: lengths spread as an exponential distribution around the zone's mean intrazonal length (estimate of the shape), in 8 equally likely classes, each with its own mode choice.";

/** Length classes per zone (equal probability each). */
export const INTRAZONAL_CLASSES = 8;

/**
 * Mean length of each class: the conditional means of the K quantile intervals of an exponential
 * distribution with mean `meanKm`, zone-major (`out[z * K + j]`). The classes' mean is `meanKm`.
 *
 * @param meanKm - mean intrazonal length per zone, km
 * @example intrazonalClassKm(Float64Array.of(1), 2) // [0.307, 1.693]: 1 − ln 2 and 1 + ln 2
 */
export function intrazonalClassKm(meanKm: ArrayLike<number>, classes = INTRAZONAL_CLASSES): Float64Array {
  const K = classes;
  const out = new Float64Array(meanKm.length * K);
  // In units of the mean, the class [a, b] of probability 1/K has e^-a = 1 − j/K, e^-b = 1 − (j+1)/K
  // and the conditional mean K ((a + 1) e^-a − (b + 1) e^-b).
  const unit = new Float64Array(K);
  for (let j = 0; j < K; j++) {
    const lower = 1 - j / K;
    const upper = 1 - (j + 1) / K;
    const a = -Math.log(lower);
    const tail = upper > 0 ? (-Math.log(upper) + 1) * upper : 0;
    unit[j] = K * ((a + 1) * lower - tail);
  }
  for (let z = 0; z < meanKm.length; z++) {
    for (let j = 0; j < K; j++) out[z * K + j] = meanKm[z]! * unit[j]!;
  }
  return out;
}

/**
 * Share of class `j`'s trips that are at most `km` long (the part of its quantile interval below
 * `km`), for a zone whose intrazonal trips have mean `meanKm`.
 */
export function intrazonalClassShareUpTo(
  meanKm: number,
  j: number,
  km: number,
  classes = INTRAZONAL_CLASSES,
): number {
  const below = 1 - Math.exp(-km / meanKm);
  return Math.min(1, Math.max(0, (below - j / classes) * classes));
}

/**
 * Each zone's length classes and their costs by mode, zone-major (`[z * classes + j]`): by car at
 * 25 km/h plus the terminal minutes, fuel and the zone's parking; by the urban bus or tram at
 * 15 km/h plus its walking and waiting (`ptAccess`, Infinity without one); by bike and on foot at
 * their speeds up to their longest trip. Also the share of each class up to 1 and 3 km.
 */
export function intrazonalClassCosts(options: {
  zones: readonly TerritoryZone[];
  classes: number;
  fuelPerKm: number;
  carTerminalMinutes: number;
  ptAccess: Float64Array;
  ptAccessOffPeak: Float64Array;
  ptFare: Float64Array;
  bikeSpeedKmh: number;
  walkSpeedKmh: number;
  maxBikeKm: number;
  maxWalkKm: number;
}) {
  const { zones, classes: K, fuelPerKm, ptAccess, ptAccessOffPeak, ptFare } = options;
  const meanKm = Float64Array.from(zones, (zone) => zone.intrazonalKm);
  const classKm = intrazonalClassKm(meanKm, K);
  const cells = zones.length * K;
  const classCost = {
    carMinutes: new Float64Array(cells),
    carEuros: new Float64Array(cells),
    passengerEuros: new Float64Array(cells),
    ptMinutes: new Float64Array(cells),
    ptMinutesOffPeak: new Float64Array(cells),
    ptEuros: new Float64Array(cells),
    bikeMinutes: new Float64Array(cells),
    walkMinutes: new Float64Array(cells),
  };
  const classUpTo1 = new Float64Array(cells);
  const classUpTo3 = new Float64Array(cells);
  for (let c = 0; c < cells; c++) {
    const z = Math.floor(c / K);
    const km = classKm[c]!;
    classCost.carMinutes[c] = (km / 25) * 60 + options.carTerminalMinutes;
    classCost.carEuros[c] = fuelPerKm * km + zones[z]!.parkingCost;
    classCost.passengerEuros[c] = 0.5 * fuelPerKm * km;
    classCost.ptMinutes[c] = ptAccess[z]! + (km / 15) * 60;
    classCost.ptMinutesOffPeak[c] = ptAccessOffPeak[z]! + (km / 15) * 60;
    classCost.ptEuros[c] = ptFare[z]!;
    classCost.bikeMinutes[c] = km <= options.maxBikeKm ? (km / options.bikeSpeedKmh) * 60 : Infinity;
    classCost.walkMinutes[c] = km <= options.maxWalkKm ? (km / options.walkSpeedKmh) * 60 : Infinity;
    classUpTo1[c] = intrazonalClassShareUpTo(meanKm[z]!, c % K, 1, K);
    classUpTo3[c] = intrazonalClassShareUpTo(meanKm[z]!, c % K, 3, K);
  }
  return { classKm, classCost, classUpTo1, classUpTo3 };
}

/**
 * Writes the mixture of the length classes into each zone's diagonal cell: the mean of the
 * classes' mode probabilities and the logsum of their composite costs (minutes).
 *
 * @param options.classProbabilities - per mode, zone-major class cells (`[m][z * K + j]`)
 * @param options.classComposite - composite minutes per class cell
 * @param options.probabilities - per mode, the origin-destination cells to write the diagonal of
 */
export function mixIntrazonal(options: {
  zoneCount: number;
  classes: number;
  theta: number;
  classProbabilities: readonly Float64Array[];
  classComposite: Float64Array;
  probabilities: readonly Float64Array[];
  composite: Float64Array;
}): void {
  const {
    zoneCount: Z,
    classes: K,
    theta,
    classProbabilities,
    classComposite,
    probabilities,
    composite,
  } = options;
  const M = probabilities.length;
  for (let z = 0; z < Z; z++) {
    const diagonal = z * Z + z;
    let least = Infinity;
    for (let j = 0; j < K; j++) least = Math.min(least, classComposite[z * K + j]!);
    let sum = 0;
    for (let j = 0; j < K; j++) sum += Math.exp(-theta * (classComposite[z * K + j]! - least));
    composite[diagonal] = least - Math.log(sum / K) / theta;
    for (let m = 0; m < M; m++) {
      let p = 0;
      for (let j = 0; j < K; j++) p += classProbabilities[m]![z * K + j]!;
      probabilities[m]![diagonal] = p / K;
    }
  }
}

/**
 * Adds one purpose's intrazonal trips to the per-zone, per-mode sums (`[z * modes + m]`): trips,
 * km, and trips of at most 1 and 3 km, each class weighted by its mode probabilities.
 */
export function addIntrazonalTrips(options: {
  zoneCount: number;
  classes: number;
  distributed: Float64Array;
  classProbabilities: readonly Float64Array[];
  classKm: Float64Array;
  classUpTo1: Float64Array;
  classUpTo3: Float64Array;
  out: { trips: Float64Array; km: Float64Array; upTo1Km: Float64Array; upTo3Km: Float64Array };
}): void {
  const {
    zoneCount: Z,
    classes: K,
    distributed,
    classProbabilities,
    classKm,
    classUpTo1,
    classUpTo3,
    out,
  } = options;
  const M = classProbabilities.length;
  for (let z = 0; z < Z; z++) {
    const t = distributed[z * Z + z]! / K;
    if (!(t > 0)) continue;
    for (let m = 0; m < M; m++) {
      const probability = classProbabilities[m]!;
      const cell = z * M + m;
      for (let j = 0; j < K; j++) {
        const c = z * K + j;
        const q = t * probability[c]!;
        out.trips[cell]! += q;
        out.km[cell]! += q * classKm[c]!;
        out.upTo1Km[cell]! += q * classUpTo1[c]!;
        out.upTo3Km[cell]! += q * classUpTo3[c]!;
      }
    }
  }
}
