import { describe, expect, it } from 'vitest';
import { clockParts, formatClock, timerCue } from './clock.ts';

describe('formatClock', () => {
  it('shows minutes and seconds, rounding seconds up', () => {
    expect(formatClock(300_000)).toBe('5:00');
    expect(formatClock(299_001)).toBe('5:00');
    expect(formatClock(61_200)).toBe('1:02');
    expect(formatClock(0)).toBe('0:00');
  });

  it('shows hours from one hour and never a negative time', () => {
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatClock(-5000)).toBe('0:00');
  });
});

describe('clockParts', () => {
  it('splits into whole minutes and seconds', () => {
    expect(clockParts(125_500)).toEqual({ minutes: 2, seconds: 6 });
  });
});

describe('timerCue', () => {
  it('speaks when the last minute starts and when the time is up, not on other ticks', () => {
    expect(timerCue({ before: 60_400, after: 59_600 })).toBe('last-minute');
    expect(timerCue({ before: 59_600, after: 58_600 })).toBeNull();
    expect(timerCue({ before: 200, after: 0 })).toBe('ended');
    expect(timerCue({ before: 0, after: 0 })).toBeNull();
    expect(timerCue({ before: 120_000, after: 119_000 })).toBeNull();
  });
});
