/**
 * Trip lengths: the intrazonal trips' km and minutes by mode from their length classes, and the
 * share of short trips against the household travel survey.
 */
import type { TerritoryZone } from '../territory/territory.ts';
import type { Simulation } from './simulate.ts';

/** EDGT SCoTAM 2016-17 (FACTS.md): a third of trips are 1 km or less, 55 % are 3 km or less. */
export const TRIP_LENGTH_TARGET = { upTo1Km: 1 / 3, upTo3Km: 0.55 } as const;
export const TRIP_LENGTH_SOURCE =
  'EDGT SCoTAM 2016-17: a third of trips 1 km or less, 55 % 3 km or less (trips by residents of the calibration perimeter).';

/** Minutes per km inside a zone, by mode (MODES order): car 25 km/h, urban PT 15 km/h, bike, walk. */
function minutesPerKm(bikeSpeedKmh: number, walkSpeedKmh: number): number[] {
  return [60 / 25, 60 / 25, 60 / 15, 60 / bikeSpeedKmh, 60 / walkSpeedKmh];
}

/**
 * Replaces, in the per-mode km and minutes summed over every cell with each zone's mean
 * intrazonal length, the intrazonal trips' share by their length classes: walking takes the
 * short ones, the car the long ones.
 */
export function correctIntrazonalKmAndMinutes(options: {
  zones: readonly TerritoryZone[];
  intrazonal: Simulation['intrazonalTrips'];
  bikeSpeedKmh: number;
  walkSpeedKmh: number;
  passengerKm: Float64Array;
  minutes: Float64Array;
}): void {
  const { zones, intrazonal, passengerKm, minutes } = options;
  const M = passengerKm.length;
  const perKm = minutesPerKm(options.bikeSpeedKmh, options.walkSpeedKmh);
  zones.forEach((zone, z) => {
    for (let m = 0; m < M; m++) {
      const delta = intrazonal.km[z * M + m]! - intrazonal.trips[z * M + m]! * zone.intrazonalKm;
      passengerKm[m]! += delta;
      minutes[m]! += delta * perKm[m]!;
    }
  });
}

/**
 * Shares of the trips produced in the calibration perimeter (to internal zones) that are at most
 * 1 km and 3 km long, each at the distance of its mode: car km for drivers and passengers, PT km,
 * walking-network km for bike and walk; intrazonal trips by their length classes.
 */
export function tripLengthShares(options: {
  zones: readonly TerritoryZone[];
  perMode: readonly Float64Array[];
  carKm: Float64Array;
  ptKm: Float64Array;
  activeKm: Float64Array;
  intrazonal: Simulation['intrazonalTrips'];
}): { upTo1Km: number; upTo3Km: number } {
  const { zones, perMode, carKm, ptKm, activeKm, intrazonal } = options;
  const Z = zones.length;
  const M = perMode.length;
  const kmOf = [carKm, carKm, ptKm, activeKm, activeKm];
  let trips = 0;
  let upTo1 = 0;
  let upTo3 = 0;
  for (let o = 0; o < Z; o++) {
    if (!zones[o]!.calibration) continue;
    for (let d = 0; d < Z; d++) {
      if (zones[d]!.kind !== 'internal') continue;
      const k = o * Z + d;
      for (let m = 0; m < M; m++) {
        if (o === d) {
          trips += intrazonal.trips[o * M + m]!;
          upTo1 += intrazonal.upTo1Km[o * M + m]!;
          upTo3 += intrazonal.upTo3Km[o * M + m]!;
          continue;
        }
        const q = perMode[m]![k]!;
        if (q === 0) continue;
        const km = kmOf[m]![k]!;
        trips += q;
        if (km <= 1) upTo1 += q;
        if (km <= 3) upTo3 += q;
      }
    }
  }
  return { upTo1Km: trips > 0 ? upTo1 / trips : 0, upTo3Km: trips > 0 ? upTo3 / trips : 0 };
}
