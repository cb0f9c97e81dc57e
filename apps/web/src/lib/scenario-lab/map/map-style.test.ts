import { mapLayers, NORTH_LORRAINE, runModel, type CommuneContours } from '@atelier/domain';
import { describe, expect, it } from 'vitest';
import { buildStyle, selectionFilter, zonesBounds } from './map-style.ts';

// A tiny contour set: two communes of Metz's zone and one of another zone.
const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y],
    ] as [number, number][],
  ],
});
const communes: CommuneContours = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: '57463', nom: 'Metz', zone: '57463' },
      geometry: square(6.17, 49.1),
    },
    {
      type: 'Feature',
      properties: { code: '57480', nom: 'Montigny', zone: '57480' },
      geometry: square(6.15, 49.09),
    },
  ],
};

describe('the map style', () => {
  const layers = mapLayers({ territory: NORTH_LORRAINE, communes, result: runModel(), indicator: 'ptShare' });
  const style = buildStyle(layers, '57463');

  it('uses only inline GeoJSON sources: no tiles, glyphs or sprites from anywhere', () => {
    expect(Object.values(style.sources).every((source) => source.type === 'geojson')).toBe(true);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
    expect(style.layers.some((layer) => layer.type === 'symbol')).toBe(false);
  });

  it('draws over-capacity roads dashed, and outlines the selected zone', () => {
    const over = style.layers.find((layer) => layer.id === 'links-over');
    expect(over && 'paint' in over && over.paint && 'line-dasharray' in over.paint).toBe(true);
    const selected = style.layers.find((layer) => layer.id === 'zone-selected');
    expect(selected && 'filter' in selected ? selected.filter : null).toEqual(selectionFilter('57463'));
  });

  it('fits the communes and the external zones', () => {
    const [west, south, east, north] = zonesBounds(layers);
    expect(west).toBeLessThan(6.15);
    expect(east).toBeGreaterThan(6.18);
    expect(south).toBeLessThan(49.09);
    expect(north).toBeGreaterThan(49.11);
  });
});
