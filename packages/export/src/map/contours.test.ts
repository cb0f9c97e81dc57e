import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactContours, decodeRings, type ContourSource } from './contours-build.ts';
import { COMMUNE_CONTOURS } from './contours-data.ts';

const source = new URL('../../../domain/src/mobility/territory/communes.geojson', import.meta.url);

describe('the commune contours of the report map', () => {
  const geojson = JSON.parse(readFileSync(source, 'utf8')) as ContourSource;

  it('are those of the territory’s communes.geojson (pnpm --filter @atelier/export contours)', () => {
    expect(COMMUNE_CONTOURS).toEqual(compactContours(geojson));
  });

  it('stay within a thousandth of a degree of the original outline', () => {
    const metz = COMMUNE_CONTOURS.find(([code]) => code === '57463')!;
    const original = geojson.features.find((f) => f.properties.code === '57463')!;
    const ring =
      original.geometry.type === 'Polygon'
        ? original.geometry.coordinates[0]!
        : original.geometry.coordinates[0]![0]!;
    const [decoded] = decodeRings(metz[2]);
    const lons = ring.map(([lon]) => lon);
    const decodedLons = decoded!.map(([lon]) => lon);
    expect(Math.min(...decodedLons)).toBeCloseTo(Math.min(...lons), 2);
    expect(Math.max(...decodedLons)).toBeCloseTo(Math.max(...lons), 2);
    expect(decoded!.length).toBeLessThan(ring.length);
    expect(new Set(COMMUNE_CONTOURS.map(([, zone]) => zone)).size).toBe(131);
  });
});
