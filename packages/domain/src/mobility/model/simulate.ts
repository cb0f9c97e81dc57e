/**
 * The four steps with feedback: generation, distribution on the logsum of the modes,
 * mode choice, road assignment to user equilibrium; congested car times averaged (MSA)
 * and fed back until the skims are stable. Returns the raw matrices; see run-model.ts
 * for the indicators.
 */
import { assignRoad, type AssignmentResult } from '../assignment/road-assignment.ts';
import { skimZones } from '../assignment/all-or-nothing.ts';
import { generateTrips } from '../demand/generation.ts';
import { distributeGravity, type Deterrence } from '../demand/gravity.ts';
import { MODES, PURPOSES, type Purpose } from '../demand/purposes.ts';
import { createRoadNetwork, type RoadNetwork } from '../network/road-network.ts';
import { ShortestPathSolver } from '../network/shortest-path.ts';
import type { Territory } from '../territory/territory.ts';
import { skimPt, type PtSkims } from '../transit/pt-assignment.ts';
import { buildPtGraph, type PtGraph, type PtLine } from '../transit/pt-network.ts';
import { zoneDistanceKm } from './apply-scenario.ts';
import type { ModelParameters } from './parameters.ts';
import type { Scenario } from './scenario.ts';

const M = MODES.length;
// Index of the car (driver) mode in MODES, whose trips load the road network.
const CAR = 0;

export interface Simulation {
  zoneCount: number;
  road: RoadNetwork;
  assignment: AssignmentResult;
  /** The PT network at peak frequencies, its lines and skims. */
  pt: PtGraph;
  ptLines: PtLine[];
  ptSkims: PtSkims;
  /** The same network at off-peak frequencies. */
  ptOffPeak: PtGraph;
  ptLinesOffPeak: PtLine[];
  ptSkimsOffPeak: PtSkims;
  /** Intrazonal PT generalised minutes per zone at the peak and off-peak (Infinity: no urban service). */
  ptIntrazonal: Float64Array;
  ptIntrazonalOffPeak: Float64Array;
  carTime: Float64Array;
  carKm: Float64Array;
  activeKm: Float64Array;
  /** Trips per purpose and mode, origin-major: trips[p][m][cell]; external flows included. */
  trips: Record<Purpose, Float64Array[]>;
  /** Trips by mode produced in the calibration perimeter, and their total (no external flows). */
  calibrationTrips: Float64Array;
  /** Share of those trips whose destination is in the origin's EPCI. */
  calibrationWithinEpci: number;
  /** Cross-border trips by mode (external flows marked crossBorder). */
  crossBorderTrips: Float64Array;
  convergence: {
    feedbackIterations: number;
    skimChange: number[];
    assignments: { iterations: number; relativeGap: number }[];
    converged: boolean;
  };
}

/** The deterrence with its parameters multiplied by `scale` (calibration of trip lengths). */
export function scaleDeterrence(deterrence: Deterrence, scale: number): Deterrence {
  switch (deterrence.kind) {
    case 'exponential':
      return { kind: 'exponential', beta: deterrence.beta * scale };
    case 'power':
      return { kind: 'power', alpha: deterrence.alpha * scale };
    case 'gamma':
      return { kind: 'gamma', alpha: deterrence.alpha * scale, beta: deterrence.beta * scale };
    default: {
      const unreachable: never = deterrence;
      return unreachable;
    }
  }
}

export function buildRoadNetwork(territory: Territory): RoadNetwork {
  const Z = territory.zones.length;
  return createRoadNetwork({
    nodeCount: 2 * Z,
    zoneCount: Z,
    firstThruNode: Z,
    links: territory.roadLinks.map((link) => ({
      from: link.from,
      to: link.to,
      capacity: link.capacity,
      length: link.lengthKm,
      freeFlowTime: (link.lengthKm / link.speedKmh) * 60,
      vdf: link.vdf,
    })),
  });
}

/** The territory's PT lines for path search, with the headways of one period of the day. */
export function buildPtLines(territory: Territory, period: 'peak' | 'offPeak' = 'peak'): PtLine[] {
  return territory.ptLines.map((line) => {
    const segmentKm = line.zones
      .slice(1)
      .map((z, i) => Math.max(0.5, zoneDistanceKm(territory, line.zones[i]!, z) * 1.2));
    return {
      id: line.id,
      name: line.name,
      kind: line.kind,
      stops: line.zones,
      segmentKm,
      // Half a minute's dwell at each stop.
      segmentMinutes: segmentKm.map((km) => (km / line.speedKmh) * 60 + 0.5),
      headwayMinutes: period === 'peak' ? line.headwayMinutes : line.offPeakHeadwayMinutes,
      vehicleCapacity: line.vehicleCapacity,
      fare: line.fare,
      farePerKm: line.farePerKm,
    };
  });
}

/**
 * @param options.territory - the territory with the scenario's changes applied
 * @param options.scenario - for the global levers (fuel price, telework, cycling)
 * @param options.constants - alternative-specific constants in MODES order
 */
export function simulate(options: {
  territory: Territory;
  scenario: Scenario;
  parameters: ModelParameters;
  constants: ArrayLike<number>;
}): Simulation {
  const { territory, scenario, parameters: P, constants } = options;
  const zones = territory.zones;
  const Z = zones.length;
  const cells = Z * Z;
  const road = buildRoadNetwork(territory);
  const solver = new ShortestPathSolver(road);

  // Walking and cycling distances: the road network without motorways and expressways.
  const activeCost = new Float64Array(road.linkCount);
  territory.roadLinks.forEach((link, i) => {
    activeCost[i] =
      link.roadClass === 'motorway' || link.roadClass === 'expressway' ? Infinity : link.lengthKm;
  });
  const activeKm = skimZones({ network: road, cost: activeCost, solver }).cost;
  for (let z = 0; z < Z; z++) activeKm[z * Z + z] = zones[z]!.intrazonalKm;

  // Public transport: one stop per zone, walking access from the zone; one network per period
  // of the day, since lines run less often off-peak.
  const ptLines = buildPtLines(territory, 'peak');
  const ptLinesOffPeak = buildPtLines(territory, 'offPeak');
  const access = zones.map((zone, z) => ({
    zone: z,
    stop: z,
    walkMinutes: Math.min(12, Math.max(3, (zone.intrazonalKm / 2 / P.walkSpeedKmh) * 60)),
  }));
  const pt = buildPtGraph({ zoneCount: Z, stopCount: Z, lines: ptLines, access, weights: P.pt });
  const ptSkims = skimPt({ pt, weights: P.pt });
  const ptOffPeak = buildPtGraph({
    zoneCount: Z,
    stopCount: Z,
    lines: ptLinesOffPeak,
    access,
    weights: P.pt,
  });
  const ptSkimsOffPeak = skimPt({ pt: ptOffPeak, weights: P.pt });
  // Intrazonal PT: the urban lines (peak headway up to 15 minutes) serving the zone.
  const intrazonal = (lines: readonly PtLine[]) => {
    const minutes = new Float64Array(Z).fill(Infinity);
    const fare = new Float64Array(Z);
    lines.forEach((line, l) => {
      if (line.kind === 'rail' || ptLines[l]!.headwayMinutes > 15) return;
      for (const z of line.stops) {
        const walk = access[z]!.walkMinutes;
        const cost =
          2 * P.pt.walk * walk + P.pt.wait * (line.headwayMinutes / 2) + (zones[z]!.intrazonalKm / 15) * 60;
        if (cost < minutes[z]!) {
          minutes[z] = cost;
          fare[z] = line.fare;
        }
      }
    });
    return { minutes, fare };
  };
  const { minutes: ptIntrazonal, fare: ptIntrazonalFare } = intrazonal(ptLines);
  const { minutes: ptIntrazonalOffPeak } = intrazonal(ptLinesOffPeak);

  // Car skims at free flow, then congested and averaged.
  const freeFlow = new Float64Array(road.linkCount);
  for (let i = 0; i < road.linkCount; i++) freeFlow[i] = road.freeFlowTime[i]!;
  const carSkim = (cost: Float64Array) => {
    const skim = skimZones({ network: road, cost, solver, attributes: [road.length] });
    for (let z = 0; z < Z; z++) {
      skim.cost[z * Z + z] = (zones[z]!.intrazonalKm / 25) * 60;
      skim.attributes[0]![z * Z + z] = zones[z]!.intrazonalKm;
    }
    return { time: skim.cost, km: skim.attributes[0]! };
  };
  const initial = carSkim(freeFlow);
  const carTime = initial.time;
  const carKm = initial.km;

  const generated = generateTrips({
    zones: {
      population: Float64Array.from(zones, (z) => z.population),
      jobs: Float64Array.from(zones, (z) => z.jobs),
      students: Float64Array.from(zones, (z) => z.students),
      shopsServices: Float64Array.from(zones, (z) => z.shopsServices),
    },
    productionFactor: (purpose) => (purpose === 'home-work' ? 1 - scenario.teleworkShare : 1),
  });

  const fuelPerKm = (scenario.fuelPrice * P.fuelConsumption) / 100;
  const theta = P.theta;
  const [c0, c1, c2, c3, c4] = Array.from({ length: M }, (_, m) => constants[m] ?? 0) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const parking = Float64Array.from(zones, (zone) => zone.parkingCost);
  const carMinutes = new Float64Array(cells);
  const carEuros = new Float64Array(cells);
  const passengerEuros = new Float64Array(cells);
  // PT, bike and walk costs do not depend on congestion: once per run (PT per period).
  const ptMinutes = new Float64Array(cells);
  const ptMinutesOffPeak = new Float64Array(cells);
  const ptEuros = new Float64Array(cells);
  const bikeMinutes = new Float64Array(cells);
  const walkMinutes = new Float64Array(cells);
  const bikeSpeed = P.bikeSpeedKmh * scenario.cyclingQuality;
  for (let k = 0; k < cells; k++) {
    const o = Math.floor(k / Z);
    if (o === k % Z) {
      ptMinutes[k] = ptIntrazonal[o]!;
      ptMinutesOffPeak[k] = ptIntrazonalOffPeak[o]!;
      ptEuros[k] = ptIntrazonalFare[o]!;
    } else {
      const generalised = (skims: PtSkims) =>
        Number.isFinite(skims.cost[k]!)
          ? skims.inVehicle[k]! +
            P.pt.wait * skims.wait[k]! +
            P.pt.walk * skims.walk[k]! +
            P.pt.transferPenalty * skims.transfers[k]!
          : Infinity;
      ptMinutes[k] = generalised(ptSkims);
      ptMinutesOffPeak[k] = generalised(ptSkimsOffPeak);
      ptEuros[k] = Number.isFinite(ptSkims.cost[k]!) ? ptSkims.fare[k]! : 0;
    }
    const active = activeKm[k]!;
    bikeMinutes[k] = active <= P.maxBikeKm ? (active / bikeSpeed) * 60 : Infinity;
    walkMinutes[k] = active <= P.maxWalkKm ? (active / P.walkSpeedKmh) * 60 : Infinity;
  }
  const probabilities = Object.fromEntries(
    PURPOSES.map((p) => [p, Array.from({ length: M }, () => new Float64Array(cells))]),
  ) as Record<Purpose, Float64Array[]>;
  const composite = new Float64Array(cells);
  const carDemand = new Float64Array(cells);
  let trips = {} as Record<Purpose, Float64Array[]>;
  const calibrationTrips = new Float64Array(M);
  const crossBorder = new Float64Array(M);
  const shares = new Float64Array(M);
  const crossBorderPt = territory.calibration.crossBorderPtConstant ?? 0;
  const deterrenceScale = territory.calibration.deterrenceScale ?? 1;
  let withinEpci = 0;
  const skimChange: number[] = [];
  const assignments: { iterations: number; relativeGap: number }[] = [];
  let assignment: AssignmentResult | undefined;
  // Warm starts between feedback iterations: balancing factors and congested link costs.
  const columnFactors: Partial<Record<Purpose, Float64Array>> = {};
  let converged = false;
  let iteration = 0;

  while (iteration < P.feedback.maxIterations) {
    iteration++;
    trips = {} as Record<Purpose, Float64Array[]>;
    calibrationTrips.fill(0);
    withinEpci = 0;
    carDemand.fill(0);
    // Purpose-independent parts of the generalised costs: minutes, and euros to weigh per purpose.
    for (let k = 0; k < cells; k++) {
      const d = k % Z;
      carMinutes[k] = carTime[k]! + P.carTerminalMinutes;
      carEuros[k] = fuelPerKm * carKm[k]! + parking[d]!;
      // Passengers are dropped off (no parking) and share the fuel cost with the driver.
      passengerEuros[k] = 0.5 * fuelPerKm * carKm[k]!;
    }
    for (const purpose of PURPOSES) {
      const perMinute = 60 / P.valueOfTime[purpose]; // minutes per euro
      // PT cost of the purpose: its trips spread over the peaks and the rest of the day.
      const peak = P.periods.peakShare[purpose];
      const prob = probabilities[purpose];
      const [pCar, pPassenger, pPt, pBike, pWalk] = prob as [
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
        Float64Array,
      ];
      for (let k = 0; k < cells; k++) {
        // Multinomial logit, inlined: utilities, then shares and logsum (see logitShares).
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
      const { productions, attractions } = generated[purpose];
      const gravity = distributeGravity({
        productions,
        attractions,
        impedance: composite,
        deterrence: scaleDeterrence(P.deterrence[purpose], deterrenceScale),
        tolerance: P.gravityTolerance,
        maxIterations: 2000,
        initialFactors: columnFactors[purpose],
        overRelaxation: P.gravityOverRelaxation,
      });
      columnFactors[purpose] = gravity.columnFactors;
      const distributed = gravity.trips;
      const byMode = Array.from({ length: M }, () => new Float64Array(cells));
      for (let k = 0; k < cells; k++) {
        const t = distributed[k]!;
        if (t === 0) continue;
        const o = Math.floor(k / Z);
        const inPerimeter = zones[o]!.calibration;
        if (inPerimeter && zones[k - o * Z]!.epci === zones[o]!.epci) withinEpci += t;
        for (let m = 0; m < M; m++) {
          const q = t * prob[m]![k]!;
          byMode[m]![k] = q;
          if (inPerimeter) calibrationTrips[m]! += q;
        }
      }
      trips[purpose] = byMode;
    }
    crossBorder.fill(0);
    for (const flow of territory.externalFlows) {
      const k = flow.origin * Z + flow.destination;
      const factor = flow.purpose === 'home-work' ? 1 - scenario.teleworkShare : 1;
      const prob = probabilities[flow.purpose];
      for (let m = 0; m < M; m++) shares[m] = prob[m]![k]!;
      if (flow.crossBorder && crossBorderPt !== 0) {
        // An extra PT constant multiplies the PT odds by e^shift; the other shares follow.
        const odds = Math.exp(crossBorderPt);
        const denominator = 1 + shares[2]! * (odds - 1);
        for (let m = 0; m < M; m++) shares[m] = (m === 2 ? shares[m]! * odds : shares[m]!) / denominator;
      }
      for (let m = 0; m < M; m++) {
        const q = flow.tripsPerDay * factor * shares[m]!;
        trips[flow.purpose][m]![k]! += q;
        if (flow.crossBorder) crossBorder[m]! += q;
      }
    }
    // Productions are at home, so a purpose's matrix holds both legs of each home-based
    // round trip from home to destination: the daily origin-destination matrix is its
    // symmetric half-sum.
    for (const purpose of PURPOSES) {
      const car = trips[purpose][CAR]!;
      for (let o = 0; o < Z; o++) {
        for (let d = 0; d < Z; d++) {
          carDemand[o * Z + d]! += 0.5 * (car[o * Z + d]! + car[d * Z + o]!) * P.peakHourShare;
        }
      }
    }
    assignment = assignRoad({
      network: road,
      demand: carDemand,
      algorithm: P.assignment.algorithm,
      // Early feedback iterations need no precise equilibrium: 1e-2, 1e-3, then the target.
      gap: Math.max(P.assignment.gap, 10 ** -(iteration + 1)),
      maxIterations: P.assignment.maxIterations,
      initialCosts: assignment?.costs,
    });
    assignments.push({ iterations: assignment.iterations, relativeGap: assignment.relativeGap });
    const congested = carSkim(assignment.costs);
    // Trip-weighted relative change of the car times, then the method of successive averages.
    let weighted = 0;
    let base = 0;
    for (let k = 0; k < cells; k++) {
      const q = carDemand[k]!;
      if (q === 0) continue;
      weighted += q * Math.abs(congested.time[k]! - carTime[k]!);
      base += q * carTime[k]!;
    }
    const step = 1 / (iteration + 1);
    // Relative change of the averaged skims this iteration.
    const change = base > 0 ? (step * weighted) / base : 0;
    skimChange.push(change);
    for (let k = 0; k < cells; k++) {
      carTime[k]! += step * (congested.time[k]! - carTime[k]!);
      carKm[k]! += step * (congested.km[k]! - carKm[k]!);
    }
    if (change <= P.feedback.tolerance && assignment.relativeGap <= P.assignment.gap) {
      converged = true;
      break;
    }
  }
  return {
    zoneCount: Z,
    road,
    assignment: assignment!,
    pt,
    ptLines,
    ptSkims,
    ptOffPeak,
    ptLinesOffPeak,
    ptSkimsOffPeak,
    ptIntrazonal,
    ptIntrazonalOffPeak,
    carTime,
    carKm,
    activeKm,
    trips,
    calibrationTrips,
    calibrationWithinEpci: withinEpci / calibrationTrips.reduce((a, b) => a + b, 0),
    crossBorderTrips: crossBorder,
    convergence: { feedbackIterations: iteration, skimChange, assignments, converged },
  };
}
