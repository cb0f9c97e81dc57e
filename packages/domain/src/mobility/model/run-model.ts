/**
 * `runModel`: the full model from a territory and a scenario to every indicator.
 */
import { MODES, PURPOSES, type Mode, type Purpose } from '../demand/purposes.ts';
import { NORTH_LORRAINE } from '../territory/north-lorraine.ts';
import type { RoadClass, Territory } from '../territory/territory.ts';
import { assignPt, type PtSegmentLoad } from '../transit/pt-assignment.ts';
import { applyScenario } from './apply-scenario.ts';
import {
  accumulateTrips,
  addModeKmAndMinutes,
  addPtPeriodDemand,
  ptTimeCells,
  slowPtCells,
} from './kernels.ts';
import { DEFAULT_MODEL_PARAMETERS, type ModelParameters } from './parameters.ts';
import { parseScenario, type Scenario, type ScenarioInput } from './scenario.ts';
import { INTRAZONAL_ILLUSTRATIVE } from './intrazonal.ts';
import { simulate, type Simulation } from './simulate.ts';
import {
  correctIntrazonalKmAndMinutes,
  TRIP_LENGTH_SOURCE,
  TRIP_LENGTH_TARGET,
  tripLengthShares,
} from './trip-lengths.ts';

export type ModeRecord = Record<Mode, number>;

export interface LinkResult {
  from: string;
  to: string;
  name: string;
  roadClass: RoadClass;
  lengthKm: number;
  capacity: number;
  /** Passenger-car units in the peak hour (cars, and heavy goods vehicles at their PCU factor). */
  peakFlow: number;
  /** Peak flow / peak-hour share, in passenger-car units (a heavy goods vehicle counts 2). */
  dailyVolume: number;
  volumeCapacity: number;
  freeFlowMinutes: number;
  congestedMinutes: number;
}

export interface ZonePairResult {
  origin: string;
  destination: string;
  trips: number;
  ptMinutes: number;
  carMinutes: number;
}

export interface ModelResult {
  scenario: string;
  territory: string;
  illustrative: string[];
  trips: { total: number; byMode: ModeRecord };
  modeShares: ModeRecord;
  calibrationShares: ModeRecord;
  calibrationTarget: { shares: ModeRecord; source: string };
  /** Share of the perimeter's trips (gravity, external flows excluded) staying in their EPCI, and its target. */
  withinEpci: { share: number; target: number | undefined };
  /** Cross-border commuting flows: daily trips, car (driver and passenger) share and its target. */
  crossBorder: { trips: number; carShare: number; ptShare: number; target: number | undefined };
  sharesByPurpose: Record<Purpose, ModeRecord>;
  sharesByZone: { zone: string; name: string; trips: number; shares: ModeRecord }[];
  /** Daily car vehicle-km on the road network (heavy goods vehicles excluded). */
  vehicleKm: number;
  passengerKm: ModeRecord;
  meanTravelMinutes: ModeRecord;
  /** Shares of the calibration perimeter's trips of at most 1 km and 3 km, and the EDGT's. */
  tripLengths: {
    upTo1Km: number;
    upTo3Km: number;
    target: { upTo1Km: number; upTo3Km: number };
    source: string;
  };
  co2: { tonnesPerDay: number; byMode: ModeRecord; source: string };
  links: LinkResult[];
  /** Loads per PT line segment in an average peak hour, against the peak frequency's capacity. */
  ptSegments: (PtSegmentLoad & { fromZone: string; toZone: string })[];
  /** The same in an average off-peak hour, against the off-peak frequency's capacity. */
  ptSegmentsOffPeak: (PtSegmentLoad & { fromZone: string; toZone: string })[];
  /** Boardings per line in an average peak hour and off-peak hour. */
  ptLines: { id: string; name: string; peakBoardings: number; offPeakBoardings: number }[];
  /** Road names by their highest two-way daily volume on one section, most loaded first. */
  corridors: { name: string; maxDailyVolume: number; from: string; to: string }[];
  dysfunctions: {
    linksOver90: number;
    linksOver100: number;
    congestedLinks: LinkResult[];
    /** Segments over capacity in either period, most crowded first. */
    overloadedPtSegments: (PtSegmentLoad & {
      fromZone: string;
      toZone: string;
      period: 'peak' | 'offPeak';
    })[];
    /** Zone pairs with trips whose PT time is more than twice the car time (top 50 by trips). */
    slowPtPairs: ZonePairResult[];
    slowPtPairCount: number;
  };
  accessibility: { zone: string; name: string; car30: number; car45: number; pt30: number; pt45: number }[];
  /**
   * Door-to-door minutes between every pair of zones (internal and external), origin-major:
   * `car[o * zones.length + d]` is the congested car time, `pt` the peak PT time (in-vehicle,
   * waiting and walking; `Infinity` where PT does not connect). The skills model reads these as
   * its commuting times (`TravelTimeMatrix`).
   */
  skims: { zones: string[]; car: Float64Array; pt: Float64Array };
  convergence: {
    feedbackIterations: number;
    skimChange: number[];
    assignments: { iterations: number; relativeGap: number }[];
    converged: boolean;
    calibrated: boolean;
  };
}

const emptyModes = (): ModeRecord => ({ car: 0, 'car-passenger': 0, pt: 0, bike: 0, walk: 0 });
const toModes = (values: ArrayLike<number>): ModeRecord => {
  const record = emptyModes();
  MODES.forEach((mode, m) => (record[mode] = values[m]!));
  return record;
};
const normalise = (values: ArrayLike<number>): ModeRecord => {
  let total = 0;
  for (let m = 0; m < values.length; m++) total += values[m]!;
  return toModes(Array.from(values, (v) => (total > 0 ? v / total : 0)));
};

/**
 * Runs the mobility model: generation, distribution, mode choice, road and PT assignment
 * with feedback, then the indicators.
 *
 * @param options.territory - default: North Lorraine
 * @param options.scenario - scenario assumptions (validated; default: the baseline)
 * @param options.parameters - model parameters (default {@link DEFAULT_MODEL_PARAMETERS})
 * @param options.constants - mode constants (default: the territory's calibrated ones)
 * @example const result = runModel({ scenario: { teleworkShare: 0.1 } }); result.modeShares.pt
 */
export function runModel(
  options: {
    territory?: Territory;
    scenario?: ScenarioInput | Scenario;
    parameters?: ModelParameters;
    constants?: ArrayLike<number>;
    /** Given the run's simulation and territory (scenario applied), e.g. for a select-link analysis. */
    onSimulation?: (simulation: Simulation, territory: Territory, parameters: ModelParameters) => void;
  } = {},
): ModelResult {
  const base = options.territory ?? NORTH_LORRAINE;
  const scenario = parseScenario(options.scenario ?? {});
  const P = options.parameters ?? DEFAULT_MODEL_PARAMETERS;
  const territory = applyScenario({ territory: base, scenario });
  const constants = options.constants ?? territory.calibration.constants;
  const sim = simulate({ territory, scenario, parameters: P, constants });
  options.onSimulation?.(sim, territory, P);
  const zones = territory.zones;
  const Z = sim.zoneCount;
  const cells = Z * Z;
  const M = MODES.length;

  // Trips per mode and purpose.
  const total = new Float64Array(M);
  const byPurpose = {} as Record<Purpose, ModeRecord>;
  const byZone = Array.from({ length: Z }, () => new Float64Array(M));
  const perMode = Array.from({ length: M }, () => new Float64Array(cells));
  for (const purpose of PURPOSES) {
    const sums = new Float64Array(M);
    sim.trips[purpose].forEach((matrix, m) =>
      accumulateTrips({ matrix, mode: m, zoneCount: Z, sums, target: perMode[m]!, byZone }),
    );
    sums.forEach((s, m) => (total[m]! += s));
    byPurpose[purpose] = normalise(sums);
  }
  const tripTotal = total.reduce((a, b) => a + b, 0);

  // Road results.
  const { road, assignment } = sim;
  const links: LinkResult[] = territory.roadLinks.map((link, i) => {
    const peakFlow = assignment.flows[i]!;
    return {
      from: zones[link.from % Z]!.id,
      to: zones[link.to % Z]!.id,
      name: link.name,
      roadClass: link.roadClass,
      lengthKm: link.lengthKm,
      capacity: link.capacity,
      peakFlow,
      dailyVolume: peakFlow / P.peakHourShare,
      volumeCapacity: peakFlow / link.capacity,
      freeFlowMinutes: road.freeFlowTime[i]!,
      congestedMinutes: assignment.costs[i]!,
    };
  });
  // Cars only: the fixed heavy goods vehicle flows share the links (in passenger-car units) and
  // are taken out along their shortest paths' length.
  let vehicleKm = 0;
  for (const link of links) vehicleKm += link.dailyVolume * link.lengthKm;
  for (const flow of territory.roadFlows ?? []) {
    vehicleKm -= flow.vehiclesPerDay * flow.pcuPerVehicle * sim.carKm[flow.origin * Z + flow.destination]!;
  }
  const roadLinks = links.filter((link) => link.roadClass !== 'connector');
  const congestedLinks = roadLinks
    .filter((l) => l.volumeCapacity > 0.9)
    .sort((a, b) => b.volumeCapacity - a.volumeCapacity);
  // Corridor volumes are two-way, as traffic counts are published.
  const twoWay = new Map<string, number>();
  for (const link of roadLinks) {
    const key =
      link.from < link.to ? `${link.name}|${link.from}|${link.to}` : `${link.name}|${link.to}|${link.from}`;
    twoWay.set(key, (twoWay.get(key) ?? 0) + link.dailyVolume);
  }
  const corridorMap = new Map<string, { name: string; maxDailyVolume: number; from: string; to: string }>();
  for (const [key, volume] of twoWay) {
    const [name, from, to] = key.split('|') as [string, string, string];
    const current = corridorMap.get(name);
    if (!current || volume > current.maxDailyVolume)
      corridorMap.set(name, { name, maxDailyVolume: volume, from, to });
  }
  const corridors = [...corridorMap.values()].sort((a, b) => b.maxDailyVolume - a.maxDailyVolume);

  // Public transport: the PT trips of an average peak hour on the peak network and of an average
  // off-peak hour on the off-peak network (intrazonal trips are not assigned).
  const { peakHours, offPeakHours, peakShare } = P.periods;
  const ptPeak = new Float64Array(cells);
  const ptOffPeak = new Float64Array(cells);
  // Home-based matrices hold both legs of a round trip: the OD matrix is their half-sum.
  const ptTotals = new Float64Array(2);
  for (const purpose of PURPOSES) {
    addPtPeriodDemand({
      daily: sim.trips[purpose][2]!,
      zoneCount: Z,
      peakShare: peakShare[purpose],
      peakHours,
      offPeakHours,
      peak: ptPeak,
      offPeak: ptOffPeak,
      totals: ptTotals,
    });
  }
  const [ptTrips, ptPeakTrips] = ptTotals as unknown as [number, number];
  const ptResult = assignPt({ pt: sim.pt, lines: sim.ptLines, demand: ptPeak, periodHours: 1 });
  const ptResultOffPeak = assignPt({
    pt: sim.ptOffPeak,
    lines: sim.ptLinesOffPeak,
    demand: ptOffPeak,
    periodHours: 1,
  });
  const segmentZones = (segment: PtSegmentLoad) => {
    const line = sim.ptLines.find((l) => l.id === segment.line)!;
    const a = zones[line.stops[segment.segment]!]!.id;
    const b = zones[line.stops[segment.segment + 1]!]!.id;
    return segment.direction === 'forward' ? { fromZone: a, toZone: b } : { fromZone: b, toZone: a };
  };
  const ptSegments = ptResult.segments.map((s) => ({ ...s, ...segmentZones(s) }));
  const ptSegmentsOffPeak = ptResultOffPeak.segments.map((s) => ({ ...s, ...segmentZones(s) }));
  // Times and accessibility by PT are those of the trips' mix of periods (peak for accessibility).
  const ptPeakMix = ptTrips > 0 ? ptPeakTrips / ptTrips : 1;

  // Distances and times per mode.
  const passengerKm = new Float64Array(M);
  const minutes = new Float64Array(M);
  const ptTimes = ptTimeCells({
    zoneCount: Z,
    peakSkims: sim.ptSkims,
    offPeakSkims: sim.ptSkimsOffPeak,
    intrazonal: sim.ptIntrazonal,
    intrazonalOffPeak: sim.ptIntrazonalOffPeak,
    intrazonalKm: Float64Array.from(zones, (zone) => zone.intrazonalKm),
    peakMix: ptPeakMix,
  });
  addModeKmAndMinutes({
    perMode,
    carKm: sim.carKm,
    carTime: sim.carTime,
    ptKm: ptTimes.km,
    ptTime: ptTimes.mixed,
    activeKm: sim.activeKm,
    bikeSpeedKmh: P.bikeSpeedKmh * scenario.cyclingQuality,
    walkSpeedKmh: P.walkSpeedKmh,
    passengerKm,
    minutes,
  });
  correctIntrazonalKmAndMinutes({
    zones,
    intrazonal: sim.intrazonalTrips,
    bikeSpeedKmh: P.bikeSpeedKmh * scenario.cyclingQuality,
    walkSpeedKmh: P.walkSpeedKmh,
    passengerKm,
    minutes,
  });
  const tripLengths = {
    ...tripLengthShares({
      zones,
      perMode,
      carKm: sim.carKm,
      ptKm: ptTimes.km,
      activeKm: sim.activeKm,
      intrazonal: sim.intrazonalTrips,
    }),
    target: { ...TRIP_LENGTH_TARGET },
    source: TRIP_LENGTH_SOURCE,
  };
  const meanTravelMinutes = toModes(Array.from(minutes, (t, m) => (total[m]! > 0 ? t / total[m]! : 0)));

  // CO2: car per vehicle-km (passengers ride in counted cars), PT per passenger-km by kind.
  const ef = P.emissionFactors;
  const co2 = emptyModes();
  co2.car = (vehicleKm * ef.car) / 1000;
  const kindKm = { rail: 0, brt: 0, bus: 0 };
  for (const [segments, hours] of [
    [ptResult.segments, peakHours],
    [ptResultOffPeak.segments, offPeakHours],
  ] as const) {
    for (const segment of segments) {
      const line = sim.ptLines.find((l) => l.id === segment.line)!;
      kindKm[line.kind] += segment.load * line.segmentKm[segment.segment]! * hours;
    }
  }
  co2.pt = (kindKm.rail * ef.rail + kindKm.brt * ef.brt + kindKm.bus * ef.bus) / 1000;

  // Dysfunctions: PT much slower than the car.
  const slow: ZonePairResult[] = slowPtCells({
    zoneCount: Z,
    perMode,
    ptCost: sim.ptSkims.cost,
    ptTime: ptTimes.mixed,
    carTime: sim.carTime,
  }).map(({ cell, trips, ptMinutes }) => ({
    origin: zones[Math.floor(cell / Z)]!.id,
    destination: zones[cell % Z]!.id,
    trips,
    ptMinutes,
    carMinutes: sim.carTime[cell]!,
  }));
  slow.sort((a, b) => b.trips - a.trips);

  // Accessibility: jobs reachable within 30 and 45 minutes.
  const accessibility = zones.map((zone, o) => {
    const reach = { car30: 0, car45: 0, pt30: 0, pt45: 0 };
    for (let d = 0; d < Z; d++) {
      const k = o * Z + d;
      const jobs = zones[d]!.jobs;
      const car = sim.carTime[k]!;
      const pt =
        o === d
          ? Number.isFinite(sim.ptIntrazonal[o]!)
            ? sim.ptIntrazonal[o]!
            : Infinity
          : Number.isFinite(sim.ptSkims.cost[k]!)
            ? ptTimes.peak[k]!
            : Infinity;
      if (car <= 30) reach.car30 += jobs;
      if (car <= 45) reach.car45 += jobs;
      if (pt <= 30) reach.pt30 += jobs;
      if (pt <= 45) reach.pt45 += jobs;
    }
    return { zone: zone.id, name: zone.name, ...reach };
  });

  const calibrationTotal = sim.calibrationTrips.reduce((a, b) => a + b, 0);
  const calibrationShares = normalise(sim.calibrationTrips);
  const targets = territory.calibration.targets;
  const calibrated =
    calibrationTotal > 0 && MODES.every((mode) => Math.abs(calibrationShares[mode] - targets[mode]) <= 0.01);
  return {
    scenario: scenario.name,
    territory: territory.name,
    illustrative: [...territory.illustrative, INTRAZONAL_ILLUSTRATIVE],
    trips: { total: tripTotal, byMode: toModes(total) },
    modeShares: normalise(total),
    calibrationShares,
    calibrationTarget: { shares: { ...targets }, source: territory.calibration.targetSource },
    withinEpci: { share: sim.calibrationWithinEpci, target: territory.calibration.withinEpciTarget },
    crossBorder: (() => {
      const t = sim.crossBorderTrips;
      const trips = t.reduce((x, y) => x + y, 0);
      return {
        trips,
        carShare: trips > 0 ? (t[0]! + t[1]!) / trips : 0,
        ptShare: trips > 0 ? t[2]! / trips : 0,
        target: territory.calibration.crossBorderCarShareTarget,
      };
    })(),
    sharesByPurpose: byPurpose,
    sharesByZone: zones.map((zone, z) => ({
      zone: zone.id,
      name: zone.name,
      trips: byZone[z]!.reduce((a, b) => a + b, 0),
      shares: normalise(byZone[z]!),
    })),
    vehicleKm,
    passengerKm: toModes(passengerKm),
    meanTravelMinutes,
    tripLengths,
    co2: { tonnesPerDay: co2.car + co2.pt, byMode: co2, source: ef.source },
    links,
    ptSegments,
    ptSegmentsOffPeak,
    ptLines: sim.ptLines.map((line, l) => ({
      id: line.id,
      name: line.name,
      peakBoardings: ptResult.boardingsPerLine[l]!,
      offPeakBoardings: ptResultOffPeak.boardingsPerLine[l]!,
    })),
    corridors,
    dysfunctions: {
      linksOver90: roadLinks.filter((l) => l.volumeCapacity > 0.9).length,
      linksOver100: roadLinks.filter((l) => l.volumeCapacity > 1).length,
      congestedLinks,
      overloadedPtSegments: [
        ...ptSegments.filter((s) => s.crowding > 1).map((s) => ({ ...s, period: 'peak' as const })),
        ...ptSegmentsOffPeak.filter((s) => s.crowding > 1).map((s) => ({ ...s, period: 'offPeak' as const })),
      ].sort((a, b) => b.crowding - a.crowding),
      slowPtPairs: slow.slice(0, 50),
      slowPtPairCount: slow.length,
    },
    accessibility,
    skims: (() => {
      const car = new Float64Array(cells);
      const pt = new Float64Array(cells);
      for (let k = 0; k < cells; k++) {
        car[k] = sim.carTime[k]!;
        const o = Math.floor(k / Z);
        pt[k] =
          k % (Z + 1) === 0
            ? sim.ptIntrazonal[o]!
            : Number.isFinite(sim.ptSkims.cost[k]!)
              ? ptTimes.peak[k]!
              : Infinity;
      }
      return { zones: zones.map((zone) => zone.id), car, pt };
    })(),
    convergence: { ...sim.convergence, calibrated },
  };
}
