/**
 * What the default territory adds to the generated data (`north-lorraine.json`): two roads the
 * generator leaves out, the cross-border commuters who live outside the perimeter, and the heavy
 * goods vehicles of the A31. Without them the A31 north of Thionville carried half its observed
 * traffic (method and figures in ./README.md, "Through traffic and heavy goods vehicles").
 */
import { zoneDistanceKm } from '../model/apply-scenario.ts';
import type { ExternalFlow, RoadFlow, Territory, TerritoryRoadLink } from './territory.ts';

/** IBA-OIE 2023: Lorraine residents working in Luxembourg. */
const LORRAINE_TO_LUXEMBOURG = 115_000;
/** Share of the commuters present on an average working day, as in the generated flows. */
const PRESENCE = 0.9;
/** Heavy goods vehicles a day, two-way, on the A31 Metz–Luxembourg (DREAL Grand Est 2022, FACTS.md). */
const A31_HGV_PER_DAY = 15_000;
/** French convention for interurban roads: one heavy goods vehicle = 2 passenger-car units. */
const HGV_PCU = 2;

/** Motorway ramps: length and speed (estimates). */
const RAMP_KM = 0.5;
const RAMP_KMH = 40;

/** Where the commuters living outside the perimeter enter it (estimate, illustrative). */
const OUTSIDE_COMMUTER_ENTRIES: readonly (readonly [string, number])[] = [
  ['X-NANCY', 0.6], // Nancy and the south of Lorraine, by the A31
  ['X-SAAR', 0.4], // eastern Moselle, by the A4
];
/** Ends of the A31's heavy goods vehicles other than Luxembourg (estimate, illustrative). */
const HGV_ENDS: readonly (readonly [string, number])[] = [
  ['X-NANCY', 0.55], // A31 south: Nancy, Lyon, southern Europe
  ['X-WEST', 0.2], // A4 west: Reims, Paris (Saarland–Luxembourg traffic takes the A8 and A13, not the A31)
  ['57463', 0.1], // Metz
  ['57283', 0.05], // Hagondange (Moselle valley industry)
  ['57672', 0.1], // Thionville
];

export const NORTH_LORRAINE_ADDITIONS_ILLUSTRATIVE = [
  'Roads added to the generated network: the A13 (Luxembourg) from the border at Zoufftgen to Esch-sur-Alzette by the Bettembourg junction (16 km, estimated from the route) and the D953 (ex-N53) Metz–Woippy–Maizières–Talange–Hagondange (estimated town-to-town course).',
  `Cross-border commuters living outside the perimeter (${LORRAINE_TO_LUXEMBOURG.toLocaleString('en-GB')} IBA-OIE 2023 minus those placed in it) enter by the A31 south (60 %) and the A4 east (40 %): estimates.`,
  `Heavy goods vehicles: ${A31_HGV_PER_DAY.toLocaleString('en-GB')} a day on the A31 Metz–Luxembourg (DREAL Grand Est 2022) at ${HGV_PCU} passenger-car units each, between Luxembourg and Nancy 55 %, A4 west 20 %, Metz 10 %, Hagondange 5 %, Thionville 10 % (estimated split); road volumes are in passenger-car units.`,
];

function zoneIndex(territory: Territory, id: string): number {
  const z = territory.zones.findIndex((zone) => zone.id === id);
  if (z < 0) throw new Error(`North Lorraine additions: no zone "${id}" in the generated territory`);
  return z;
}

function road(
  territory: Territory,
  a: string,
  b: string,
  spec: Pick<TerritoryRoadLink, 'roadClass' | 'speedKmh' | 'lanes' | 'capacity' | 'name'> & {
    lengthKm?: number;
    detour?: number;
  },
): TerritoryRoadLink[] {
  const Z = territory.zones.length;
  const za = zoneIndex(territory, a);
  const zb = zoneIndex(territory, b);
  const straight = zoneDistanceKm(territory, za, zb);
  const lengthKm = spec.lengthKm ?? Math.round(Math.max(0.5, straight * (spec.detour ?? 1)) * 100) / 100;
  const { roadClass, speedKmh, lanes, capacity, name } = spec;
  return [
    [za, zb],
    [zb, za],
  ].map(([from, to]) => ({
    from: Z + from!,
    to: Z + to!,
    lengthKm,
    speedKmh,
    lanes,
    capacity,
    roadClass,
    name,
    vdf: 'bpr' as const,
  }));
}

/**
 * The generated territory with the additions. Pure: returns a new territory.
 *
 * @param territory - the generated North Lorraine territory (`north-lorraine.json`)
 * @example const territory = withNorthLorraineAdditions(data); territory.roadFlows!.length
 */
export function withNorthLorraineAdditions(territory: Territory): Territory {
  const lux = zoneIndex(territory, 'X-LUX');
  const esch = zoneIndex(territory, 'X-ESCH');

  // Roads. The A31 becomes the A3 at the border; the A13 leaves it at the Bettembourg junction
  // for Esch. Without it, trips from the Moselle valley to Esch had only the Fensch valley roads.
  const motorway = { roadClass: 'motorway', speedKmh: 110, lanes: 2, capacity: 2 * 1900 } as const;
  const primary = { roadClass: 'primary', speedKmh: 70, lanes: 1, capacity: 1100, detour: 1.3 } as const;
  const d953 = { ...primary, name: 'D953 (ex-N53)' };
  const roadLinks = [
    ...territory.roadLinks,
    ...road(territory, 'G57731', 'X-ESCH', { ...motorway, name: 'A13 (Luxembourg)', lengthKm: 16 }),
    ...road(territory, '57463', '57751', d953),
    ...road(territory, '57751', '57433', d953),
    ...road(territory, '57433', '57663', d953),
    ...road(territory, '57663', '57283', d953),
  ];

  // Motorway interchanges: where a town's road node also serves local roads, the motorway
  // passes through an interchange node of its own (node 2 × zones + zone), reached by ramps of
  // half a kilometre at 40 km/h (45 seconds, estimate). Without them, hops of 2 km between
  // neighbouring towns took the motorway at 110 km/h from door to door.
  const Z = territory.zones.length;
  const isMotorway = (link: TerritoryRoadLink) => link.roadClass === 'motorway';
  const served = new Set<number>();
  for (const link of roadLinks) {
    if (link.roadClass !== 'connector' && !isMotorway(link)) served.add(link.from);
  }
  const interchange = new Set<number>();
  for (const link of roadLinks) {
    if (!isMotorway(link)) continue;
    for (const node of [link.from, link.to]) {
      if (territory.zones[node - Z]?.kind === 'internal' && served.has(node)) interchange.add(node);
    }
  }
  const moved = (node: number) => (interchange.has(node) ? node + Z : node);
  const withInterchanges: TerritoryRoadLink[] = roadLinks.map((link) =>
    isMotorway(link) ? { ...link, from: moved(link.from), to: moved(link.to) } : link,
  );
  for (const node of [...interchange].sort((a, b) => a - b)) {
    for (const [from, to] of [
      [node, node + Z],
      [node + Z, node],
    ] as const) {
      withInterchanges.push({
        from,
        to,
        lengthKm: RAMP_KM,
        speedKmh: RAMP_KMH,
        lanes: 1,
        capacity: 99_999,
        roadClass: 'connector',
        name: 'interchange',
        vdf: 'bpr',
      });
    }
  }

  // Cross-border commuters living outside the perimeter: the IBA-OIE total minus those the
  // generated flows place in it, each to Luxembourg city and Esch in the generated proportions.
  let placed = 0;
  const toDestination = new Map<number, number>();
  for (const flow of territory.externalFlows) {
    if (!flow.crossBorder || territory.zones[flow.origin]!.kind !== 'internal') continue;
    placed += flow.tripsPerDay / PRESENCE;
    toDestination.set(flow.destination, (toDestination.get(flow.destination) ?? 0) + flow.tripsPerDay);
  }
  const outside = Math.max(0, LORRAINE_TO_LUXEMBOURG - placed);
  const destinationShare = (d: number) => (toDestination.get(d) ?? 0) / (placed * PRESENCE);
  const externalFlows: ExternalFlow[] = [...territory.externalFlows];
  for (const [entry, share] of OUTSIDE_COMMUTER_ENTRIES) {
    const o = zoneIndex(territory, entry);
    for (const d of [lux, esch]) {
      const tripsPerDay = Math.round(outside * share * destinationShare(d) * PRESENCE * 10) / 10;
      externalFlows.push(
        { origin: o, destination: d, tripsPerDay, purpose: 'home-work', crossBorder: true },
        { origin: d, destination: o, tripsPerDay, purpose: 'home-work', crossBorder: true },
      );
    }
  }

  // Heavy goods vehicles of the A31, half each way.
  const roadFlows: RoadFlow[] = [...(territory.roadFlows ?? [])];
  for (const [end, share] of HGV_ENDS) {
    const z = zoneIndex(territory, end);
    const vehiclesPerDay = (A31_HGV_PER_DAY * share) / 2;
    roadFlows.push(
      { origin: z, destination: lux, vehiclesPerDay, pcuPerVehicle: HGV_PCU, kind: 'hgv' },
      { origin: lux, destination: z, vehiclesPerDay, pcuPerVehicle: HGV_PCU, kind: 'hgv' },
    );
  }

  return {
    ...territory,
    sources: [
      ...territory.sources,
      'Heavy goods vehicles on the A31 Metz–Luxembourg: DREAL Grand Est 2022 (see shared/data/FACTS.md).',
    ],
    illustrative: [...territory.illustrative, ...NORTH_LORRAINE_ADDITIONS_ILLUSTRATIVE],
    roadLinks: withInterchanges,
    externalFlows,
    roadFlows,
  };
}
