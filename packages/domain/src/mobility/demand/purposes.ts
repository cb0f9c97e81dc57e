/**
 * Trip purposes and modes of the mobility model, with their documented defaults.
 */

export const PURPOSES = ['home-work', 'home-study', 'shopping', 'leisure', 'health', 'other'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const MODES = ['car', 'car-passenger', 'pt', 'bike', 'walk'] as const;
export type Mode = (typeof MODES)[number];

/** Index of each mode in per-mode typed arrays. */
export const MODE_INDEX: Readonly<Record<Mode, number>> = {
  car: 0,
  'car-passenger': 1,
  pt: 2,
  bike: 3,
  walk: 4,
};
