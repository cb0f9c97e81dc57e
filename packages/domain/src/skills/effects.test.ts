import { describe, expect, it } from 'vitest';
import { evaluateLevers } from './effects.ts';
import { tinyScenario } from './fixtures.ts';
import { parseSkillsScenario } from './scenario.ts';

describe('evaluateLevers', () => {
  const scenario = parseSkillsScenario(
    tinyScenario({
      // No commuting and a tight nurse market, so effects stay in the lever's own territory.
      reach: { carMinutes: 10, ptMinutes: 10 },
      levers: [
        {
          kind: 'training-seats',
          id: 'ifsi',
          actionId: 'action-7',
          label: 'Extra nursing seats in A',
          occupation: 'J1506',
          territory: 'A',
          seats: 10,
          fromYear: 1,
          durationYears: 3,
          completionRate: 1,
          localEntryShare: 1,
        },
        {
          kind: 'recruitment-drive',
          id: 'drive',
          label: 'Job fair',
          occupations: ['J1506'],
          territories: ['A'],
          extraMatchRate: 0.5,
          fromYear: 1,
        },
      ],
    }),
  );
  const evaluation = evaluateLevers({ scenario });
  const [seats, drive] = evaluation.effects;

  it('says when a training lever starts closing the gap, and where', () => {
    // Intake in year 1, three years of study: 10 graduates a year from year 4; 10 % are pulled to LU.
    // Horizon 5: 2 cohorts, 18 positions filled in A and 2 in LU.
    expect(seats!.actionId).toBe('action-7');
    const closed = seats!.byHorizon.map((h) => h.gapClosed);
    expect(closed.slice(0, 3)).toEqual([0, 0, expect.closeTo(20, 9)]);
    const at5 = seats!.topUnits.filter((u) => u.horizon === 5);
    expect(at5[0]).toMatchObject({ occupation: 'J1506', territory: 'A', gapClosed: expect.closeTo(18, 9) });
    expect(at5[1]).toMatchObject({ occupation: 'J1506', territory: 'LU', gapClosed: expect.closeTo(2, 9) });
    // Horizon 10: 63 graduates stay in A but A's gap is only 50 − 9 = 41; LU's is 8 − 1 = 7.
    expect(closed[3]).toBeCloseTo(41 + 7, 9);
    expect(seats!.byHorizon[3]!.gapClosedOutsidePole).toBeCloseTo(41, 9);
    expect(seats!.byHorizon[3]!.shareOfGap).toBeGreaterThan(0);
  });

  it('says how much of the gap a recruitment drive closes from the first year', () => {
    // A has 4 nurse job seekers: +50 % placed a year = 2, of whom 1.8 stay in A and 0.2 go to LU.
    expect(drive!.byHorizon[0]!.gapClosed).toBeCloseTo(2, 9);
    expect(drive!.topUnits[0]).toMatchObject({
      territory: 'A',
      horizon: 1,
      gapClosed: expect.closeTo(1.8, 9),
    });
    expect(drive!.byHorizon[0]!.shareOfGap).toBeLessThanOrEqual(1);
  });

  it('runs the baseline without levers and the combined run with all of them', () => {
    expect(evaluation.baseline.reach.source).toBe('crow-fly-estimate');
    for (const [h, combined] of evaluation.combinedByHorizon.entries()) {
      const alone = [seats!, drive!].map((e) => e.byHorizon[h]!.gapClosed);
      // Levers compete for the same open positions: together they close at least the best one
      // alone and at most the sum.
      expect(combined.gapClosed).toBeGreaterThanOrEqual(Math.max(...alone) - 1e-9);
      expect(combined.gapClosed).toBeLessThanOrEqual(alone[0]! + alone[1]! + 1e-9);
    }
  });
});
