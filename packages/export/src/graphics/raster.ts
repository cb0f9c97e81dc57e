// A plain raster of a scene, as PNG: the fallback Word requires beside an SVG picture, for
// processors that cannot draw SVG. Fills, lines and discs only, no text (the SVG, the figure's
// alternative text and the tables beside it carry the words).
import { deflateSync } from 'node:zlib';
import type { Point, Scene } from './scene.ts';

function parseColour(colour: string): [number, number, number] {
  const hex = colour.replace('#', '');
  const full = hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex;
  const value = Number.parseInt(full, 16);
  return Number.isNaN(value) ? [0, 0, 0] : [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

class Canvas {
  readonly pixels: Uint8Array;
  private clip: [number, number, number, number] | null = null;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }
  setClip(box: [number, number, number, number] | null): void {
    this.clip = box;
  }
  private put(x: number, y: number, [r, g, b]: [number, number, number]): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    if (this.clip && (x < this.clip[0] || y < this.clip[1] || x >= this.clip[2] || y >= this.clip[3])) return;
    const i = (y * this.width + x) * 3;
    this.pixels[i] = r;
    this.pixels[i + 1] = g;
    this.pixels[i + 2] = b;
  }
  /** Even-odd scanline fill of rings. */
  fill(rings: readonly (readonly Point[])[], colour: [number, number, number]): void {
    let top = Infinity;
    let bottom = -Infinity;
    for (const ring of rings)
      for (const [, y] of ring) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    for (let y = Math.max(0, Math.floor(top)); y <= Math.min(this.height - 1, Math.ceil(bottom)); y++) {
      const scan = y + 0.5;
      const xs: number[] = [];
      for (const ring of rings) {
        for (let i = 0; i < ring.length; i++) {
          const [x0, y0] = ring[i]!;
          const [x1, y1] = ring[(i + 1) % ring.length]!;
          if (y0 <= scan !== y1 <= scan) xs.push(x0 + ((scan - y0) / (y1 - y0)) * (x1 - x0));
        }
      }
      xs.sort((a, b) => a - b);
      for (let i = 0; i + 1 < xs.length; i += 2)
        for (let x = Math.max(0, Math.round(xs[i]!)); x < Math.min(this.width, Math.round(xs[i + 1]!)); x++)
          this.put(x, y, colour);
    }
  }
  disc(cx: number, cy: number, r: number, colour: [number, number, number]): void {
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++)
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++)
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) this.put(x, y, colour);
  }
  stroke(points: readonly Point[], width: number, colour: [number, number, number]): void {
    const r = Math.max(0.5, width / 2);
    for (let i = 0; i + 1 < points.length; i++) {
      const [x0, y0] = points[i]!;
      const [x1, y1] = points[i + 1]!;
      const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0) / Math.max(0.5, r)));
      for (let s = 0; s <= steps; s++)
        this.disc(x0 + ((x1 - x0) * s) / steps, y0 + ((y1 - y0) * s) / steps, r, colour);
    }
  }
}

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * The scene rasterised at `scale` pixels per point, as a PNG (RGB, 8 bits).
 *
 * @example writeFileSync('chart.png', sceneToPng(scene, 2))
 */
export function sceneToPng(scene: Scene, scale = 2): Buffer {
  const canvas = new Canvas(Math.ceil(scene.width * scale), Math.ceil(scene.height * scale));
  const p = (points: readonly Point[]): Point[] => points.map(([x, y]) => [x * scale, y * scale]);
  for (const shape of scene.shapes) {
    switch (shape.kind) {
      case 'clip':
        canvas.setClip([
          shape.x * scale,
          shape.y * scale,
          (shape.x + shape.w) * scale,
          (shape.y + shape.h) * scale,
        ]);
        break;
      case 'unclip':
        canvas.setClip(null);
        break;
      case 'rect': {
        const { x, y, w, h } = shape;
        canvas.fill(
          [
            p([
              [x, y],
              [x + w, y],
              [x + w, y + h],
              [x, y + h],
            ]),
          ],
          parseColour(shape.fill),
        );
        break;
      }
      case 'polygon':
        canvas.fill(shape.rings.map(p), parseColour(shape.fill));
        // Hairlines (commune borders) are left out of the raster: below a pixel, and the slowest part.
        if (shape.stroke && (shape.strokeWidth ?? 0.5) * scale >= 1)
          for (const ring of shape.rings)
            canvas.stroke(
              p([...ring, ring[0]!]),
              (shape.strokeWidth ?? 0.5) * scale,
              parseColour(shape.stroke),
            );
        break;
      case 'line':
        canvas.stroke(p(shape.points), shape.width * scale, parseColour(shape.stroke));
        break;
      case 'circle':
        canvas.disc(shape.x * scale, shape.y * scale, shape.r * scale, parseColour(shape.fill));
        break;
      case 'text':
        break;
    }
  }
  const { width, height, pixels } = canvas;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    raw.set(pixels.subarray(y * width * 3, (y + 1) * width * 3), y * (width * 3 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}
