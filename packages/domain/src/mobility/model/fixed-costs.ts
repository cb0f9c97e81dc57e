/**
 * The generalised costs of the modes that congestion does not touch: public transport (at the
 * peak and off-peak), bike and walk. They depend only on the lines, the walking and cycling
 * distances and the scenario's global levers, so a run computes them once, before the feedback
 * loop; only the car's costs are refreshed at each feedback iteration.
 */
import type { TerritoryZone } from '../territory/territory.ts';
import type { PtSkims } from '../transit/pt-assignment.ts';
import type { PtLine, PtWeights } from '../transit/pt-network.ts';

/** Intrazonal PT per zone; Infinity (and no fare) where no urban line serves the zone. */
export interface IntrazonalPt {
  /** Generalised minutes of the best urban line: walking, waiting and the ride. */
  minutes: Float64Array;
  /** The walking and waiting part alone, for trips whose length differs from the zone's mean. */
  access: Float64Array;
  /** Fare of that line, euros. */
  fare: Float64Array;
}

/** Per origin-destination cell (origin-major), congestion-independent costs of the other modes. */
export interface FixedCellCosts {
  /** PT generalised minutes at the peak and off-peak (Infinity: no path). */
  ptMinutes: Float64Array;
  ptMinutesOffPeak: Float64Array;
  /** PT fare, euros (the peak path's; 0 without a path). */
  ptEuros: Float64Array;
  /** Bike and walk minutes (Infinity beyond the longest trip considered). */
  bikeMinutes: Float64Array;
  walkMinutes: Float64Array;
}

// Urban lines serve intrazonal trips: at most this peak headway, in minutes, and not rail.
const URBAN_MAX_HEADWAY_MINUTES = 15;
// Speed of an intrazonal PT ride over the zone's mean intrazonal length, km/h.
const INTRAZONAL_RIDE_KMH = 15;

/**
 * Intrazonal PT: the cheapest urban line stopping in each zone, walking to and from the stop
 * and waiting half a headway, then riding the zone's mean intrazonal length.
 *
 * @param options.lines - the lines with the headways of the period to cost
 * @param options.peakLines - the same lines at the peak: a line is urban by its peak headway, so
 *   both periods use the same lines
 * @param options.walkMinutes - walking minutes between each zone and its stop
 * @example intrazonalPt({ zones, lines: offPeakLines, peakLines, walkMinutes, weights }).minutes[z]
 */
export function intrazonalPt(options: {
  zones: readonly Pick<TerritoryZone, 'intrazonalKm'>[];
  lines: readonly PtLine[];
  peakLines: readonly PtLine[];
  walkMinutes: ArrayLike<number>;
  weights: PtWeights;
}): IntrazonalPt {
  const { zones, lines, peakLines, walkMinutes, weights } = options;
  const Z = zones.length;
  const minutes = new Float64Array(Z).fill(Infinity);
  const access = new Float64Array(Z).fill(Infinity);
  const fare = new Float64Array(Z);
  lines.forEach((line, l) => {
    if (line.kind === 'rail' || peakLines[l]!.headwayMinutes > URBAN_MAX_HEADWAY_MINUTES) return;
    for (const z of line.stops) {
      const fixed = 2 * weights.walk * walkMinutes[z]! + weights.wait * (line.headwayMinutes / 2);
      const cost = fixed + (zones[z]!.intrazonalKm / INTRAZONAL_RIDE_KMH) * 60;
      if (cost < minutes[z]!) {
        minutes[z] = cost;
        access[z] = fixed;
        fare[z] = line.fare;
      }
    }
  });
  return { minutes, access, fare };
}

/** PT generalised minutes of cell `k` from one period's skims (Infinity without a path). */
function ptGeneralisedMinutes(skims: PtSkims, weights: PtWeights, k: number): number {
  return Number.isFinite(skims.cost[k]!)
    ? skims.inVehicle[k]! +
        weights.wait * skims.wait[k]! +
        weights.walk * skims.walk[k]! +
        weights.transferPenalty * skims.transfers[k]!
    : Infinity;
}

/**
 * PT, bike and walk costs on every cell: PT from the skims off the diagonal and from the
 * intrazonal PT on it; bike and walk from the walking and cycling km.
 *
 * @param options.intrazonal - intrazonal PT at the peak (with its fare) and off-peak
 * @param options.activeKm - walking and cycling km between zones, intrazonal on the diagonal
 * @param options.bikeSpeedKmh - cycling speed with the scenario's cycling quality applied
 * @example fixedCellCosts({ zoneCount, ptSkims, ptSkimsOffPeak, intrazonal, activeKm, ... }).walkMinutes[k]
 */
export function fixedCellCosts(options: {
  zoneCount: number;
  ptSkims: PtSkims;
  ptSkimsOffPeak: PtSkims;
  intrazonal: { peak: IntrazonalPt; offPeak: IntrazonalPt };
  weights: PtWeights;
  activeKm: Float64Array;
  bikeSpeedKmh: number;
  walkSpeedKmh: number;
  maxBikeKm: number;
  maxWalkKm: number;
}): FixedCellCosts {
  const { zoneCount: Z, ptSkims, ptSkimsOffPeak, intrazonal, weights, activeKm } = options;
  const { bikeSpeedKmh, walkSpeedKmh, maxBikeKm, maxWalkKm } = options;
  const cells = Z * Z;
  const ptMinutes = new Float64Array(cells);
  const ptMinutesOffPeak = new Float64Array(cells);
  const ptEuros = new Float64Array(cells);
  const bikeMinutes = new Float64Array(cells);
  const walkMinutes = new Float64Array(cells);
  for (let k = 0; k < cells; k++) {
    const o = Math.floor(k / Z);
    if (o === k % Z) {
      ptMinutes[k] = intrazonal.peak.minutes[o]!;
      ptMinutesOffPeak[k] = intrazonal.offPeak.minutes[o]!;
      ptEuros[k] = intrazonal.peak.fare[o]!;
    } else {
      ptMinutes[k] = ptGeneralisedMinutes(ptSkims, weights, k);
      ptMinutesOffPeak[k] = ptGeneralisedMinutes(ptSkimsOffPeak, weights, k);
      ptEuros[k] = Number.isFinite(ptSkims.cost[k]!) ? ptSkims.fare[k]! : 0;
    }
    const active = activeKm[k]!;
    bikeMinutes[k] = active <= maxBikeKm ? (active / bikeSpeedKmh) * 60 : Infinity;
    walkMinutes[k] = active <= maxWalkKm ? (active / walkSpeedKmh) * 60 : Infinity;
  }
  return { ptMinutes, ptMinutesOffPeak, ptEuros, bikeMinutes, walkMinutes };
}
