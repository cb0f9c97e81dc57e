// The models' results for a report, computed where the report is built (the web app's exports, the
// demo seed's published report): the skills model on the workshop's needs, the mobility model, and
// the scenario lab's comparisons. Moved here from apps/web so that every caller computes the same.
import { NORTH_LORRAINE, runModel, type ScenarioInput as MobilityScenarioInput } from '../mobility/index.ts';
import {
  compareResults,
  compileScenario,
  resolveScenario,
  runScenarioLab,
  scenarioHash,
  validateChange,
  type LabResult,
} from '../scenario-lab/index.ts';
import {
  balanceTotals,
  defaultSkillsScenarioInput,
  parseSkillsScenario,
  rankUnits,
  runSkillsModel,
  type SkillsScenarioInput,
} from '../skills/index.ts';
import type { Need, Scenario, ScenarioChange } from '../realtime/content-doc.ts';
import { findRomeOccupation } from '../workshop/rome/rome.ts';
import type { ReportLocale } from './format.ts';
import type { ReportModelResults } from './report.ts';

const HORIZON = 5;
const MOBILITY_KEYS = ['fuelPrice', 'teleworkShare', 'cyclingQuality'] as const;
const SKILLS_KEYS = ['yearsToRetirement', 'jobSeekerMatchRate', 'otherEntrantRate'] as const;

/**
 * The part of a scenario's assumptions that the models read (the names the room's scenario
 * editor knows, `apps/web/src/lib/room/scenarios/known.ts`); other assumptions are listed in
 * the report but change no result.
 */
function modelInputs(assumptions: Scenario['assumptions']): {
  mobility: MobilityScenarioInput;
  skills: (input: SkillsScenarioInput) => SkillsScenarioInput;
  mapped: number;
} {
  const number = (key: string) =>
    typeof assumptions[key] === 'number' ? (assumptions[key] as number) : undefined;
  const mobility: Record<string, number> = {};
  for (const key of MOBILITY_KEYS) if (number(key) !== undefined) mobility[key] = number(key)!;
  const skills: Record<string, number> = {};
  for (const key of SKILLS_KEYS) if (number(key) !== undefined) skills[key] = number(key)!;
  const pull = number('crossBorderPull.share');
  const car = number('reach.carMinutes');
  const pt = number('reach.ptMinutes');
  const mapped =
    Object.keys(mobility).length +
    Object.keys(skills).length +
    [pull, car, pt].filter((v) => v !== undefined).length;
  return {
    mobility: mobility as MobilityScenarioInput,
    skills: (input) => ({
      ...input,
      ...skills,
      ...(pull === undefined ? {} : { crossBorderPull: { ...input.crossBorderPull, share: pull } }),
      ...(car === undefined && pt === undefined
        ? {}
        : {
            reach: {
              carMinutes: car ?? input.reach?.carMinutes ?? 45,
              ptMinutes: pt ?? input.reach?.ptMinutes ?? 45,
            },
          }),
    }),
    mapped,
  };
}

// The mobility model takes about 2 s and does not depend on the workshop's content: results are
// kept per set of assumptions for the life of the process.
interface MobilityFigures {
  values: Record<string, number>;
  /** Public transport share by zone, for the report's map. */
  zones: NonNullable<ReportModelResults['map']>['points'];
}
const mobilityCache = new Map<string, MobilityFigures>();
function mobilityFigures(input: MobilityScenarioInput): MobilityFigures {
  const key = JSON.stringify(input);
  let figures = mobilityCache.get(key);
  if (!figures) {
    const result = runModel({ scenario: input });
    const places = new Map(NORTH_LORRAINE.zones.map((zone) => [zone.id, zone]));
    figures = {
      values: {
        'mobility.share.car': result.modeShares.car + result.modeShares['car-passenger'],
        'mobility.share.pt': result.modeShares.pt,
        'mobility.share.bike': result.modeShares.bike,
        'mobility.share.walk': result.modeShares.walk,
        'mobility.share.tripsUpTo1Km': result.tripLengths.upTo1Km,
        'mobility.share.tripsUpTo3Km': result.tripLengths.upTo3Km,
        'mobility.co2': result.co2.tonnesPerDay,
      },
      zones: result.sharesByZone.flatMap((zone) => {
        const place = places.get(zone.zone);
        return place && zone.trips > 0
          ? [{ label: zone.name, lon: place.lon, lat: place.lat, value: zone.shares.pt, weight: zone.trips }]
          : [];
      }),
    };
    if (mobilityCache.size > 20) mobilityCache.clear();
    mobilityCache.set(key, figures);
  }
  return figures;
}
const mobility = (input: MobilityScenarioInput) => mobilityFigures(input).values;

// Scenario-lab results by the hash of the compiled inputs (the lab's own cache key).
const labCache = new Map<string, LabResult>();
function labResult(changes: readonly { key: string; value: number | string | boolean }[]): LabResult {
  const compiled = compileScenario(changes);
  const key = scenarioHash(compiled);
  let result = labCache.get(key);
  if (!result) {
    result = runScenarioLab(compiled);
    if (labCache.size > 20) labCache.clear();
    labCache.set(key, result);
  }
  return result;
}

/**
 * Each variant of the scenario lab (a scenario with changes, its own or its parents') run and
 * compared with the lab's baseline by the lab itself, in the report's language.
 */
function labComparisons(options: {
  scenarios: readonly Scenario[];
  changes: readonly ScenarioChange[];
  locale: ReportLocale;
}): NonNullable<ReportModelResults['comparisons']>[number][] {
  const entries = { scenarios: [...options.scenarios], changes: [...options.changes] };
  const variants = options.scenarios.flatMap((scenario) => {
    // Only the changes the models can read make a variant (an unknown name is not one).
    const changes = resolveScenario(entries, scenario.id).changes.filter(
      (change) => validateChange(change.key, change.value).ok,
    );
    return changes.length > 0 ? [{ scenario, changes }] : [];
  });
  if (variants.length === 0) return [];
  const baseline = labResult([]);
  return variants.map(({ scenario, changes }) => ({
    scenarioId: scenario.id,
    rows: compareResults(
      baseline,
      labResult(changes.map(({ key, value }) => ({ key, value }))),
      options.locale,
    )
      .filter((row) => row.a !== null && row.b !== null)
      .map((row) => ({
        name: row.name,
        baseline: row.aText,
        scenario: row.bText,
        difference: row.absoluteText,
        sentence: row.sentence,
      })),
  }));
}

/**
 * The models' results for a report: the skills model on the default (illustrative) North
 * Lorraine scenario with the workshop's needs as its needs register, and the mobility model;
 * the baseline, then each scenario with the assumptions both models read applied (fuel price,
 * telework, cycling quality; years to retirement, job-seeker match rate, other entrants,
 * cross-border pull, reach). A scenario none of whose assumptions the models read gets no
 * column. Variants of the scenario lab (`scenarioChanges`) are run by the lab and compared
 * with its baseline; when there is neither, `baselineOnly` says so and the report prints it.
 *
 * @param options.needs - the workshop's needs, at the exported version
 * @param options.scenarios - the workshop's scenarios, at the exported version
 */
export function modelResults(options: {
  needs: readonly Need[];
  scenarios: readonly Scenario[];
  scenarioChanges?: readonly ScenarioChange[];
  locale?: ReportLocale;
}): ReportModelResults {
  const base = defaultSkillsScenarioInput();
  const withNeeds: SkillsScenarioInput = {
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
    })),
  };
  const skillsOf = (input: SkillsScenarioInput) => {
    const scenario = parseSkillsScenario(input);
    const result = runSkillsModel({ scenario });
    return { scenario, result, totals: balanceTotals({ result, horizon: HORIZON }) };
  };
  const values = (skills: ReturnType<typeof skillsOf>, mobilityInput: MobilityScenarioInput) => ({
    'skills.demand': skills.totals.demand,
    'skills.supply': skills.totals.supply,
    'skills.gap': skills.totals.gap,
    'skills.tension': skills.totals.tension,
    ...mobility(mobilityInput),
  });
  const baseline = skillsOf(withNeeds);
  const columns: ReportModelResults['columns'][number][] = [
    { scenarioId: null, values: values(baseline, {}) },
  ];
  for (const scenario of options.scenarios) {
    const inputs = modelInputs(scenario.assumptions);
    if (inputs.mapped === 0) continue;
    try {
      columns.push({
        scenarioId: scenario.id,
        values: values(skillsOf(inputs.skills(withNeeds)), inputs.mobility),
      });
    } catch {
      // A value the models refuse (out of their range) leaves the scenario without results.
    }
  }
  const comparisons = labComparisons({
    scenarios: options.scenarios,
    changes: options.scenarioChanges ?? [],
    locale: options.locale ?? 'fr',
  });
  const territoryNames = new Map(baseline.scenario.territories.map((t) => [t.id as string, t.name]));
  return {
    versions: {
      skills: `${baseline.scenario.name} (${baseline.scenario.baseYear})`,
      mobility: 'North Lorraine (runModel)',
    },
    illustrative: baseline.scenario.illustrative,
    baselineOnly: columns.length === 1 && comparisons.length === 0,
    indicators: [
      'skills.demand',
      'skills.supply',
      'skills.gap',
      'skills.tension',
      'mobility.share.car',
      'mobility.share.pt',
      'mobility.share.bike',
      'mobility.share.walk',
      'mobility.share.tripsUpTo1Km',
      'mobility.share.tripsUpTo3Km',
      'mobility.co2',
    ],
    columns,
    comparisons,
    map: { indicator: 'mobility.share.pt', points: mobilityFigures({}).zones },
    skillsBalance: {
      horizon: HORIZON,
      rows: rankUnits({
        result: baseline.result,
        horizon: HORIZON,
        limit: 15,
        excludeTerritories: ['LU'],
      }).map((unit) => ({
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
