import { describe, expect, it } from 'vitest';
import { balanceTotals, rankGroups, rankUnits } from './balance.ts';
import { tinyScenario } from './fixtures.ts';
import { runSkillsModel } from './model.ts';
import { parseSkillsScenario } from './scenario.ts';

describe('rankings and totals', () => {
  const result = runSkillsModel({
    scenario: parseSkillsScenario(tinyScenario({ reach: { carMinutes: 10, ptMinutes: 10 } })),
  });

  it('ranks units by gap, largest first, and can leave the cross-border pole out', () => {
    const all = rankUnits({ result, horizon: 10 });
    expect(all.length).toBeGreaterThan(1);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.gap).toBeGreaterThanOrEqual(all[i]!.gap);
    expect(all.every((u) => u.gap > 0 && u.horizon === 10)).toBe(true);
    expect(
      rankUnits({ result, horizon: 10, excludeTerritories: ['LU'] }).some((u) => u.territory === 'LU'),
    ).toBe(false);
  });

  it('ranks by tension among units with enough demand', () => {
    const byTension = rankUnits({ result, horizon: 10, by: 'tension', minDemand: 20 });
    for (let i = 1; i < byTension.length; i++)
      expect(byTension[i - 1]!.tension).toBeGreaterThanOrEqual(byTension[i]!.tension);
    expect(byTension.every((u) => u.demand >= 20)).toBe(true);
  });

  it('adds territories up to the totals', () => {
    const totals = balanceTotals({ result, horizon: 5 });
    const territories = rankGroups({ result, horizon: 5, by: 'territory' });
    expect(territories.reduce((s, t) => s + t.gap, 0)).toBeCloseTo(totals.gap, 9);
    const families = rankGroups({ result, horizon: 5, by: 'family' });
    expect(families.map((f) => f.id).sort()).toEqual(['health', 'metalworking']);
    expect(families.reduce((s, f) => s + f.demand, 0)).toBeCloseTo(totals.demand, 9);
    expect(totals.demand).toBeCloseTo(totals.needs + totals.replacement + totals.expansion, 9);
    expect(() => balanceTotals({ result, horizon: 2 as 1 })).toThrow(RangeError);
  });
});
