// Pure helpers of the room's header: how the timer reads, and when it speaks up.

/**
 * A remaining time as a clock: `m:ss`, or `h:mm:ss` from one hour. Seconds are rounded
 * up, so a timer shows `5:00` right after it starts and `0:00` only when it is over.
 *
 * @example formatClock(61_200) // '1:02'
 */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Whole minutes and seconds left (seconds rounded up), for spoken labels. */
export function clockParts(ms: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/** What a screen reader is told about a running timer between two ticks, if anything. */
export type TimerCue = 'last-minute' | 'ended' | null;

/**
 * The cue crossed between two readings of a running timer: the last minute starts, or
 * the time is up. Never one per second.
 *
 * @param options.before - remaining ms at the previous tick
 * @param options.after - remaining ms now
 * @example timerCue({ before: 60_400, after: 59_600 }) // 'last-minute'
 */
export function timerCue(options: { before: number; after: number }): TimerCue {
  const { before, after } = options;
  if (before > 0 && after <= 0) return 'ended';
  if (before > 60_000 && after <= 60_000 && after > 0) return 'last-minute';
  return null;
}
