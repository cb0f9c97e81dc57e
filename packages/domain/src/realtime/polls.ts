/** A ballot that does not fit its poll. */
export class BallotError extends Error {
  override name = 'BallotError';
}

export interface PollRules {
  kind: 'poll' | 'dots';
  options: readonly string[];
  dotsPerPerson: number;
}

/**
 * Checks one person's ballot: a poll takes exactly one option with one dot; a
 * dot-vote spreads at most `dotsPerPerson` dots over existing options.
 *
 * @throws BallotError naming what is wrong
 * @example checkBallot({ kind: 'dots', options: ['a', 'b'], dotsPerPerson: 3 }, { '0': 2, '1': 1 }) // ok
 */
export function checkBallot(poll: PollRules, allocation: Readonly<Record<string, number>>): void {
  const entries = Object.entries(allocation);
  if (entries.length === 0) throw new BallotError('a ballot needs at least one option');
  for (const [option, dots] of entries) {
    const index = Number(option);
    if (!Number.isInteger(index) || index < 0 || index >= poll.options.length) {
      throw new BallotError(`option ${option} does not exist`);
    }
    if (!Number.isInteger(dots) || dots < 1) throw new BallotError('dots are whole numbers ≥ 1');
  }
  const total = entries.reduce((sum, [, dots]) => sum + dots, 0);
  if (poll.kind === 'poll' && (entries.length !== 1 || total !== 1)) {
    throw new BallotError('a poll takes exactly one choice');
  }
  if (total > poll.dotsPerPerson) throw new BallotError(`at most ${poll.dotsPerPerson} dots per person`);
}

/**
 * Dots per option over all ballots.
 *
 * @example tallyBallots(2, [{ '0': 1 }, { '1': 2 }]) // [1, 2]
 */
export function tallyBallots(
  optionCount: number,
  ballots: readonly Readonly<Record<string, number>>[],
): number[] {
  const totals = new Array<number>(optionCount).fill(0);
  for (const ballot of ballots) {
    for (const [option, dots] of Object.entries(ballot)) {
      const index = Number(option);
      if (index >= 0 && index < optionCount) totals[index] = (totals[index] ?? 0) + dots;
    }
  }
  return totals;
}
