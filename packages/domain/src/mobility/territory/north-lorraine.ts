/**
 * The default territory: North Lorraine, generated from data by
 * `packages/domain/scripts/build-north-lorraine.ts` and calibrated by
 * `packages/domain/scripts/calibrate-north-lorraine.ts` (method in ./README.md).
 */
import data from './north-lorraine.json' with { type: 'json' };
import type { Territory } from './territory.ts';

/** The baseline North Lorraine territory (shared, never mutate it: scenarios copy). */
export const NORTH_LORRAINE: Territory = data as unknown as Territory;
