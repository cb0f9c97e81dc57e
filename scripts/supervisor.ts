// The launcher's restart rule for its servers: a crashed server comes back after a back-off
// that doubles with each crash in a row (1 s, 2 s, 4 s … at most 30 s); a server that stayed up
// a minute starts again from 1 s; one that crashes too often in a short time stops the platform,
// so that a server that cannot start (a broken build, a lost database) is not retried forever.

export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A run at least this long resets the back-off. */
  stableAfterMs: number;
  /** More than maxCrashes crashes within windowMs: give up. */
  maxCrashes: number;
  windowMs: number;
}

export const restartPolicy: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxCrashes: 5,
  windowMs: 120_000,
};

/**
 * Keeps each server's recent crashes and says how long to wait before its restart.
 *
 * @example
 * const supervisor = createSupervisor({ ...restartPolicy, onGiveUp: () => process.exit(1) });
 * supervisor.crashed('web', { at: Date.now(), upMs: 500 }); // 1000
 */
export function createSupervisor(
  options: RestartPolicy & { onGiveUp: (name: string, crashes: number) => void },
) {
  const history = new Map<string, { crashes: number[]; inARow: number }>();
  return {
    /** Records a crash; gives the delay before the restart, or undefined after giving up. */
    crashed(name: string, crash: { at: number; upMs: number }): number | undefined {
      const entry = history.get(name) ?? { crashes: [], inARow: 0 };
      history.set(name, entry);
      entry.crashes = [...entry.crashes.filter((at) => crash.at - at < options.windowMs), crash.at];
      entry.inARow = crash.upMs >= options.stableAfterMs ? 1 : entry.inARow + 1;
      if (entry.crashes.length > options.maxCrashes) {
        options.onGiveUp(name, entry.crashes.length);
        return undefined;
      }
      return Math.min(options.firstDelayMs * 2 ** (entry.inARow - 1), options.maxDelayMs);
    },
  };
}
