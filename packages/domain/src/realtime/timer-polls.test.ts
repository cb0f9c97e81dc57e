import { describe, expect, it } from 'vitest';
import { remainingMs } from './events.ts';
import { BallotError, checkBallot, tallyBallots } from './polls.ts';
import { TimerTransitionError, nextTimer } from './timer.ts';

describe('timer on the server clock', () => {
  it('starts, pauses with the remaining time, resumes and stops', () => {
    const running = nextTimer({
      timer: { status: 'idle' },
      command: { type: 'start', durationMs: 60_000 },
      now: 1000,
    });
    expect(running).toEqual({ status: 'running', durationMs: 60_000, endsAt: 61_000 });
    const paused = nextTimer({ timer: running, command: { type: 'pause' }, now: 31_000 });
    expect(paused).toEqual({ status: 'paused', durationMs: 60_000, remainingMs: 30_000 });
    expect(remainingMs(paused, 99_999)).toBe(30_000);
    const resumed = nextTimer({ timer: paused, command: { type: 'resume' }, now: 50_000 });
    expect(remainingMs(resumed, 60_000)).toBe(20_000);
    expect(nextTimer({ timer: resumed, command: { type: 'stop' }, now: 0 })).toEqual({ status: 'idle' });
  });

  it('refuses to pause a timer that is not running', () => {
    expect(() => nextTimer({ timer: { status: 'idle' }, command: { type: 'pause' }, now: 0 })).toThrow(
      TimerTransitionError,
    );
  });
});

describe('ballots', () => {
  const dots = { kind: 'dots' as const, options: ['a', 'b', 'c'], dotsPerPerson: 3 };
  it('accepts dots spread within the allowance and tallies them', () => {
    expect(() => checkBallot(dots, { '0': 2, '2': 1 })).not.toThrow();
    expect(tallyBallots(3, [{ '0': 2, '2': 1 }, { '1': 3 }])).toEqual([2, 3, 1]);
  });

  it('refuses too many dots, unknown options, and two choices in a poll', () => {
    expect(() => checkBallot(dots, { '0': 4 })).toThrow(BallotError);
    expect(() => checkBallot(dots, { '5': 1 })).toThrow(/option 5/);
    expect(() => checkBallot({ ...dots, kind: 'poll', dotsPerPerson: 1 }, { '0': 1, '1': 1 })).toThrow(
      /one choice/,
    );
  });
});
