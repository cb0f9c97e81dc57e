// The report's map as a vector scene: the communes of the territory filled with their zone's class,
// the model's main roads and its rail and BRT lines, town labels placed without overlap, the
// external areas named at the edge, a legend in the report's language and a scale bar.
import type { Report } from '@atelier/domain';
import { textWidth, type Point, type Scene, type Shape } from '../graphics/scene.ts';
import { decodeRings } from './contours-build.ts';
import { COMMUNE_CONTOURS } from './contours-data.ts';

type ReportMap = NonNullable<Report['map']>;

const LABELLED_TOWNS = 16;
const ROAD_COLOURS: Record<string, { colour: string; width: number }> = {
  motorway: { colour: '#b03a2e', width: 1.6 },
  expressway: { colour: '#d35400', width: 1.2 },
  primary: { colour: '#8c8c8c', width: 0.8 },
};
const RAIL = { colour: '#111111', width: 1.3, dash: [3, 1.5] };
const BRT = { colour: '#e69f00', width: 1.8 };

let rings: Map<string, { zone: string; rings: [number, number][][] }[]> | undefined;
/** The contours decoded once per process, grouped by zone. */
function contoursByZone() {
  if (!rings) {
    rings = new Map();
    for (const [, zone, encoded] of COMMUNE_CONTOURS) {
      const list = rings.get(zone) ?? [];
      list.push({ zone, rings: decodeRings(encoded) });
      rings.set(zone, list);
    }
  }
  return rings;
}

/**
 * The map of the report as a scene of the given width: map frame, then the legend below it.
 *
 * @example mapScene(report.map, 505).description // the map's text alternative
 */
export function mapScene(map: ReportMap, width: number): Scene {
  const shapes: Shape[] = [];
  const contours = contoursByZone();
  // Extent of the contours themselves, with a margin for labels at the edge.
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const list of contours.values())
    for (const commune of list)
      for (const ring of commune.rings)
        for (const [lon, lat] of ring) {
          west = Math.min(west, lon);
          east = Math.max(east, lon);
          south = Math.min(south, lat);
          north = Math.max(north, lat);
        }
  const shrink = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const margin = 14;
  const scale = (width - 2 * margin) / ((east - west) * shrink);
  const frameHeight = (north - south) * scale + 2 * margin;
  const x = (lon: number) => margin + (lon - west) * shrink * scale;
  const y = (lat: number) => margin + (north - lat) * scale;
  const project = ([lon, lat]: readonly [number, number]): Point => [x(lon), y(lat)];

  shapes.push({ kind: 'rect', x: 0, y: 0, w: width, h: frameHeight, fill: '#ffffff', stroke: '#999999' });
  // Roads and lines to the external areas leave the frame: cut them at its edge.
  shapes.push({ kind: 'clip', x: 0, y: 0, w: width, h: frameHeight });
  const colours = new Map(map.zones.map((zone) => [zone.id, zone.colour]));
  for (const [zone, list] of contours) {
    for (const commune of list) {
      shapes.push({
        kind: 'polygon',
        rings: commune.rings.map((ring) => ring.map(project)),
        fill: colours.get(zone) ?? '#c8c8c8',
        stroke: '#c4c4c4',
        strokeWidth: 0.3,
      });
    }
  }
  for (const road of map.roads) {
    const style = ROAD_COLOURS[road.roadClass] ?? ROAD_COLOURS.primary!;
    shapes.push({
      kind: 'line',
      points: road.coordinates.map(project),
      stroke: style.colour,
      width: style.width,
    });
  }
  for (const line of map.ptLines) {
    const style = line.kind === 'rail' ? RAIL : BRT;
    shapes.push({
      kind: 'line',
      points: line.coordinates.map(project),
      stroke: style.colour,
      width: style.width,
      ...(line.kind === 'rail' ? { dash: RAIL.dash } : {}),
    });
  }

  shapes.push({ kind: 'unclip' });

  // Town labels: the most populated zones first, each kept only if it overlaps no label kept.
  const taken: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const free = (box: (typeof taken)[number]) =>
    box.x0 >= 2 &&
    box.x1 <= width - 2 &&
    box.y0 >= 2 &&
    box.y1 <= frameHeight - 2 &&
    !taken.some((t) => box.x0 < t.x1 && box.x1 > t.x0 && box.y0 < t.y1 && box.y1 > t.y0);
  const towns = [...map.zones]
    .filter((zone) => !zone.id.startsWith('G'))
    .sort((a, b) => b.population - a.population);
  let labelled = 0;
  for (const town of towns) {
    if (labelled >= LABELLED_TOWNS) break;
    const size = town.population > 40_000 ? 8.5 : 7;
    const bold = town.population > 40_000;
    const [cx, cy] = project([town.lon, town.lat]);
    const w = textWidth(town.name, size, bold);
    // Right of the point, else left, above, below.
    const candidates = [
      {
        x: cx + 4,
        y: cy + size / 3,
        anchor: 'start' as const,
        box: { x0: cx + 3, y0: cy - size * 0.7, x1: cx + 5 + w, y1: cy + size * 0.5 },
      },
      {
        x: cx - 4,
        y: cy + size / 3,
        anchor: 'end' as const,
        box: { x0: cx - 5 - w, y0: cy - size * 0.7, x1: cx - 3, y1: cy + size * 0.5 },
      },
      {
        x: cx,
        y: cy - 4,
        anchor: 'middle' as const,
        box: { x0: cx - w / 2, y0: cy - 4 - size, x1: cx + w / 2, y1: cy - 3 },
      },
      {
        x: cx,
        y: cy + 4 + size,
        anchor: 'middle' as const,
        box: { x0: cx - w / 2, y0: cy + 3, x1: cx + w / 2, y1: cy + 5 + size },
      },
    ];
    const spot = candidates.find((c) => free(c.box));
    if (!spot) continue;
    taken.push(spot.box);
    shapes.push({ kind: 'circle', x: cx, y: cy, r: bold ? 2.4 : 1.7, fill: '#1a1a1a', stroke: '#ffffff' });
    shapes.push({
      kind: 'text',
      x: spot.x,
      y: spot.y,
      text: town.name,
      size,
      anchor: spot.anchor,
      bold,
      halo: true,
    });
    labelled++;
  }

  // External areas: at their place when it is on the map, else at the edge, towards them.
  const cx0 = width / 2;
  const cy0 = frameHeight / 2;
  for (const area of map.externals) {
    let [ax, ay] = project([area.lon, area.lat]);
    const inside = ax > 10 && ax < width - 10 && ay > 10 && ay < frameHeight - 10;
    if (!inside) {
      const t = Math.min(
        Math.abs((ax > cx0 ? width - 8 - cx0 : 8 - cx0) / (ax - cx0 || 1e-9)),
        Math.abs((ay > cy0 ? frameHeight - 8 - cy0 : 8 - cy0) / (ay - cy0 || 1e-9)),
      );
      ax = cx0 + (ax - cx0) * t;
      ay = cy0 + (ay - cy0) * t;
    }
    const size = 7;
    const label = area.name;
    const anchor = ax > width * 0.66 ? 'end' : ax < width * 0.33 ? 'start' : 'middle';
    const lx = Math.min(width - 4, Math.max(4, ax));
    const ly = Math.min(frameHeight - 4, Math.max(10, ay + (inside ? -4 : 3)));
    shapes.push({
      kind: 'text',
      x: lx,
      y: ly,
      text: label,
      size,
      anchor,
      italic: true,
      halo: true,
      fill: '#333333',
    });
  }

  // Scale bar: 10 km.
  const kmPerDegree = 111.32;
  const tenKm = (10 / kmPerDegree) * scale;
  const sy = frameHeight - 10;
  shapes.push({
    kind: 'line',
    points: [
      [10, sy],
      [10 + tenKm, sy],
    ],
    stroke: '#1a1a1a',
    width: 1.2,
  });
  shapes.push({
    kind: 'text',
    x: 10 + tenKm / 2,
    y: sy - 3,
    text: '10 km',
    size: 6.5,
    anchor: 'middle',
    halo: true,
  });
  // North: a triangle pointing up, and N.
  shapes.push({
    kind: 'polygon',
    rings: [
      [
        [width - 14, 10],
        [width - 18, 20],
        [width - 10, 20],
      ],
    ],
    fill: '#1a1a1a',
  });
  shapes.push({
    kind: 'text',
    x: width - 14,
    y: 30,
    text: 'N',
    size: 8,
    anchor: 'middle',
    bold: true,
    halo: true,
  });

  // Legend below the frame: the classes, then the lines.
  let ly = frameHeight + 14;
  shapes.push({ kind: 'text', x: 0, y: ly, text: map.legendTitle, size: 7.5, anchor: 'start', bold: true });
  ly += 11;
  let lx = 0;
  for (const c of map.classes) {
    const w = 14 + textWidth(c.label, 7) + 12;
    if (lx > 0 && lx + w > width) {
      lx = 0;
      ly += 11;
    }
    shapes.push({ kind: 'rect', x: lx, y: ly - 7, w: 10, h: 8, fill: c.colour, stroke: '#888888' });
    shapes.push({ kind: 'text', x: lx + 13, y: ly, text: c.label, size: 7, anchor: 'start' });
    lx += w;
  }
  ly += 13;
  lx = 0;
  const keys: { text: string; style: { colour: string; width: number; dash?: number[] } }[] = [
    { text: map.keys.roads, style: ROAD_COLOURS.motorway! },
    { text: map.keys.rail, style: RAIL },
    { text: map.keys.brt, style: BRT },
  ];
  for (const key of keys) {
    const w = 22 + textWidth(key.text, 7) + 12;
    if (lx > 0 && lx + w > width) {
      lx = 0;
      ly += 11;
    }
    shapes.push({
      kind: 'line',
      points: [
        [lx, ly - 3],
        [lx + 18, ly - 3],
      ],
      stroke: key.style.colour,
      width: key.style.width,
      ...(key.style.dash ? { dash: key.style.dash } : {}),
    });
    shapes.push({ kind: 'text', x: lx + 22, y: ly, text: key.text, size: 7, anchor: 'start' });
    lx += w;
  }
  return { width, height: ly + 6, title: map.title, description: map.description, shapes };
}
