import { describe, expect, it } from 'vitest';
import { compileScenario } from './compile.ts';
import { computeDemand, needYear } from './demand.ts';
import { tinyScenario } from './fixtures.ts';
import { parseSkillsScenario } from './scenario.ts';

const O = 3;
const T = 3;
const at = (h: number, t: number, o: number) => (h * T + t) * O + o;

describe('computeDemand', () => {
  const demand = computeDemand(compileScenario(parseSkillsScenario(tinyScenario())));

  it('spreads the replacement of workers aged 55+ over their years to retirement', () => {
    // 100 welders in A, 24 % aged 55+, leaving over 8 years: 3 a year.
    expect(demand.replacement[at(0, 0, 0)]).toBeCloseTo(3, 10);
    expect(demand.replacement[at(1, 0, 0)]).toBeCloseTo(9, 10);
    expect(demand.replacement[at(3, 0, 0)]).toBeCloseTo(30, 10);
  });

  it('compounds the family growth rate into expansion demand', () => {
    // 100 welders growing 10 % a year: +10 after one year, +33.1 after three.
    expect(demand.expansion[at(0, 0, 0)]).toBeCloseTo(10, 10);
    expect(demand.expansion[at(1, 0, 0)]).toBeCloseTo(33.1, 10);
    expect(demand.expansion[at(0, 0, 2)]).toBe(0);
  });

  it('counts a register need from the year it falls in, at its site', () => {
    // 5 welders in 18 months (year 2) at 57001 (territory A).
    expect(demand.needs[at(0, 0, 0)]).toBe(0);
    expect(demand.needs[at(1, 0, 0)]).toBe(5);
    expect(demand.needs[at(3, 0, 0)]).toBe(5);
    // 3 nurses in Luxembourg, within the first year.
    expect(demand.needs[at(0, 2, 2)]).toBe(3);
    expect(needYear(0)).toBe(1);
    expect(needYear(12)).toBe(1);
    expect(needYear(13)).toBe(2);
  });

  it('keeps the parts separate and adds them up to the total', () => {
    for (let u = 0; u < demand.total.length; u++)
      expect(demand.total[u]).toBeCloseTo(
        demand.needs[u]! + demand.replacement[u]! + demand.expansion[u]!,
        9,
      );
  });

  it('weights needs by contract: internships are not hires unless the scenario says so', () => {
    const needs = [
      {
        id: 'a',
        romeCode: 'H2913',
        headcount: 4,
        horizonMonths: 3,
        communeCode: '57001',
        contract: 'internship' as const,
      },
      {
        id: 'b',
        romeCode: 'H2913',
        headcount: 2,
        horizonMonths: 3,
        communeCode: '57001',
        contract: 'apprenticeship' as const,
      },
    ];
    const byDefault = computeDemand(compileScenario(parseSkillsScenario(tinyScenario({ needs }))));
    expect(byDefault.needs[at(0, 0, 0)]).toBe(2);
    const halfInterns = computeDemand(
      compileScenario(parseSkillsScenario(tinyScenario({ needs, contractWeights: { internship: 0.5 } }))),
    );
    expect(halfInterns.needs[at(0, 0, 0)]).toBe(4);
  });

  it('reports needs it cannot place instead of dropping them silently', () => {
    const scenario = parseSkillsScenario(
      tinyScenario({
        needs: [
          {
            id: 'x',
            romeCode: 'M1805',
            headcount: 2,
            horizonMonths: 3,
            communeCode: '57001',
            contract: 'cdi',
          },
          {
            id: 'y',
            romeCode: 'H2913',
            headcount: 2,
            horizonMonths: 3,
            communeCode: '54395',
            contract: 'cdd',
          },
        ],
      }),
    );
    const { skippedNeeds, needs } = computeDemand(compileScenario(scenario));
    expect(skippedNeeds.map((s) => s.id)).toEqual(['x', 'y']);
    expect(needs.every((v) => v === 0)).toBe(true);
  });
});
