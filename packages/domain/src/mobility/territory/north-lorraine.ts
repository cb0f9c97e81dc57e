/**
 * The default territory: North Lorraine, generated from data by
 * `packages/domain/scripts/build-north-lorraine.ts`, with the additions of
 * `./north-lorraine-additions.ts` (roads, through commuters, heavy goods vehicles), and
 * calibrated on the whole (method in ./README.md).
 */
import data from './north-lorraine.json' with { type: 'json' };
import { withNorthLorraineAdditions } from './north-lorraine-additions.ts';
import type { Territory } from './territory.ts';

/** The baseline North Lorraine territory (shared, never mutate it: scenarios copy). */
export const NORTH_LORRAINE: Territory = withNorthLorraineAdditions(data as unknown as Territory);
