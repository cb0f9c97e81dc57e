// The report's map as data: the choropleth of one indicator by zone of the mobility model, the
// model's main roads and PT lines, the towns and the external areas, in longitude/latitude. The
// commune contours are joined by the renderer (packages/export), which holds them.
import type { ModelResult } from '../mobility/model/run-model.ts';
import { NORTH_LORRAINE } from '../mobility/territory/north-lorraine.ts';
import { mapLayers, NO_DATA_COLOUR, type MapIndicator } from '../scenario-lab-map/index.ts';
import type { ReportMapData } from './report.ts';

/** Road classes drawn on the report's map: the named network, not the estimated local links. */
const MAIN_ROAD_CLASSES = new Set(['motorway', 'expressway', 'primary']);
/** ColorBrewer PuBu, 5 classes, light to dark. */
const PAPER_RAMP = ['#f1eef6', '#bdc9e1', '#74a9cf', '#2b8cbe', '#045a8d'] as const;

/** PT lines drawn on the report's map: rail and bus rapid transit (the bus lines would hide the map). */
const MAIN_PT_KINDS = new Set(['rail', 'brt']);

/**
 * The map of a mobility result for the report: zone values and classes (the scenario map's own
 * `mapLayers`, so the report and the lab class zones alike), main roads, rail and BRT lines,
 * internal zones with their population (for town labels) and external areas.
 *
 * @param options.result - the reference scenario's mobility result
 * @param options.indicator - the choropleth's indicator
 */
export function reportMap(options: { result: ModelResult; indicator: MapIndicator }): ReportMapData {
  const territory = NORTH_LORRAINE;
  const layers = mapLayers({
    territory,
    communes: { type: 'FeatureCollection', features: [] },
    result: options.result,
    indicator: options.indicator,
  });
  const zones = new Map(territory.zones.map((zone) => [zone.id, zone]));
  const figures = new Map(layers.figures.map((row) => [row.zone, row]));
  const seenRoads = new Set<string>();
  // The lab's classes, coloured light to dark on paper (ColorBrewer PuBu, one hue, colour-blind
  // safe, legible in grey): the lowest class, most of the territory, stays light, so that roads,
  // lines and names read over it.
  const count = layers.legend.classes.length;
  const ramp = layers.legend.classes.map(
    (_, i) => PAPER_RAMP[count === 1 ? 2 : Math.round((i * (PAPER_RAMP.length - 1)) / (count - 1))]!,
  );
  const colourOf = (classIndex: number | null) => (classIndex === null ? NO_DATA_COLOUR : ramp[classIndex]!);
  return {
    indicator: options.indicator,
    classes: layers.legend.classes.map((c, i) => ({
      min: c.min,
      max: c.max,
      colour: colourOf(i),
      count: c.count,
    })),
    zones: territory.zones
      .filter((zone) => zone.kind === 'internal')
      .map((zone) => {
        const row = figures.get(zone.id);
        return {
          id: zone.id,
          lon: zone.lon,
          lat: zone.lat,
          population: zone.population,
          value: row?.value ?? null,
          colour: colourOf(row?.classIndex ?? null),
        };
      }),
    roads: layers.links.features.flatMap((feature) => {
      const p = feature.properties;
      // One line per pair of zones: a road's two names between the same towns would overlap.
      const pair = p.from < p.to ? `${p.from}|${p.to}` : `${p.to}|${p.from}`;
      if (!MAIN_ROAD_CLASSES.has(p.roadClass) || seenRoads.has(pair)) return [];
      seenRoads.add(pair);
      return [{ name: p.name, roadClass: p.roadClass, coordinates: feature.geometry.coordinates }];
    }),
    ptLines: layers.ptLines.features.flatMap((feature) =>
      MAIN_PT_KINDS.has(feature.properties.kind)
        ? [
            {
              line: feature.properties.line,
              kind: feature.properties.kind,
              coordinates: feature.geometry.coordinates,
            },
          ]
        : [],
    ),
    externals: territory.zones
      .filter((zone) => zone.kind === 'external')
      .map((zone) => ({ id: zone.id, lon: zone.lon, lat: zone.lat })),
    bounds: boundsOf([...zones.values()].filter((zone) => zone.kind === 'internal')),
  };
}

function boundsOf(points: readonly { lon: number; lat: number }[]): ReportMapData['bounds'] {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  return {
    west: Math.min(...lons),
    east: Math.max(...lons),
    south: Math.min(...lats),
    north: Math.max(...lats),
  };
}
