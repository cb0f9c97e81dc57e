import { describe, expect, it } from 'vitest';
import { balanceTotals, rankUnits } from '../balance.ts';
import { runSkillsModel } from '../model.ts';
import { defaultSkillsScenario, LUXEMBOURG_ID } from './default-scenario.ts';
import { NORTH_LORRAINE_EPCIS } from './north-lorraine-territory.ts';

describe('default North Lorraine scenario', () => {
  const scenario = defaultSkillsScenario();
  const result = runSkillsModel({ scenario });

  it('is valid, marked illustrative and says where its data come from', () => {
    expect(scenario.illustrative).toBe(true);
    expect(scenario.source).toMatch(/decoupage-administratif/);
    expect(scenario.programmes.every((p) => p.name.includes('illustratif'))).toBe(true);
  });

  it('covers the EPCIs of North Lorraine and the Luxembourg pole', () => {
    const metz = NORTH_LORRAINE_EPCIS.find((e) => e.id === '200039865')!;
    expect(metz.communes).toHaveLength(46);
    expect(metz.communes.reduce((s, c) => s + c[1], 0)).toBe(230_314); // FACTS.md
    expect(scenario.territories.map((t) => t.id)).toContain('245701362');
    expect(scenario.territories.at(-1)).toMatchObject({ id: LUXEMBOURG_ID, kind: 'cross-border-pole' });
    const population = NORTH_LORRAINE_EPCIS.flatMap((e) => e.communes).reduce((s, c) => s + c[1], 0);
    expect(population).toBeGreaterThan(700_000);
    expect(population).toBeLessThan(900_000);
  });

  it('places every illustrative need and applies every input', () => {
    expect(result.problems).toEqual([]);
    expect(balanceTotals({ result, horizon: 1 }).needs).toBeGreaterThan(0);
  });

  it('lets Thionville residents reach Metz jobs but not the far end of the territory', () => {
    const T = result.sizes.territories;
    const index = (id: string) => scenario.territories.findIndex((t) => t.id === id);
    const reach = result.reach.byHorizon[0]!;
    expect(result.reach.source).toBe('crow-fly-estimate');
    expect(reach[index('245701362') * T + index('200039865')]).toBeGreaterThan(0.5);
    // Grand Longwy to Sud Messin: about 60 km as the crow flies.
    expect(reach[index('245400262') * T + index('200039907')]).toBeLessThan(0.2);
  });

  it('ranks tight units and gives an overall tension between 0 and 1 at five years', () => {
    const top = rankUnits({ result, horizon: 5, limit: 40 });
    expect(top.length).toBe(40);
    const totals = balanceTotals({ result, horizon: 5 });
    expect(totals.gap).toBeGreaterThan(0);
    expect(totals.tension).toBeGreaterThan(0);
    expect(totals.tension).toBeLessThan(1);
  });
});
