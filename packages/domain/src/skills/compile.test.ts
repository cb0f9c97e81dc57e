import { describe, expect, it } from 'vitest';
import { compileScenario } from './compile.ts';
import { tinyScenario } from './fixtures.ts';
import { runSkillsModel } from './model.ts';
import { parseSkillsScenario } from './scenario.ts';

describe('compileScenario', () => {
  it('takes growth from the family, then an occupation override, then a territory override', () => {
    const compiled = compileScenario(
      parseSkillsScenario(
        tinyScenario({
          growthRates: { metalworking: 0.1, health: 0.02 },
          growthOverrides: [
            { occupation: 'H2913', territory: 'B', rate: -0.05 },
            { occupation: 'H2913', rate: 0.03 },
          ],
        }),
      ),
    );
    const O = 3;
    expect(compiled.growthRate[0 * O + 0]).toBe(0.03); // H2913 in A: occupation override
    expect(compiled.growthRate[1 * O + 0]).toBe(-0.05); // H2913 in B: territory override wins
    expect(compiled.growthRate[0 * O + 1]).toBe(0.1); // H2902: family rate
    expect(compiled.growthRate[2 * O + 2]).toBe(0.02); // J1506 in LU
  });

  it('leaves cells absent from the labour market at zero', () => {
    const compiled = compileScenario(parseSkillsScenario(tinyScenario()));
    expect(compiled.employment[1 * 3 + 1]).toBe(0); // no boilermakers in B
    expect(compiled.pole).toBe(2);
  });
});

describe('purity', () => {
  it('does not change its inputs and gives the same result twice', () => {
    const scenario = parseSkillsScenario(
      tinyScenario({
        levers: [
          {
            kind: 'travel-time',
            id: 't',
            mode: 'car',
            changes: [{ from: '57001', to: '57002', minutes: 10 }],
          },
        ],
      }),
    );
    const car = { zones: ['57001', '57002'], minutes: Float64Array.of(5, 50, 50, 5) };
    const snapshot = JSON.stringify(scenario);
    const first = runSkillsModel({ scenario, travelTimes: { car } });
    const second = runSkillsModel({ scenario, travelTimes: { car } });
    expect([...car.minutes]).toEqual([5, 50, 50, 5]);
    expect(JSON.stringify(scenario)).toBe(snapshot);
    expect(second.gap).toEqual(first.gap);
    expect(second.supply.total).toEqual(first.supply.total);
  });
});
