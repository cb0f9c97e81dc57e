import type { MapLayers } from '@atelier/domain';
import type { ExpressionSpecification, FilterSpecification, StyleSpecification } from 'maplibre-gl';

/** Colours of the road levels and PT lines: distinct from the choropleth ramps and each other. */
export const ROAD_COLOURS = { free: '#f2f2f2', busy: '#f28e2b', over: '#b2182b' } as const;
export const PT_COLOUR = '#00a0b0';
const CASING = '#1a1f2b';

/** The source ids, and the layers a click or the zone list acts on. */
export const SOURCES = ['zones', 'links', 'pt', 'externals'] as const;
export const ZONE_FILL_LAYER = 'zones-fill';

/** Filter of the outline that shows the selected zone. */
export function selectionFilter(zone: string | null): FilterSpecification {
  return ['==', ['get', 'zone'], zone ?? ''];
}

const roadWidth: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['get', 'volumeCapacity'],
  0,
  1,
  0.9,
  3,
  1.2,
  6,
];

/**
 * The whole map style, built in code: local GeoJSON sources only — no tiles, glyphs or sprites
 * (no text layers: names are in the legend, the zone list and the table).
 */
export function buildStyle(layers: MapLayers, selectedZone: string | null): StyleSpecification {
  return {
    version: 8,
    sources: {
      zones: { type: 'geojson', data: layers.zones },
      links: { type: 'geojson', data: layers.links },
      pt: { type: 'geojson', data: layers.ptLines },
      externals: { type: 'geojson', data: layers.externals },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e9edf2' } },
      {
        id: ZONE_FILL_LAYER,
        type: 'fill',
        source: 'zones',
        paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.85 },
      },
      {
        id: 'zones-outline',
        type: 'line',
        source: 'zones',
        paint: { 'line-color': '#ffffff', 'line-width': 0.4, 'line-opacity': 0.7 },
      },
      {
        // Free-flowing roads stay thin and light so the choropleth reads; busy and over ones get a casing.
        id: 'links-casing',
        type: 'line',
        source: 'links',
        filter: ['!=', ['get', 'level'], 'free'],
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': CASING, 'line-width': ['+', roadWidth, 1.5] },
      },
      {
        id: 'links',
        type: 'line',
        source: 'links',
        filter: ['!=', ['get', 'level'], 'over'],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': ['match', ['get', 'level'], 'busy', ROAD_COLOURS.busy, ROAD_COLOURS.free],
          'line-width': ['match', ['get', 'level'], 'busy', roadWidth, 0.8],
          'line-opacity': ['match', ['get', 'level'], 'busy', 1, 0.55],
        },
      },
      {
        // Over capacity: dashed as well as red, so colour is not the only signal.
        id: 'links-over',
        type: 'line',
        source: 'links',
        filter: ['==', ['get', 'level'], 'over'],
        paint: { 'line-color': ROAD_COLOURS.over, 'line-width': roadWidth, 'line-dasharray': [1.5, 0.6] },
      },
      {
        id: 'pt',
        type: 'line',
        source: 'pt',
        filter: ['!', ['get', 'over']],
        layout: { 'line-cap': 'round' },
        paint: {
          'line-color': PT_COLOUR,
          'line-width': ['interpolate', ['linear'], ['get', 'load'], 0, 1, 500, 2.5, 3000, 6],
        },
      },
      {
        id: 'pt-over',
        type: 'line',
        source: 'pt',
        filter: ['get', 'over'],
        paint: {
          'line-color': PT_COLOUR,
          'line-width': ['interpolate', ['linear'], ['get', 'load'], 0, 1, 500, 2.5, 3000, 6],
          'line-dasharray': [1, 1],
        },
      },
      {
        id: 'externals',
        type: 'circle',
        source: 'externals',
        paint: {
          'circle-radius': 6,
          'circle-color': '#ffffff',
          'circle-stroke-color': CASING,
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'zone-selected',
        type: 'line',
        source: 'zones',
        filter: selectionFilter(selectedZone),
        paint: { 'line-color': '#000000', 'line-width': 3 },
      },
    ],
  };
}

/** The bounding box [west, south, east, north] of the zones, to fit the view. */
export function zonesBounds(layers: MapLayers): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (position: readonly number[]) => {
    const [lon, lat] = position as [number, number];
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  };
  for (const feature of layers.zones.features) {
    const geometry = feature.geometry;
    if (geometry.type === 'Polygon') geometry.coordinates.forEach((ring) => ring.forEach(visit));
    else if (geometry.type === 'MultiPolygon')
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(visit)));
  }
  for (const feature of layers.externals.features) visit(feature.geometry.coordinates);
  return [west, south, east, north];
}
