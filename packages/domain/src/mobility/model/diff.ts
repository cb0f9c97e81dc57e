/**
 * Differences between two model results (scenario minus baseline), indicator by indicator,
 * link by link, line by line and zone by zone.
 */
import { MODES } from '../demand/purposes.ts';
import type { ModeRecord, ModelResult } from './run-model.ts';

export interface ResultDiff {
  baseline: string;
  scenario: string;
  trips: number;
  /** Percentage points × 0.01 (share differences). */
  modeShares: ModeRecord;
  vehicleKm: number;
  passengerKm: ModeRecord;
  meanTravelMinutes: ModeRecord;
  co2TonnesPerDay: number;
  linksOver90: number;
  linksOver100: number;
  slowPtPairCount: number;
  /** Road sections (connectors and ramps left out) whose daily volume changed, largest change first. */
  links: { from: string; to: string; name: string; dailyVolume: number; volumeCapacity: number }[];
  ptLines: { id: string; peakBoardings: number }[];
  accessibility: { zone: string; car30: number; car45: number; pt30: number; pt45: number }[];
}

const modeDiff = (a: ModeRecord, b: ModeRecord): ModeRecord => {
  const out = { ...a };
  for (const mode of MODES) out[mode] = b[mode] - a[mode];
  return out;
};

/**
 * @param options.baseline - the reference result
 * @param options.scenario - the result to compare (same territory)
 * @param options.minimumLinkChange - smallest daily volume change listed (default 1 vehicle)
 * @example diffResults({ baseline: runModel(), scenario: runModel({ scenario }) }).modeShares.pt
 */
export function diffResults(options: {
  baseline: ModelResult;
  scenario: ModelResult;
  minimumLinkChange?: number;
}): ResultDiff {
  const { baseline: a, scenario: b } = options;
  const threshold = options.minimumLinkChange ?? 1;
  const linkKey = (l: { from: string; to: string; name: string }) => `${l.from}>${l.to}>${l.name}`;
  // Road sections only: connectors and motorway ramps join a zone to itself (both directions
  // would share a key) and are not roads anyone edits.
  const before = new Map(a.links.filter((l) => l.roadClass !== 'connector').map((l) => [linkKey(l), l]));
  const links: ResultDiff['links'] = [];
  for (const link of b.links) {
    if (link.roadClass === 'connector') continue;
    const old = before.get(linkKey(link));
    const dailyVolume = link.dailyVolume - (old?.dailyVolume ?? 0);
    if (Math.abs(dailyVolume) < threshold) continue;
    links.push({
      from: link.from,
      to: link.to,
      name: link.name,
      dailyVolume,
      volumeCapacity: link.volumeCapacity - (old?.volumeCapacity ?? 0),
    });
  }
  links.sort((x, y) => Math.abs(y.dailyVolume) - Math.abs(x.dailyVolume));
  const oldLines = new Map(a.ptLines.map((l) => [l.id, l.peakBoardings]));
  const oldAccess = new Map(a.accessibility.map((z) => [z.zone, z]));
  return {
    baseline: a.scenario,
    scenario: b.scenario,
    trips: b.trips.total - a.trips.total,
    modeShares: modeDiff(a.modeShares, b.modeShares),
    vehicleKm: b.vehicleKm - a.vehicleKm,
    passengerKm: modeDiff(a.passengerKm, b.passengerKm),
    meanTravelMinutes: modeDiff(a.meanTravelMinutes, b.meanTravelMinutes),
    co2TonnesPerDay: b.co2.tonnesPerDay - a.co2.tonnesPerDay,
    linksOver90: b.dysfunctions.linksOver90 - a.dysfunctions.linksOver90,
    linksOver100: b.dysfunctions.linksOver100 - a.dysfunctions.linksOver100,
    slowPtPairCount: b.dysfunctions.slowPtPairCount - a.dysfunctions.slowPtPairCount,
    links,
    ptLines: b.ptLines.map((l) => ({ id: l.id, peakBoardings: l.peakBoardings - (oldLines.get(l.id) ?? 0) })),
    accessibility: b.accessibility.map((z) => {
      const old = oldAccess.get(z.zone);
      return {
        zone: z.zone,
        car30: z.car30 - (old?.car30 ?? 0),
        car45: z.car45 - (old?.car45 ?? 0),
        pt30: z.pt30 - (old?.pt30 ?? 0),
        pt45: z.pt45 - (old?.pt45 ?? 0),
      };
    }),
  };
}
