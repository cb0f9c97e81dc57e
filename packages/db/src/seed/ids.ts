import { createHash } from 'node:crypto';

/**
 * A stable UUID for an entry of the demo (a need, an action, an idea…), derived from its name:
 * the same on every machine and every run, so that links between entries (an action's needs, a
 * comment's target) hold, and never equal to a random UUID the app makes (version 8, "custom").
 *
 * @example demoId('live/need/01') // '0b6d…-…-8…-…'
 */
export function demoId(name: string): string {
  const hex = createHash('sha256').update(`atelier-demo:${name}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Yjs client id the seed writes a document with: fixed per document, so that the same seed
 * gives the same document bytes for the same ids and clock. Browsers pick their own random ids.
 */
export function demoClientId(name: string): number {
  return parseInt(createHash('sha256').update(`atelier-demo-client:${name}`).digest('hex').slice(0, 8), 16);
}
