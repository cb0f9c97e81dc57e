import { describe, expect, it } from 'vitest';
import { createSupervisor, restartPolicy } from '../../scripts/supervisor.ts';

function supervisor() {
  const gaveUp: string[] = [];
  return { gaveUp, s: createSupervisor({ ...restartPolicy, onGiveUp: (name) => gaveUp.push(name) }) };
}

describe('the launcher restart rule', () => {
  it('waits twice as long after each crash in a row, up to 30 s', () => {
    const { s } = supervisor();
    const delays = [0, 1, 2, 3, 4].map((i) => s.crashed('web', { at: i * 40_000, upMs: 100 }));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(s.crashed('web', { at: 400_000, upMs: 100 })).toBe(30_000);
  });

  it('starts again from 1 s after a server stayed up a minute', () => {
    const { s } = supervisor();
    s.crashed('realtime', { at: 0, upMs: 100 });
    s.crashed('realtime', { at: 1_000, upMs: 100 });
    expect(s.crashed('realtime', { at: 200_000, upMs: 90_000 })).toBe(1_000);
  });

  it('gives up on a server that crashes more than five times in two minutes, not on the other', () => {
    const { s, gaveUp } = supervisor();
    for (let i = 0; i < 5; i++) expect(s.crashed('web', { at: i * 1_000, upMs: 10 })).toBeDefined();
    expect(s.crashed('realtime', { at: 5_000, upMs: 10 })).toBe(1_000);
    expect(s.crashed('web', { at: 6_000, upMs: 10 })).toBeUndefined();
    expect(gaveUp).toEqual(['web']);
  });
});
