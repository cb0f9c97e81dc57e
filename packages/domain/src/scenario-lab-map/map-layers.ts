/**
 * `mapLayers`: the scenario map's layers as GeoJSON, built from the territory, the commune
 * contours and a model result (and optionally a second result to compare with).
 */
import type { ModelResult } from '../mobility/model/run-model.ts';
import type { Territory } from '../mobility/territory/territory.ts';
import type { ModelLocale } from '../names/locale.ts';
import { localisePlaceText, nameOfZone, roadName } from '../names/place-names.ts';
import { classBreaks, classOf, NO_DATA_COLOUR, type ClassBreaks } from './classes.ts';
import type { CommuneContours, FeatureCollection, LineGeometry, PointGeometry, Position } from './geojson.ts';

/** What the map needs of a territory: its zones (ids, names, kinds, centres) and PT lines. */
export type MapTerritory = Pick<Territory, 'name' | 'zones' | 'ptLines'>;

export const MAP_INDICATORS = ['ptShare', 'pt45', 'car30', 'skillsGap'] as const;
/**
 * ptShare: PT share of the trips from the zone (0–1); pt45 / car30: jobs reachable; skillsGap: given
 * per zone — in the lab, the zone's EPCI's unfilled share of positions to fill (0–1, `skillsGapByZone`).
 */
export type MapIndicator = (typeof MAP_INDICATORS)[number];

/** Volume/capacity above which a road section is busy, and over capacity (the model's dysfunctions). */
export const BUSY_VC = 0.9;
export const OVER_VC = 1;

/** Class bounds of the PT share: 1 %, 2 %, 5 %, 10 %. */
export const PT_SHARE_STEPS = [0.01, 0.02, 0.05, 0.1] as const;

export type LinkLevel = 'free' | 'busy' | 'over';

/** The figures of one internal zone, for the table alternative and the selection panel. */
export interface ZoneFigures {
  zone: string;
  name: string;
  ptShare: number;
  pt45: number;
  car30: number;
  skillsGap: number | null;
  /** The chosen indicator (the difference with `compareTo` when given); null without data. */
  value: number | null;
  /** The chosen indicator in the compared result, when comparing. */
  reference: number | null;
  classIndex: number | null;
  colour: string;
}

export interface CommuneProperties {
  code: string;
  nom: string;
  zone: string;
  zoneName: string;
  value: number | null;
  colour: string;
}

export interface LinkProperties {
  id: string;
  name: string;
  roadClass: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** Highest of the two directions, peak hour. */
  volumeCapacity: number;
  /** Both directions, vehicles a day. */
  dailyVolume: number;
  level: LinkLevel;
  /** Change of the volume/capacity against `compareTo` (null without it). */
  volumeCapacityChange: number | null;
}

export interface PtProperties {
  id: string;
  line: string;
  /** Segment index along the line's stops. */
  segment: number;
  lineName: string;
  kind: string;
  from: string;
  to: string;
  fromName: string;
  toName: string;
  /** Peak-hour passengers on the busier direction, and that direction's capacity. */
  load: number;
  capacity: number;
  crowding: number;
  over: boolean;
}

export interface ExternalProperties {
  zone: string;
  name: string;
}

export interface MapLayers {
  indicator: MapIndicator;
  comparing: boolean;
  zones: FeatureCollection<CommuneProperties>;
  links: FeatureCollection<LinkProperties, LineGeometry>;
  ptLines: FeatureCollection<PtProperties, LineGeometry>;
  externals: FeatureCollection<ExternalProperties, PointGeometry>;
  /** One row per internal zone, in the territory's order. */
  figures: ZoneFigures[];
  legend: ClassBreaks;
  /** Road sections over {@link BUSY_VC}, and PT segments over capacity, worst first. */
  dysfunctions: { links: LinkProperties[]; ptSegments: PtProperties[] };
}

function indicatorValues(
  result: ModelResult,
  skillsGap: Record<string, number> | undefined,
): Map<string, { ptShare: number; pt45: number; car30: number; skillsGap: number | null }> {
  const values = new Map<
    string,
    { ptShare: number; pt45: number; car30: number; skillsGap: number | null }
  >();
  const access = new Map(result.accessibility.map((row) => [row.zone, row]));
  for (const row of result.sharesByZone) {
    const a = access.get(row.zone);
    values.set(row.zone, {
      ptShare: row.shares.pt,
      pt45: a?.pt45 ?? 0,
      car30: a?.car30 ?? 0,
      skillsGap: skillsGap?.[row.zone] ?? null,
    });
  }
  return values;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function roadSections(
  result: ModelResult,
): Map<string, { vc: number; daily: number; link: ModelResult['links'][number] }> {
  const sections = new Map<string, { vc: number; daily: number; link: ModelResult['links'][number] }>();
  for (const link of result.links) {
    if (link.roadClass === 'connector' || link.from === link.to) continue;
    const key = `${link.name}|${pairKey(link.from, link.to)}`;
    const current = sections.get(key);
    if (current) {
      current.vc = Math.max(current.vc, link.volumeCapacity);
      current.daily += link.dailyVolume;
    } else sections.set(key, { vc: link.volumeCapacity, daily: link.dailyVolume, link });
  }
  return sections;
}

const levelOf = (vc: number): LinkLevel => (vc > OVER_VC ? 'over' : vc > BUSY_VC ? 'busy' : 'free');

/**
 * Builds every layer of the scenario map. Internal zones are drawn as their communes, each
 * carrying its zone's values and fill colour; road sections and PT segments are straight
 * lines between zone centres (the model has no road geometry).
 *
 * @param options.territory - the territory the result was computed on
 * @param options.communes - the commune contours (`communes.geojson`)
 * @param options.result - the model result to show
 * @param options.indicator - the choropleth's indicator
 * @param options.compareTo - a second result: the choropleth then shows result − compareTo
 * @param options.skillsGap - the skills gap per zone id, when the skills model gives one
 * @param options.compareSkillsGap - the skills gap of `compareTo`'s scenario (default: `skillsGap`)
 * @param options.locale - names zones, roads, lines and external areas in this language (`names/`);
 *   without it, the territory's own names
 * @example mapLayers({ territory: NORTH_LORRAINE, communes, result: runModel(), indicator: 'ptShare' }).figures.length // 131
 */
export function mapLayers(options: {
  territory: MapTerritory;
  communes: CommuneContours;
  result: ModelResult;
  indicator: MapIndicator;
  compareTo?: ModelResult;
  skillsGap?: Record<string, number>;
  compareSkillsGap?: Record<string, number>;
  locale?: ModelLocale;
}): MapLayers {
  const { territory, communes, result, indicator, compareTo, skillsGap, locale } = options;
  const zonesById = new Map(territory.zones.map((zone) => [zone.id, zone]));
  const zoneNameOf = (zone: { id: string; name: string }) => (locale ? nameOfZone(zone, locale) : zone.name);
  const nameOf = (id: string) => {
    const zone = zonesById.get(id);
    return zone ? zoneNameOf(zone) : id;
  };
  const roadNameOf = (name: string) => (locale ? roadName(name, locale) : name);
  const lineNameOf = (name: string) => (locale ? localisePlaceText(name, locale) : name);
  const centre = (id: string): Position | undefined => {
    const zone = zonesById.get(id);
    return zone ? [zone.lon, zone.lat] : undefined;
  };

  // Zone figures and the choropleth's classes.
  const current = indicatorValues(result, skillsGap);
  const reference = compareTo ? indicatorValues(compareTo, options.compareSkillsGap ?? skillsGap) : undefined;
  const internal = territory.zones.filter((zone) => zone.kind === 'internal');
  const partial = internal.map((zone) => {
    const now = current.get(zone.id);
    const before = reference?.get(zone.id);
    const level = now ? now[indicator] : null;
    const base = before ? before[indicator] : null;
    const value = level === null ? null : reference ? (base === null ? null : level - base) : level;
    return {
      zone: zone.id,
      name: zoneNameOf(zone),
      ptShare: now?.ptShare ?? 0,
      pt45: now?.pt45 ?? 0,
      car30: now?.car30 ?? 0,
      skillsGap: now?.skillsGap ?? null,
      value,
      reference: reference ? base : null,
    };
  });
  const legend = classBreaks({
    values: partial.flatMap((row) => (row.value === null ? [] : [row.value])),
    diverging: reference !== undefined,
    // Most zones have a PT share of a few per cent: fixed steps read better than quantiles.
    steps: indicator === 'ptShare' ? PT_SHARE_STEPS : undefined,
  });
  const figures: ZoneFigures[] = partial.map((row) => {
    const classIndex = row.value === null ? null : classOf(legend.breaks, row.value);
    return {
      ...row,
      classIndex,
      colour: classIndex === null ? NO_DATA_COLOUR : legend.classes[classIndex]!.colour,
    };
  });
  const figuresById = new Map(figures.map((row) => [row.zone, row]));

  const zones: MapLayers['zones'] = {
    type: 'FeatureCollection',
    features: communes.features.map((feature, i) => {
      const row = figuresById.get(feature.properties.zone);
      return {
        type: 'Feature',
        id: i,
        properties: {
          code: feature.properties.code,
          nom: feature.properties.nom,
          zone: feature.properties.zone,
          zoneName: nameOf(feature.properties.zone),
          value: row?.value ?? null,
          colour: row?.colour ?? NO_DATA_COLOUR,
        },
        geometry: feature.geometry,
      };
    }),
  };

  // Road sections, both directions merged.
  const before = compareTo ? roadSections(compareTo) : undefined;
  const links: MapLayers['links'] = { type: 'FeatureCollection', features: [] };
  for (const [key, section] of roadSections(result)) {
    const a = centre(section.link.from);
    const b = centre(section.link.to);
    if (!a || !b) continue;
    const old = before?.get(key);
    links.features.push({
      type: 'Feature',
      id: links.features.length,
      properties: {
        id: key,
        name: roadNameOf(section.link.name),
        roadClass: section.link.roadClass,
        from: section.link.from,
        to: section.link.to,
        fromName: nameOf(section.link.from),
        toName: nameOf(section.link.to),
        volumeCapacity: section.vc,
        dailyVolume: section.daily,
        level: levelOf(section.vc),
        volumeCapacityChange: old ? section.vc - old.vc : null,
      },
      geometry: { type: 'LineString', coordinates: [a, b] },
    });
  }

  // PT segments: the busier direction of each segment.
  const lineInfo = new Map(territory.ptLines.map((line) => [line.id, line]));
  const segments = new Map<string, PtProperties>();
  for (const segment of result.ptSegments) {
    const key = `${segment.line}|${segment.segment}`;
    const seen = segments.get(key);
    if (seen && seen.crowding >= segment.crowding) continue;
    segments.set(key, {
      id: key,
      line: segment.line,
      segment: segment.segment,
      lineName: lineNameOf(lineInfo.get(segment.line)?.name ?? segment.line),
      kind: lineInfo.get(segment.line)?.kind ?? 'bus',
      from: segment.fromZone,
      to: segment.toZone,
      fromName: nameOf(segment.fromZone),
      toName: nameOf(segment.toZone),
      load: segment.load,
      capacity: segment.capacity,
      crowding: segment.crowding,
      over: segment.crowding > 1,
    });
  }
  const ptLines: MapLayers['ptLines'] = { type: 'FeatureCollection', features: [] };
  for (const properties of segments.values()) {
    const a = centre(properties.from);
    const b = centre(properties.to);
    if (!a || !b) continue;
    ptLines.features.push({
      type: 'Feature',
      id: ptLines.features.length,
      properties,
      geometry: { type: 'LineString', coordinates: [a, b] },
    });
  }

  const externals: MapLayers['externals'] = {
    type: 'FeatureCollection',
    features: territory.zones
      .filter((zone) => zone.kind === 'external')
      .map((zone, i) => ({
        type: 'Feature',
        id: i,
        properties: { zone: zone.id, name: zoneNameOf(zone) },
        geometry: { type: 'Point', coordinates: [zone.lon, zone.lat] },
      })),
  };

  return {
    indicator,
    comparing: compareTo !== undefined,
    zones,
    links,
    ptLines,
    externals,
    figures,
    legend,
    dysfunctions: {
      links: links.features
        .map((f) => f.properties)
        .filter((p) => p.level !== 'free')
        .sort((a, b) => b.volumeCapacity - a.volumeCapacity),
      ptSegments: ptLines.features
        .map((f) => f.properties)
        .filter((p) => p.over)
        .sort((a, b) => b.crowding - a.crowding),
    },
  };
}
