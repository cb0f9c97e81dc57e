import {
  balanceTotals,
  defaultSkillsScenario,
  findRomeOccupation,
  rankUnits,
  runModel,
  runSkillsModel,
  type Need,
  type ReportModelResults,
  type SkillsScenario,
} from '@atelier/domain';

const HORIZON = 5;

// The mobility baseline does not depend on the workshop: computed once per process (about 2 s).
let mobilityBaseline: Record<string, number> | undefined;
function mobility(): Record<string, number> {
  if (!mobilityBaseline) {
    const result = runModel();
    mobilityBaseline = {
      'mobility.share.car': result.modeShares.car + result.modeShares['car-passenger'],
      'mobility.share.pt': result.modeShares.pt,
      'mobility.share.bike': result.modeShares.bike,
      'mobility.share.walk': result.modeShares.walk,
      'mobility.co2': result.co2.tonnesPerDay,
    };
  }
  return mobilityBaseline;
}

/**
 * The models' results for a report: the skills model on the default (illustrative) North
 * Lorraine scenario with the workshop's needs as its needs register, and the mobility model's
 * baseline. The scenarios' assumptions are free-form key/values not yet mapped to either
 * model's input, so only the baseline is computed (`baselineOnly`), and the report says so.
 *
 * @param options.needs - the workshop's needs, at the exported version
 */
export function modelResults(options: { needs: readonly Need[] }): ReportModelResults {
  const base = defaultSkillsScenario();
  const scenario: SkillsScenario = {
    ...base,
    needs: options.needs.map((need) => ({
      id: need.id,
      organisationId: need.organisationId,
      romeCode: need.romeCode,
      headcount: need.headcount,
      horizonMonths: need.horizonMonths,
      communeCode: need.communeCode,
      contract: need.contract,
      difficulty: need.difficulty,
      crossBorder: need.crossBorder,
    })) as SkillsScenario['needs'],
  };
  const result = runSkillsModel({ scenario });
  const totals = balanceTotals({ result, horizon: HORIZON });
  const territoryNames = new Map(base.territories.map((t) => [t.id as string, t.name]));
  return {
    versions: { skills: `${base.name} (${base.baseYear})`, mobility: 'North Lorraine baseline' },
    illustrative: base.illustrative,
    baselineOnly: true,
    indicators: [
      'skills.demand',
      'skills.supply',
      'skills.gap',
      'skills.tension',
      'mobility.share.car',
      'mobility.share.pt',
      'mobility.share.bike',
      'mobility.share.walk',
      'mobility.co2',
    ],
    columns: [
      {
        scenarioId: null,
        values: {
          'skills.demand': totals.demand,
          'skills.supply': totals.supply,
          'skills.gap': totals.gap,
          'skills.tension': totals.tension,
          ...mobility(),
        },
      },
    ],
    skillsBalance: {
      horizon: HORIZON,
      rows: rankUnits({ result, horizon: HORIZON, limit: 15, excludeTerritories: ['LU'] }).map((unit) => ({
        occupation: `${unit.occupation} ${findRomeOccupation(unit.occupation)?.label ?? ''}`.trim(),
        territory: territoryNames.get(unit.territory) ?? unit.territory,
        demand: unit.demand,
        supply: unit.supply,
        gap: unit.gap,
        tension: unit.tension,
      })),
    },
  };
}
