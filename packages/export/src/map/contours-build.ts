// Builds the compact commune contours the report's map draws, from the territory's
// `communes.geojson` (packages/domain/src/mobility/territory): coordinates rounded to a thousandth
// of a degree (about 100 m, a tenth of a point on an A4 map), rings simplified below that and
// delta-encoded. `scripts/write-contours.ts` writes `contours-data.ts` with it; a test checks that
// the written module is what this gives for the current GeoJSON.

type Ring = [number, number][];

export interface ContourSource {
  features: {
    properties: { code: string; zone: string };
    geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
  }[];
}

/** One commune: INSEE code, model zone, rings as delta-encoded thousandths of a degree. */
export type CompactCommune = readonly [code: string, zone: string, rings: string];

export const CONTOUR_SCALE = 1000;

function perpendicular(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

/** Douglas–Peucker on integer points (iterative, so long rings do not grow the stack). */
function simplify(points: Ring, tolerance: number): Ring {
  if (points.length <= 4) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicular(points[i]!, points[first]!, points[last]!);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

function encodeRing(ring: Ring): string | null {
  const rounded: Ring = [];
  for (const [lon, lat] of ring) {
    const point: [number, number] = [Math.round(lon * CONTOUR_SCALE), Math.round(lat * CONTOUR_SCALE)];
    const previous = rounded[rounded.length - 1];
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) rounded.push(point);
  }
  const simplified = simplify(rounded, 1);
  if (simplified.length < 4) return null;
  const out: number[] = [];
  let x = 0;
  let y = 0;
  for (const [px, py] of simplified) {
    out.push(px - x, py - y);
    x = px;
    y = py;
  }
  return out.join(',');
}

/**
 * The compact contours of every commune of the GeoJSON, in its order.
 *
 * @example compactContours(geojson)[0] // ['57463', '57463', '6173,49063,-1,3,…']
 */
export function compactContours(source: ContourSource): CompactCommune[] {
  return source.features.map((feature) => {
    const polygons =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const rings = polygons
      .flatMap((polygon) => polygon.map(encodeRing))
      .filter((ring): ring is string => ring !== null);
    return [feature.properties.code, feature.properties.zone, rings.join('|')] as const;
  });
}

/** The rings of a compact commune, in degrees. */
export function decodeRings(rings: string): Ring[] {
  if (!rings) return [];
  return rings.split('|').map((ring) => {
    const values = ring.split(',').map(Number);
    const points: Ring = [];
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < values.length; i += 2) {
      x += values[i]!;
      y += values[i + 1]!;
      points.push([x / CONTOUR_SCALE, y / CONTOUR_SCALE]);
    }
    return points;
  });
}
