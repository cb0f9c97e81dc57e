import { describe, expect, it } from 'vitest';
import { compileScenario } from './compile.ts';
import { tinyScenario } from './fixtures.ts';
import { parseSkillsScenario } from './scenario.ts';
import { computeCandidatePool } from './supply.ts';

const O = 3;
const T = 3;
const at = (h: number, t: number, o: number) => (h * T + t) * O + o;

function pool(overrides: Parameters<typeof tinyScenario>[0] = {}) {
  const compiled = compileScenario(parseSkillsScenario(tinyScenario(overrides)));
  return computeCandidatePool(compiled, compiled.scenario.levers);
}

describe('computeCandidatePool', () => {
  it('counts graduates entering the local labour market each year', () => {
    // 20 seats × 50 % completion × 50 % local entry = 5 welders a year in A.
    const p = pool();
    expect(p.training[at(0, 0, 0)]).toBeCloseTo(5, 10);
    expect(p.training[at(2, 0, 0)]).toBeCloseTo(25, 10);
  });

  it('places a share of job seekers each year', () => {
    // 40 welder job seekers in A, 25 % placed a year.
    const p = pool();
    expect(p.jobSeekers[at(0, 0, 0)]).toBeCloseTo(10, 10);
    expect(p.jobSeekers[at(3, 0, 0)]).toBeCloseTo(100, 10);
  });

  it('moves the cross-border pull from local pools to the pole', () => {
    const p = pool();
    // 10 % of A's 15 welder candidates in year 1, and of B's 20.
    expect(p.pulledOut[at(0, 0, 0)]).toBeCloseTo(1.5, 10);
    expect(p.pulledOut[at(0, 1, 0)]).toBeCloseTo(2, 10);
    expect(p.pulledIn[at(0, 2, 0)]).toBeCloseTo(3.5, 10);
    expect(p.available[at(0, 0, 0)]).toBeCloseTo(13.5, 10);
    expect(p.available[at(0, 2, 0)]).toBeCloseTo(3.5, 10);
  });

  it('lets new seats graduate only after the programme’s duration', () => {
    const p = pool({
      levers: [
        { kind: 'training-seats', id: 'more', programmeId: 'bac-pro-welding', seats: 10, fromYear: 1 },
      ],
    });
    const base = pool();
    // First extra cohort enters in year 1 and graduates into year 3 (2-year programme): 10 × 0.25 = 2.5 a year.
    expect(p.training[at(0, 0, 0)]).toBeCloseTo(base.training[at(0, 0, 0)]!, 10);
    expect(p.training[at(1, 0, 0)]! - base.training[at(1, 0, 0)]!).toBeCloseTo(2.5, 10);
    expect(p.training[at(3, 0, 0)]! - base.training[at(3, 0, 0)]!).toBeCloseTo(2.5 * 8, 10);
  });

  it('raises the match rate of job seekers from the year of a recruitment drive', () => {
    const p = pool({
      levers: [
        {
          kind: 'recruitment-drive',
          id: 'drive',
          occupations: ['H2913'],
          territories: ['A'],
          extraMatchRate: 0.25,
          fromYear: 2,
        },
      ],
    });
    // 40 job seekers × 0.25 in year 1, × 0.5 in years 2 and 3.
    expect(p.jobSeekers[at(0, 0, 0)]).toBeCloseTo(10, 10);
    expect(p.jobSeekers[at(1, 0, 0)]).toBeCloseTo(50, 10);
    expect(p.jobSeekers[at(1, 1, 0)]).toBeCloseTo(60, 10); // B unchanged: 80 × 0.25 × 3
  });

  it('adds young entrants from programmes not listed, as a share of employment', () => {
    // 100 welders in A, 2 % a year: 2 entrants a year, 10 % of them pulled to LU.
    const p = pool({ otherEntrantRate: 0.02 });
    expect(p.otherEntrants[at(0, 0, 0)]).toBeCloseTo(2, 10);
    expect(p.otherEntrants[at(2, 0, 0)]).toBeCloseTo(10, 10);
    expect(p.available[at(0, 0, 0)]).toBeCloseTo(0.9 * (5 + 10 + 2), 10);
  });

  it('draws candidates only to occupations the pole employs or has needs for', () => {
    // LU employs no boilermakers (H2902), so A's boilermaker candidates stay.
    const p = pool();
    expect(p.pulledOut[at(0, 0, 1)]).toBe(0);
    const withNeed = pool({
      needs: [
        { id: 'lu', romeCode: 'H2902', headcount: 1, horizonMonths: 3, communeCode: 'LU', contract: 'cdi' },
      ],
    });
    // 60 job seekers × 0.25 = 15 candidates, 10 % pulled.
    expect(withNeed.pulledOut[at(0, 0, 1)]).toBeCloseTo(1.5, 10);
  });

  it('never gives a negative pool, even with a full pull', () => {
    const p = pool({ crossBorderPull: { share: 1, territoryWeights: { A: 3 } } });
    expect(p.available.every((v) => v >= 0)).toBe(true);
    expect(p.available[at(3, 0, 0)]).toBe(0);
  });

  it('reports a lever it cannot apply', () => {
    const p = pool({ levers: [{ kind: 'training-seats', id: 'bad', programmeId: 'nope', seats: 5 }] });
    expect(p.problems.join()).toMatch(/bad.*nope/);
  });
});
