// A small vector drawing model: what the report's charts and map are made of. The same scene is
// written as SVG (the DOCX embeds it) and drawn with pdfkit's vector operators (the PDF), so both
// documents show the same picture, as vectors.

export type Point = readonly [number, number];

export type Shape =
  /** Shapes up to the matching `unclip` are drawn only inside the rectangle. */
  | { kind: 'clip'; x: number; y: number; w: number; h: number }
  | { kind: 'unclip' }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string }
  | { kind: 'line'; points: readonly Point[]; stroke: string; width: number; dash?: readonly number[] }
  /** Rings filled with the even-odd rule (holes), optionally outlined. */
  | {
      kind: 'polygon';
      rings: readonly (readonly Point[])[];
      fill: string;
      stroke?: string;
      strokeWidth?: number;
    }
  | { kind: 'circle'; x: number; y: number; r: number; fill: string; stroke?: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      text: string;
      size: number;
      anchor: 'start' | 'middle' | 'end';
      bold?: boolean;
      italic?: boolean;
      fill?: string;
      /** A white outline behind the letters, so that a label stays readable on a map. */
      halo?: boolean;
    };

export interface Scene {
  width: number;
  height: number;
  /** Short title (SVG `<title>`). */
  title: string;
  /** The text alternative: what the picture shows, for someone who cannot see it. */
  description: string;
  shapes: Shape[];
}

/**
 * An estimate of a text's width in points, for layout (label placement, margins). Good enough for
 * a sans-serif such as Roboto, which the PDF uses; a viewer's font may differ slightly in the SVG.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    if ("il.,:;|!'’ ()[]".includes(char)) units += 0.28;
    else if ('mwMW@%'.includes(char)) units += 0.85;
    else if (char >= 'A' && char <= 'Z') units += 0.65;
    else if (char >= '0' && char <= '9') units += 0.56;
    else units += 0.52;
  }
  return units * size * (bold ? 1.05 : 1);
}

const escape = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const num = (value: number) => (Math.round(value * 100) / 100).toString();
const path = (points: readonly Point[]) =>
  points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${num(x)} ${num(y)}`).join('');

/**
 * The scene as a standalone SVG document, with its title and description (`role="img"`).
 *
 * @example sceneToSvg({ width: 100, height: 50, title: 't', description: 'd', shapes: [] })
 */
export function sceneToSvg(scene: Scene): string {
  let clips = 0;
  const body = scene.shapes.map((shape) => {
    switch (shape.kind) {
      case 'clip':
        clips++;
        return `<clipPath id="clip${clips}"><rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.w)}" height="${num(shape.h)}"/></clipPath><g clip-path="url(#clip${clips})">`;
      case 'unclip':
        return '</g>';
      case 'rect':
        return `<rect x="${num(shape.x)}" y="${num(shape.y)}" width="${num(shape.w)}" height="${num(shape.h)}" fill="${shape.fill}"${shape.stroke ? ` stroke="${shape.stroke}" stroke-width="0.5"` : ''}/>`;
      case 'line':
        return `<path d="${path(shape.points)}" fill="none" stroke="${shape.stroke}" stroke-width="${num(shape.width)}" stroke-linecap="round" stroke-linejoin="round"${shape.dash ? ` stroke-dasharray="${shape.dash.join(' ')}"` : ''}/>`;
      case 'polygon':
        return `<path d="${shape.rings.map((ring) => `${path(ring)}Z`).join('')}" fill="${shape.fill}" fill-rule="evenodd"${shape.stroke ? ` stroke="${shape.stroke}" stroke-width="${num(shape.strokeWidth ?? 0.5)}"` : ''}/>`;
      case 'circle':
        return `<circle cx="${num(shape.x)}" cy="${num(shape.y)}" r="${num(shape.r)}" fill="${shape.fill}"${shape.stroke ? ` stroke="${shape.stroke}" stroke-width="0.5"` : ''}/>`;
      case 'text': {
        const attributes = `x="${num(shape.x)}" y="${num(shape.y)}" font-size="${num(shape.size)}" text-anchor="${shape.anchor}"${shape.bold ? ' font-weight="bold"' : ''}${shape.italic ? ' font-style="italic"' : ''}`;
        const halo = shape.halo
          ? `<text ${attributes} fill="none" stroke="#ffffff" stroke-width="2.5" stroke-linejoin="round">${escape(shape.text)}</text>`
          : '';
        return `${halo}<text ${attributes} fill="${shape.fill ?? '#1a1a1a'}">${escape(shape.text)}</text>`;
      }
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(scene.width)}pt" height="${num(scene.height)}pt" viewBox="0 0 ${num(scene.width)} ${num(scene.height)}" role="img" aria-labelledby="t d" font-family="Roboto, Arial, Helvetica, sans-serif">`,
    `<title id="t">${escape(scene.title)}</title>`,
    `<desc id="d">${escape(scene.description)}</desc>`,
    ...body,
    '</svg>',
  ].join('\n');
}
