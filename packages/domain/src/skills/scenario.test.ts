import { describe, expect, it } from 'vitest';
import { tinyScenario } from './fixtures.ts';
import { parseSkillsScenario, SkillsScenarioError } from './scenario.ts';

function problemsOf(input: unknown): string[] {
  try {
    parseSkillsScenario(input);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(SkillsScenarioError);
    return (error as SkillsScenarioError).problems;
  }
}

describe('parseSkillsScenario', () => {
  it('fills defaults a caller may leave out', () => {
    const input = tinyScenario();
    const { levers: _l, reach: _r, crossBorderPull: _c, yearsToRetirement: _y, ...minimal } = input;
    const scenario = parseSkillsScenario(minimal);
    // Every candidate drives unless the scenario says otherwise, as before carAccessShare existed.
    expect(scenario.reach).toEqual({ carMinutes: 45, ptMinutes: 45, carAccessShare: 1 });
    expect(parseSkillsScenario({ ...minimal, reach: { carMinutes: 30 } }).reach.carAccessShare).toBe(1);
    expect(scenario.crossBorderPull.share).toBe(0);
    expect(scenario.yearsToRetirement).toBe(8);
    expect(scenario.levers).toEqual([]);
  });

  it('names the path of each inconsistency', () => {
    const input = tinyScenario();
    const problems = problemsOf({
      ...input,
      occupations: [...input.occupations, { code: 'H2913' }],
      labourMarket: [
        ...input.labourMarket,
        { occupation: 'M1805', territory: 'Z', employment: 1, share55: 0.1 },
      ],
      occupationalMobility: [
        { from: 'H2913', to: 'H2902', rate: 0.7 },
        { from: 'H2913', to: 'J1506', rate: 0.6 },
        { from: 'J1506', to: 'J1506', rate: 0.1 },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'occupations.3.code: duplicate occupation H2913',
        'labourMarket.7.occupation: unknown occupation M1805',
        'labourMarket.7.territory: unknown territory Z',
        'occupationalMobility.2: an occupation cannot move to itself',
        'occupationalMobility: mobility rates out of H2913 add up to 1.300, more than 1',
      ]),
    );
  });

  it('rejects out-of-range values at their field', () => {
    const input = tinyScenario();
    const problems = problemsOf({
      ...input,
      labourMarket: [{ ...input.labourMarket[0]!, share55: 1.2 }],
      needs: [
        { id: 'n', romeCode: 'H2913', headcount: 0, horizonMonths: 1, communeCode: '5700', contract: 'cdi' },
      ],
      programmes: [
        {
          ...input.programmes![0]!,
          occupations: [
            { code: 'H2913', share: 0.8 },
            { code: 'H2902', share: 0.4 },
          ],
        },
      ],
    });
    expect(problemsOf({ ...input, reach: { carAccessShare: 1.2 } })).toEqual([
      expect.stringMatching(/^reach\.carAccessShare: /),
    ]);
    expect(problems.some((p) => p.startsWith('labourMarket.0.share55'))).toBe(true);
    expect(problems.some((p) => p.startsWith('needs.0.headcount'))).toBe(true);
    expect(problems.some((p) => p.startsWith('needs.0.communeCode'))).toBe(true);
    expect(problems).toContain(
      'programmes.0.occupations: occupation shares of a programme add up to more than 1',
    );
  });
});
