// `@atelier/domain/appellations`: the ROME appellations and their search, as one entry so that
// the browser loads them (about 560 kB of titles, 115 kB compressed) only when an occupation
// picker is first used (a dynamic import), never with the page.
export { APPELLATION_SOURCE } from './appellation-rows.ts';
export { createAppellationIndex, FEATURED_APPELLATIONS } from './appellation-search.ts';
export type { AppellationHit, AppellationIndex } from './appellation-search.ts';
export {
  findAppellationByLabel,
  foldText,
  listAppellations,
  parseAppellations,
  resolveRomeCode,
} from './appellations.ts';
export type { Appellation, AppellationId } from './appellations.ts';
