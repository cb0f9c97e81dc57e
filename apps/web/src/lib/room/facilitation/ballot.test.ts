import { describe, expect, it } from 'vitest';
import { cleanAllocation, dotsLeft, dotsUsed, percentOf } from './ballot.ts';

describe('ballots', () => {
  it('counts the dots used and left', () => {
    expect(dotsUsed({ '0': 2, '1': 1 })).toBe(3);
    expect(dotsLeft({ kind: 'dots', dotsPerPerson: 5 }, { '0': 2, '1': 1 })).toBe(2);
    expect(dotsLeft({ kind: 'dots', dotsPerPerson: 2 }, { '0': 3 })).toBe(0);
    expect(dotsLeft({ kind: 'poll', dotsPerPerson: 1 }, {})).toBe(1);
  });

  it('sends only options with dots', () => {
    expect(cleanAllocation({ '0': 2, '1': 0, '2': 1 })).toEqual({ '0': 2, '2': 1 });
  });

  it('gives shares in whole percent, 0 without votes', () => {
    expect(percentOf(1, [1, 2])).toBe(33);
    expect(percentOf(0, [0, 0])).toBe(0);
  });
});
