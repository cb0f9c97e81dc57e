// A person's ballot in a poll or dot-vote, as the vote form edits it.
import type { PollView } from '@atelier/domain';

export type Allocation = Record<string, number>;

/** Dots given in an allocation. */
export function dotsUsed(allocation: Readonly<Allocation>): number {
  return Object.values(allocation).reduce((sum, dots) => sum + (dots > 0 ? dots : 0), 0);
}

/** Dots still free in a poll for this allocation (never below 0). */
export function dotsLeft(
  poll: Pick<PollView, 'kind' | 'dotsPerPerson'>,
  allocation: Readonly<Allocation>,
): number {
  const allowed = poll.kind === 'poll' ? 1 : poll.dotsPerPerson;
  return Math.max(0, allowed - dotsUsed(allocation));
}

/**
 * The allocation as `poll:vote` takes it: only options with at least one dot.
 *
 * @example cleanAllocation({ '0': 2, '1': 0 }) // { '0': 2 }
 */
export function cleanAllocation(allocation: Readonly<Allocation>): Allocation {
  const out: Allocation = {};
  for (const [option, dots] of Object.entries(allocation))
    if (Number.isInteger(dots) && dots > 0) out[option] = dots;
  return out;
}

/** Share of an option in a poll's results, in whole percent. */
export function percentOf(total: number, all: readonly number[]): number {
  const sum = all.reduce((a, b) => a + b, 0);
  return sum === 0 ? 0 : Math.round((total / sum) * 100);
}
