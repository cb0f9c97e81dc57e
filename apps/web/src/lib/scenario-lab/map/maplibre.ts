import type { MapLayers } from '@atelier/domain';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { buildStyle, ZONE_FILL_LAYER, zonesBounds } from './map-style.ts';

/** Whether this browser can give MapLibre a WebGL context. */
export function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Distinct zones among the features MapLibre has loaded in the zones source (for tests and checks). */
export function renderedZoneCount(map: MapLibreMap): number {
  const features = map.querySourceFeatures('zones');
  return new Set(features.map((feature) => String(feature.properties['zone']))).size;
}

/**
 * Loads MapLibre (a separate chunk, with its worker served from this origin) and draws the
 * layers; resolves once the style is loaded. External zones get HTML labels: no glyphs needed.
 */
export async function createMap(options: {
  container: HTMLElement;
  layers: MapLayers;
  selectedZone: string | null;
  onSelect: (zone: string) => void;
  onIdle: (renderedZones: number) => void;
  /** The map's own control texts in the interface language (MapLibre's locale keys). */
  texts: { title: string; zoomIn: string; zoomOut: string };
}): Promise<MapLibreMap> {
  const [maplibre, worker] = await Promise.all([
    import('maplibre-gl'),
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
    import('maplibre-gl/dist/maplibre-gl.css'),
  ]);
  maplibre.setWorkerUrl(worker.default);
  const map = new maplibre.Map({
    container: options.container,
    style: buildStyle(options.layers, options.selectedZone),
    bounds: zonesBounds(options.layers),
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    maplibreLogo: false,
    dragRotate: false,
    pitchWithRotate: false,
    fadeDuration: 0,
    locale: {
      'Map.Title': options.texts.title,
      'NavigationControl.ZoomIn': options.texts.zoomIn,
      'NavigationControl.ZoomOut': options.texts.zoomOut,
    },
  });
  map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
  map.on('click', ZONE_FILL_LAYER, (event) => {
    const zone = event.features?.[0]?.properties['zone'];
    if (typeof zone === 'string') options.onSelect(zone);
  });
  map.on('mouseenter', ZONE_FILL_LAYER, () => (map.getCanvas().style.cursor = 'pointer'));
  map.on('mouseleave', ZONE_FILL_LAYER, () => (map.getCanvas().style.cursor = ''));
  map.on('idle', () => options.onIdle(renderedZoneCount(map)));
  const [west, , east] = zonesBounds(options.layers);
  const middle = (west + east) / 2;
  for (const feature of options.layers.externals.features) {
    // Labels point inwards so that none runs off the map's edge.
    const eastward = feature.geometry.coordinates[0] > middle;
    const label = document.createElement('span');
    label.className = 'scenario-map-label';
    label.textContent = feature.properties.name;
    // The names are in the legend; the labels only repeat them on the map.
    label.setAttribute('aria-hidden', 'true');
    new maplibre.Marker({
      element: label,
      anchor: eastward ? 'right' : 'left',
      offset: [eastward ? -9 : 9, 0],
    })
      .setLngLat(feature.geometry.coordinates)
      .addTo(map);
  }
  await new Promise<void>((resolve, reject) => {
    map.once('load', () => resolve());
    map.once('error', (event) => reject(event.error));
  });
  return map;
}
