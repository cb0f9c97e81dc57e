import type { TimerState } from './events.ts';

/** A timer action refused in the current state (e.g. pausing a stopped timer). */
export class TimerTransitionError extends Error {
  override name = 'TimerTransitionError';
}

export type TimerCommand =
  { type: 'start'; durationMs: number } | { type: 'pause' } | { type: 'resume' } | { type: 'stop' };

/**
 * The timer after a facilitator's command, on the server's clock.
 *
 * @param options.timer - the current state
 * @param options.command - start (or restart), pause, resume or stop
 * @param options.now - the server's clock, epoch ms
 * @example nextTimer({ timer: { status: 'idle' }, command: { type: 'start', durationMs: 60000 }, now: 0 })
 * // { status: 'running', durationMs: 60000, endsAt: 60000 }
 */
export function nextTimer(options: { timer: TimerState; command: TimerCommand; now: number }): TimerState {
  const { timer, command, now } = options;
  switch (command.type) {
    case 'start':
      return { status: 'running', durationMs: command.durationMs, endsAt: now + command.durationMs };
    case 'pause':
      if (timer.status !== 'running') throw new TimerTransitionError('only a running timer can be paused');
      return { status: 'paused', durationMs: timer.durationMs, remainingMs: Math.max(0, timer.endsAt - now) };
    case 'resume':
      if (timer.status !== 'paused') throw new TimerTransitionError('only a paused timer can be resumed');
      return { status: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs };
    case 'stop':
      return { status: 'idle' };
    default: {
      const unreachable: never = command;
      return unreachable;
    }
  }
}
