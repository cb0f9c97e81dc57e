/**
 * The model's loops over every origin-destination cell, as small functions of typed arrays.
 * Inside the large `simulate` and `runModel` functions V8 left them in slower code (measured:
 * the logit loop alone ran about six times slower there); here each one is optimised on its
 * own. Same arithmetic in the same order as before: results are unchanged bit for bit.
 */

/**
 * Multinomial logit of one purpose on every cell: mode probabilities and the logsum composite
 * cost (minutes). Modes in MODES order: car, car passenger, PT, bike, walk.
 *
 * @param options.perMinute - minutes per euro for the purpose (60 / value of time)
 * @param options.peak - share of the purpose's trips in the peaks (weighs the PT periods)
 */
export function logitCells(options: {
  theta: number;
  constants: readonly [number, number, number, number, number];
  perMinute: number;
  peak: number;
  carMinutes: Float64Array;
  carEuros: Float64Array;
  passengerEuros: Float64Array;
  ptMinutes: Float64Array;
  ptMinutesOffPeak: Float64Array;
  ptEuros: Float64Array;
  bikeMinutes: Float64Array;
  walkMinutes: Float64Array;
  composite: Float64Array;
  probabilities: readonly Float64Array[];
}): void {
  const { theta, perMinute, peak, carMinutes, carEuros, passengerEuros, ptMinutes } = options;
  const { ptMinutesOffPeak, ptEuros, bikeMinutes, walkMinutes, composite } = options;
  const [c0, c1, c2, c3, c4] = options.constants;
  const [pCar, pPassenger, pPt, pBike, pWalk] = options.probabilities as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const cells = composite.length;
  for (let k = 0; k < cells; k++) {
    const vCar = c0 - theta * (carMinutes[k]! + carEuros[k]! * perMinute);
    const vPassenger = c1 - theta * (carMinutes[k]! + passengerEuros[k]! * perMinute);
    const ptPeak = ptMinutes[k]!;
    const ptOff = ptMinutesOffPeak[k]!;
    const vPt =
      ptPeak === Infinity || ptOff === Infinity
        ? -Infinity
        : c2 - theta * (peak * ptPeak + (1 - peak) * ptOff + ptEuros[k]! * perMinute);
    const vBike = bikeMinutes[k]! === Infinity ? -Infinity : c3 - theta * bikeMinutes[k]!;
    const vWalk = walkMinutes[k]! === Infinity ? -Infinity : c4 - theta * walkMinutes[k]!;
    const max = Math.max(vCar, vPassenger, vPt, vBike, vWalk);
    const eCar = Math.exp(vCar - max);
    const ePassenger = Math.exp(vPassenger - max);
    const ePt = vPt === -Infinity ? 0 : Math.exp(vPt - max);
    const eBike = vBike === -Infinity ? 0 : Math.exp(vBike - max);
    const eWalk = vWalk === -Infinity ? 0 : Math.exp(vWalk - max);
    const sum = eCar + ePassenger + ePt + eBike + eWalk;
    composite[k] = -(max + Math.log(sum)) / theta;
    pCar[k] = eCar / sum;
    pPassenger[k] = ePassenger / sum;
    pPt[k] = ePt / sum;
    pBike[k] = eBike / sum;
    pWalk[k] = eWalk / sum;
  }
}

/**
 * Splits distributed trips by mode into `byMode` (zeroed first), adds the trips produced in the
 * calibration perimeter to `calibrationTrips` per mode, and returns `withinEpci` plus those of
 * them that stay in their EPCI (a running total, summed in the same order as before).
 *
 * @param options.inPerimeter - 1 for the zones of the calibration perimeter
 * @param options.epci - an integer per zone, equal for zones of the same EPCI
 */
export function splitCells(options: {
  zoneCount: number;
  distributed: Float64Array;
  probabilities: readonly Float64Array[];
  byMode: readonly Float64Array[];
  inPerimeter: Uint8Array;
  epci: Int32Array;
  calibrationTrips: Float64Array;
  withinEpci: number;
}): number {
  const { zoneCount: Z, distributed, probabilities, byMode, inPerimeter, epci, calibrationTrips } = options;
  const M = byMode.length;
  for (const matrix of byMode) matrix.fill(0);
  let withinEpci = options.withinEpci;
  const cells = distributed.length;
  for (let k = 0; k < cells; k++) {
    const t = distributed[k]!;
    if (t === 0) continue;
    const o = Math.floor(k / Z);
    const perimeter = inPerimeter[o] === 1;
    if (perimeter && epci[k - o * Z] === epci[o]) withinEpci += t;
    for (let m = 0; m < M; m++) {
      const q = t * probabilities[m]![k]!;
      byMode[m]![k] = q;
      if (perimeter) calibrationTrips[m]! += q;
    }
  }
  return withinEpci;
}

/** Adds the symmetric half-sum of `matrix` (a purpose's home-based legs) times `factor` to `out`. */
export function addHalfSum(matrix: Float64Array, zoneCount: number, factor: number, out: Float64Array): void {
  const Z = zoneCount;
  for (let o = 0; o < Z; o++) {
    for (let d = 0; d < Z; d++) {
      out[o * Z + d]! += 0.5 * (matrix[o * Z + d]! + matrix[d * Z + o]!) * factor;
    }
  }
}

/**
 * One step of the method of successive averages on the car skims: moves `time` and `km` by
 * `step` towards the congested skims and returns the demand-weighted relative change.
 */
export function averageSkims(options: {
  demand: Float64Array;
  time: Float64Array;
  km: Float64Array;
  congestedTime: Float64Array;
  congestedKm: Float64Array;
  step: number;
}): number {
  const { demand, time, km, congestedTime, congestedKm, step } = options;
  const cells = demand.length;
  let weighted = 0;
  let base = 0;
  for (let k = 0; k < cells; k++) {
    const q = demand[k]!;
    if (q === 0) continue;
    weighted += q * Math.abs(congestedTime[k]! - time[k]!);
    base += q * time[k]!;
  }
  for (let k = 0; k < cells; k++) {
    time[k]! += step * (congestedTime[k]! - time[k]!);
    km[k]! += step * (congestedKm[k]! - km[k]!);
  }
  return base > 0 ? (step * weighted) / base : 0;
}

/**
 * Adds one purpose's daily PT trips to the hourly OD matrices of the peak and off-peak periods
 * (half-sum of the home-based legs, intrazonal trips left out), and to `totals` the daily PT
 * trips [0] and those made in the peaks [1].
 */
export function addPtPeriodDemand(options: {
  daily: Float64Array;
  zoneCount: number;
  peakShare: number;
  peakHours: number;
  offPeakHours: number;
  peak: Float64Array;
  offPeak: Float64Array;
  totals: Float64Array;
}): void {
  const { daily, zoneCount: Z, peakShare: share, peakHours, offPeakHours, peak, offPeak, totals } = options;
  let trips = totals[0]!;
  let peakTrips = totals[1]!;
  for (let o = 0; o < Z; o++) {
    for (let d = 0; d < Z; d++) {
      const k = o * Z + d;
      trips += daily[k]!;
      peakTrips += daily[k]! * share;
      if (o === d) continue;
      const q = 0.5 * (daily[k]! + daily[d * Z + o]!);
      peak[k]! += (q * share) / peakHours;
      offPeak[k]! += (q * (1 - share)) / offPeakHours;
    }
  }
  totals[0] = trips;
  totals[1] = peakTrips;
}

/**
 * Adds one purpose-and-mode trip matrix to the mode's matrix `target`, the mode's total `sums[m]`
 * and each origin zone's `byZone[o][m]`.
 */
export function accumulateTrips(options: {
  matrix: Float64Array;
  mode: number;
  zoneCount: number;
  sums: Float64Array;
  target: Float64Array;
  byZone: readonly Float64Array[];
}): void {
  const { matrix, mode: m, zoneCount: Z, sums, target, byZone } = options;
  const cells = matrix.length;
  for (let k = 0; k < cells; k++) {
    const q = matrix[k]!;
    if (q === 0) continue;
    sums[m]! += q;
    target[k]! += q;
    byZone[Math.floor(k / Z)]![m]! += q;
  }
}

interface PtTimeSkims {
  cost: Float64Array;
  inVehicle: Float64Array;
  wait: Float64Array;
  walk: Float64Array;
  km: Float64Array;
}

/**
 * PT minutes (in-vehicle, waiting, walking) per cell: at the peak, and mixed over the periods
 * with `peakMix` of the peak (off-peak falls back on the peak where only the peak connects);
 * km per cell. Intrazonal cells: the urban service's minutes (0 without one) and the zone's
 * intrazonal length.
 */
export function ptTimeCells(options: {
  zoneCount: number;
  peakSkims: PtTimeSkims;
  offPeakSkims: PtTimeSkims;
  intrazonal: Float64Array;
  intrazonalOffPeak: Float64Array;
  intrazonalKm: Float64Array;
  peakMix: number;
}): { peak: Float64Array; mixed: Float64Array; km: Float64Array } {
  const { zoneCount: Z, peakSkims, offPeakSkims, intrazonal, intrazonalOffPeak, intrazonalKm } = options;
  const { peakMix } = options;
  const cells = Z * Z;
  const peak = new Float64Array(cells);
  const mixed = new Float64Array(cells);
  const km = new Float64Array(cells);
  for (let k = 0; k < cells; k++) {
    let peakTime: number;
    let offPeakTime: number;
    if (k % (Z + 1) === 0) {
      const z = Math.floor(k / Z);
      peakTime = Number.isFinite(intrazonal[z]!) ? intrazonal[z]! : 0;
      offPeakTime = Number.isFinite(intrazonalOffPeak[z]!) ? intrazonalOffPeak[z]! : 0;
      km[k] = intrazonalKm[z]!;
    } else {
      peakTime = peakSkims.inVehicle[k]! + peakSkims.wait[k]! + peakSkims.walk[k]!;
      offPeakTime = Number.isFinite(offPeakSkims.cost[k]!)
        ? offPeakSkims.inVehicle[k]! + offPeakSkims.wait[k]! + offPeakSkims.walk[k]!
        : peakTime;
      km[k] = peakSkims.km[k]!;
    }
    peak[k] = peakTime;
    mixed[k] = peakMix * peakTime + (1 - peakMix) * offPeakTime;
  }
  return { peak, mixed, km };
}

/** Adds passenger-km and minutes per mode over every cell (modes in MODES order). */
export function addModeKmAndMinutes(options: {
  perMode: readonly Float64Array[];
  carKm: Float64Array;
  carTime: Float64Array;
  ptKm: Float64Array;
  ptTime: Float64Array;
  activeKm: Float64Array;
  bikeSpeedKmh: number;
  walkSpeedKmh: number;
  passengerKm: Float64Array;
  minutes: Float64Array;
}): void {
  const { carKm, carTime, ptKm, ptTime, activeKm, bikeSpeedKmh, walkSpeedKmh, passengerKm, minutes } =
    options;
  const [car, passenger, pt, bike, walk] = options.perMode as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const cells = car.length;
  for (let k = 0; k < cells; k++) {
    if (car[k]! + passenger[k]! > 0) {
      passengerKm[0]! += car[k]! * carKm[k]!;
      passengerKm[1]! += passenger[k]! * carKm[k]!;
      minutes[0]! += car[k]! * carTime[k]!;
      minutes[1]! += passenger[k]! * carTime[k]!;
    }
    const q = pt[k]!;
    if (q > 0) {
      passengerKm[2]! += q * ptKm[k]!;
      minutes[2]! += q * ptTime[k]!;
    }
    const b = bike[k]!;
    const w = walk[k]!;
    if (b > 0) {
      passengerKm[3]! += b * activeKm[k]!;
      minutes[3]! += (b * activeKm[k]! * 60) / bikeSpeedKmh;
    }
    if (w > 0) {
      passengerKm[4]! += w * activeKm[k]!;
      minutes[4]! += (w * activeKm[k]! * 60) / walkSpeedKmh;
    }
  }
}

/**
 * Zone pairs (origin-major cell indices) with at least one trip whose PT minutes exceed twice
 * the car minutes, with their trips (all modes), in cell order.
 */
export function slowPtCells(options: {
  zoneCount: number;
  perMode: readonly Float64Array[];
  ptCost: Float64Array;
  ptTime: Float64Array;
  carTime: Float64Array;
}): { cell: number; trips: number; ptMinutes: number }[] {
  const { zoneCount: Z, perMode, ptCost, ptTime, carTime } = options;
  const M = perMode.length;
  const slow: { cell: number; trips: number; ptMinutes: number }[] = [];
  for (let o = 0; o < Z; o++) {
    for (let d = 0; d < Z; d++) {
      if (o === d) continue;
      const k = o * Z + d;
      let trips = 0;
      for (let m = 0; m < M; m++) trips += perMode[m]![k]!;
      if (trips < 1) continue;
      const ptMinutes = Number.isFinite(ptCost[k]!) ? ptTime[k]! : Infinity;
      if (ptMinutes > 2 * carTime[k]!) slow.push({ cell: k, trips, ptMinutes });
    }
  }
  return slow;
}
