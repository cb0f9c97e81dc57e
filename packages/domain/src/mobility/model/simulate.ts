/**
 * The four steps with feedback: generation, distribution on the logsum of the modes,
 * mode choice, road assignment to user equilibrium; congested car times averaged (MSA)
 * and fed back until the skims are stable. Returns the raw matrices; see run-model.ts
 * for the indicators.
 */
import { assignRoad, type AssignmentResult } from '../assignment/road-assignment.ts';
import { generateTrips } from '../demand/generation.ts';
import { distributeGravity, type Deterrence } from '../demand/gravity.ts';
import { MODES, PURPOSES, type Purpose } from '../demand/purposes.ts';
import type { RoadNetwork } from '../network/road-network.ts';
import type { Territory } from '../territory/territory.ts';
import type { PtSkims } from '../transit/pt-assignment.ts';
import type { PtGraph, PtLine } from '../transit/pt-network.ts';
import { buildPtLines, buildRoadNetwork, carSkim } from './build-networks.ts';
import { addExternalFlows } from './external-flows.ts';
import { fixedCellCosts, intrazonalPt } from './fixed-costs.ts';
import type { ModelParameters } from './parameters.ts';
import { addHalfSum, averageSkims, logitCells, splitCells } from './kernels.ts';
import { addIntrazonalTrips, INTRAZONAL_CLASSES, intrazonalClassCosts, mixIntrazonal } from './intrazonal.ts';
import type { Scenario } from './scenario.ts';
import { ptStatics, roadStatics } from './static-parts.ts';

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
  /**
   * Intrazonal trips of the distribution (all purposes) per zone and mode (`[z * modes + m]`): trips,
   * their km, and those of at most 1 km and 3 km, from the length classes (./intrazonal.ts).
   */
  intrazonalTrips: { trips: Float64Array; km: Float64Array; upTo1Km: Float64Array; upTo3Km: Float64Array };
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
  const { road, solver, activeKm, freeFlowTime, freeFlowKm } = roadStatics({
    territory,
    build: buildRoadNetwork,
    carSkim: (network, pathSolver, cost) => carSkim(territory, network, pathSolver, cost),
  });

  // Public transport: one stop per zone, walking access from the zone; one network per period
  // of the day, since lines run less often off-peak.
  const {
    ptLines,
    ptLinesOffPeak,
    access: ptAccess,
    pt,
    ptSkims,
    ptOffPeak,
    ptSkimsOffPeak,
  } = ptStatics({
    territory,
    walkSpeedKmh: P.walkSpeedKmh,
    weights: P.pt,
    buildLines: buildPtLines,
  });
  const walkMinutes = ptAccess.map((access) => access.walkMinutes);
  const intrazonal = {
    peak: intrazonalPt({ zones, lines: ptLines, peakLines: ptLines, walkMinutes, weights: P.pt }),
    offPeak: intrazonalPt({ zones, lines: ptLinesOffPeak, peakLines: ptLines, walkMinutes, weights: P.pt }),
  };

  // Car skims at free flow, then congested and averaged (copies: the averaging changes them).
  const carTime = Float64Array.from(freeFlowTime);
  const carKm = Float64Array.from(freeFlowKm);

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
  const modeConstants = Array.from({ length: M }, (_, m) => constants[m] ?? 0) as [
    number,
    number,
    number,
    number,
    number,
  ];
  // Calibration perimeter and EPCI of each zone, as typed arrays for the cell loops.
  const inPerimeter = Uint8Array.from(zones, (zone) => (zone.calibration ? 1 : 0));
  const epciIds = new Map<string | undefined, number>();
  const epciIndex = Int32Array.from(zones, (zone) => {
    if (!epciIds.has(zone.epci)) epciIds.set(zone.epci, epciIds.size);
    return epciIds.get(zone.epci)!;
  });
  const parking = Float64Array.from(zones, (zone) => zone.parkingCost);
  const carMinutes = new Float64Array(cells);
  const carEuros = new Float64Array(cells);
  const passengerEuros = new Float64Array(cells);
  const bikeSpeed = P.bikeSpeedKmh * scenario.cyclingQuality;
  // PT, bike and walk costs do not depend on congestion: once per run (PT per period).
  const fixedCosts = fixedCellCosts({
    zoneCount: Z,
    ptSkims,
    ptSkimsOffPeak,
    intrazonal,
    weights: P.pt,
    activeKm,
    bikeSpeedKmh: bikeSpeed,
    walkSpeedKmh: P.walkSpeedKmh,
    maxBikeKm: P.maxBikeKm,
    maxWalkKm: P.maxWalkKm,
  });
  // Intrazonal trips by length class (./intrazonal.ts), with costs that do not depend on congestion.
  const K = INTRAZONAL_CLASSES;
  const { classKm, classCost, classUpTo1, classUpTo3 } = intrazonalClassCosts({
    zones,
    classes: K,
    fuelPerKm,
    carTerminalMinutes: P.carTerminalMinutes,
    ptAccess: intrazonal.peak.access,
    ptAccessOffPeak: intrazonal.offPeak.access,
    ptFare: intrazonal.peak.fare,
    bikeSpeedKmh: bikeSpeed,
    walkSpeedKmh: P.walkSpeedKmh,
    maxBikeKm: P.maxBikeKm,
    maxWalkKm: P.maxWalkKm,
  });
  const classProbabilities = Object.fromEntries(
    PURPOSES.map((p) => [p, Array.from({ length: M }, () => new Float64Array(Z * K))]),
  ) as Record<Purpose, Float64Array[]>;
  const classComposite = new Float64Array(Z * K);
  // Per zone and mode: intrazonal trips, their km, and those of at most 1 and 3 km.
  const intrazonalTrips = {
    trips: new Float64Array(Z * M),
    km: new Float64Array(Z * M),
    upTo1Km: new Float64Array(Z * M),
    upTo3Km: new Float64Array(Z * M),
  };

  const probabilities = Object.fromEntries(
    PURPOSES.map((p) => [p, Array.from({ length: M }, () => new Float64Array(cells))]),
  ) as Record<Purpose, Float64Array[]>;
  const composite = new Float64Array(cells);
  // Trips by purpose and mode, refilled at each feedback iteration.
  const tripBuffers = Object.fromEntries(
    PURPOSES.map((p) => [p, Array.from({ length: M }, () => new Float64Array(cells))]),
  ) as Record<Purpose, Float64Array[]>;
  const carDemand = new Float64Array(cells);
  let trips = {} as Record<Purpose, Float64Array[]>;
  const calibrationTrips = new Float64Array(M);
  const crossBorder = new Float64Array(M);
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
    for (const sums of Object.values(intrazonalTrips)) sums.fill(0);
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
      logitCells({
        theta,
        constants: modeConstants,
        perMinute,
        peak,
        carMinutes,
        carEuros,
        passengerEuros,
        ...fixedCosts,
        composite,
        probabilities: prob,
      });
      logitCells({
        theta,
        constants: modeConstants,
        perMinute,
        peak,
        ...classCost,
        composite: classComposite,
        probabilities: classProbabilities[purpose],
      });
      mixIntrazonal({
        zoneCount: Z,
        classes: K,
        theta,
        classProbabilities: classProbabilities[purpose],
        classComposite,
        probabilities: prob,
        composite,
      });
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
      const byMode = tripBuffers[purpose];
      withinEpci = splitCells({
        zoneCount: Z,
        distributed,
        probabilities: prob,
        byMode,
        inPerimeter,
        epci: epciIndex,
        calibrationTrips,
        withinEpci,
      });
      trips[purpose] = byMode;
      addIntrazonalTrips({
        zoneCount: Z,
        classes: K,
        distributed,
        classProbabilities: classProbabilities[purpose],
        classKm,
        classUpTo1,
        classUpTo3,
        out: intrazonalTrips,
      });
    }
    addExternalFlows({
      flows: territory.externalFlows,
      zoneCount: Z,
      teleworkShare: scenario.teleworkShare,
      crossBorderPtConstant: territory.calibration.crossBorderPtConstant ?? 0,
      probabilities,
      trips,
      crossBorder,
    });
    // Productions are at home, so a purpose's matrix holds both legs of each home-based
    // round trip from home to destination: the daily origin-destination matrix is its
    // symmetric half-sum.
    for (const purpose of PURPOSES) addHalfSum(trips[purpose][CAR]!, Z, P.peakHourShare, carDemand);
    // Fixed road flows (heavy goods vehicles), by direction, in passenger-car units.
    for (const flow of territory.roadFlows ?? []) {
      carDemand[flow.origin * Z + flow.destination]! +=
        flow.vehiclesPerDay * flow.pcuPerVehicle * P.peakHourShare;
    }
    assignment = assignRoad({
      network: road,
      demand: carDemand,
      algorithm: P.assignment.algorithm,
      // The first feedback iteration, on free-flow skims, needs no precise equilibrium (1e-2);
      // from the second on, the target, so that the run can stop as soon as the skims are stable.
      gap: iteration === 1 ? Math.max(P.assignment.gap, 1e-2) : P.assignment.gap,
      maxIterations: P.assignment.maxIterations,
      initialCosts: assignment?.costs,
    });
    assignments.push({ iterations: assignment.iterations, relativeGap: assignment.relativeGap });
    const congested = carSkim(territory, road, solver, assignment.costs);
    // Method of successive averages; the trip-weighted relative change of the averaged car times.
    const change = averageSkims({
      demand: carDemand,
      time: carTime,
      km: carKm,
      congestedTime: congested.time,
      congestedKm: congested.km,
      step: 1 / (iteration + 1),
    });
    skimChange.push(change);
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
    ptIntrazonal: intrazonal.peak.minutes,
    ptIntrazonalOffPeak: intrazonal.offPeak.minutes,
    carTime,
    carKm,
    activeKm,
    trips,
    intrazonalTrips,
    calibrationTrips,
    calibrationWithinEpci: withinEpci / calibrationTrips.reduce((a, b) => a + b, 0),
    crossBorderTrips: crossBorder,
    convergence: { feedbackIterations: iteration, skimChange, assignments, converged },
  };
}
