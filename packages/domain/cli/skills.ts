// `pnpm model skills [--scenario file.json] [--travel-times matrix.json] [--out result.json] [--horizon 5]`
// Runs the skills model on the default North Lorraine scenario (or the given one), prints the ten
// tightest occupation × territory pairs, the effect of each lever, and, as the last stdout line, a
// one-line JSON summary at the chosen horizon.
//
// Scenario file: a full scenario (see src/skills/scenario.ts), or `{ "extends": "default", ... }` whose
// top-level keys replace those of the default North Lorraine scenario (e.g. only `levers`; example:
// src/skills/data/example-levers.json).
// BMO comparison: `--bmo file.csv --bmo-map map.json` with map.json = { "occupations": { "<BMO code>":
// ["<ROME code>", ...] }, "areas": { "<employment area>": ["<territory id>", ...] } } (areas optional).
// The summary's `ms` covers validation and every model run (baseline, each lever, all levers).
//
// Travel-time file: JSON in one of the forms read by src/skills/travel-times-json.ts; zone ids are
// commune codes unless communeToZone maps communes to zones.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { balanceTotals, rankGroups, rankUnits } from '../src/skills/balance.ts';
import { compareWithBmo } from '../src/skills/bmo-comparison.ts';
import { importBmoCsv } from '../src/skills/import/bmo.ts';
import { defaultSkillsScenarioInput } from '../src/skills/data/default-scenario.ts';
import { evaluateLevers } from '../src/skills/effects.ts';
import { parseSkillsScenario } from '../src/skills/scenario.ts';
import { parseTravelTimesJson } from '../src/skills/travel-times-json.ts';
import { HORIZONS } from '../src/skills/units.ts';
import type { Horizon } from '../src/skills/units.ts';
import { findRomeOccupation } from '../src/workshop/rome/rome.ts';

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const pct = (n: number) => `${(100 * n).toFixed(0)} %`;

export async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scenario: { type: 'string' },
      'travel-times': { type: 'string' },
      out: { type: 'string' },
      horizon: { type: 'string', default: '5' },
      bmo: { type: 'string' },
      'bmo-map': { type: 'string' },
    },
  });
  const horizon = Number(values.horizon) as Horizon;
  if (!HORIZONS.includes(horizon)) {
    console.error(`--horizon must be one of ${HORIZONS.join(', ')}`);
    return 2;
  }
  let input: unknown = defaultSkillsScenarioInput();
  if (values.scenario) {
    const json = JSON.parse(readFileSync(values.scenario, 'utf8')) as Record<string, unknown>;
    if (json.extends === 'default') {
      const { extends: _extends, ...changes } = json;
      input = { ...defaultSkillsScenarioInput(), ...changes };
    } else input = json;
  }
  const travelTimes = values['travel-times']
    ? parseTravelTimesJson(JSON.parse(readFileSync(values['travel-times'], 'utf8')))
    : undefined;

  const started = performance.now();
  const scenario = parseSkillsScenario(input);
  const evaluation = evaluateLevers({ scenario, travelTimes });
  const ms = performance.now() - started;
  const result = evaluation.combined;

  const names = new Map(scenario.territories.map((t) => [t.id as string, t.name]));
  const label = (code: string) =>
    scenario.occupations.find((o) => o.code === code)?.label || findRomeOccupation(code)?.label || '';
  console.log(`${scenario.name}${scenario.illustrative ? ' — ILLUSTRATIVE DATA' : ''}`);
  console.log(
    `${result.sizes.occupations} occupations × ${result.sizes.territories} territories × ${result.sizes.horizons} horizons; reach: ${result.reach.source}`,
  );
  const totals = balanceTotals({ result, horizon });
  console.log(
    `\nWithin ${horizon} years: ${fmt(totals.demand)} positions to fill (needs ${fmt(totals.needs)}, replacement ${fmt(totals.replacement)}, expansion ${fmt(totals.expansion)}), ${fmt(totals.supply)} filled, gap ${fmt(totals.gap)} (${pct(totals.tension)}).`,
  );
  const poles = scenario.territories.filter((t) => t.kind === 'cross-border-pole').map((t) => t.id as string);
  const poleGap = rankGroups({ result, horizon, by: 'territory' }).filter((g) => poles.includes(g.id));
  for (const pole of poleGap)
    console.log(
      `${names.get(pole.id)}: ${fmt(pole.demand)} positions for residents of the territory, gap ${fmt(pole.gap)} (not in the ranking below).`,
    );
  console.log(`\nTen tightest occupation × territory pairs within ${horizon} years (by gap):`);
  const top = rankUnits({ result, horizon, limit: 10, excludeTerritories: poles });
  console.table(
    top.map((u) => ({
      occupation: `${u.occupation} ${label(u.occupation)}`.slice(0, 48),
      territory: (names.get(u.territory) ?? u.territory).slice(0, 32),
      demand: Math.round(u.demand),
      supply: Math.round(u.supply),
      gap: Math.round(u.gap),
      tension: pct(u.tension),
    })),
  );
  for (const effect of evaluation.effects) {
    const by = effect.byHorizon
      .map(
        (h) =>
          `${h.horizon}y: ${fmt(h.gapClosedOutsidePole)} (${pct(h.shareOfGapOutsidePole)})${Math.abs(h.gapClosed - h.gapClosedOutsidePole) >= 0.5 ? ` [pole ${fmt(h.gapClosed - h.gapClosedOutsidePole)}]` : ''}`,
      )
      .join(', ');
    console.log(`lever ${effect.leverId}${effect.label ? ` (${effect.label})` : ''}: positions filled ${by}`);
  }
  let bmo: ReturnType<typeof compareWithBmo> | undefined;
  if (values.bmo) {
    const imported = importBmoCsv(readFileSync(values.bmo, 'utf8'));
    const first = imported.errors[0];
    console.log(
      `\nBMO: ${imported.accepted} rows read, ${imported.rejected} rejected${first ? `, e.g. line ${first.line} ${first.column}: ${first.problem}` : ''}`,
    );
    const map = values['bmo-map']
      ? (JSON.parse(readFileSync(values['bmo-map'], 'utf8')) as {
          occupations: Record<string, string[]>;
          areas?: Record<string, string[]>;
        })
      : { occupations: {} };
    bmo = compareWithBmo({
      result,
      rows: imported.rows,
      occupationMap: map.occupations,
      ...(map.areas ? { areaMap: map.areas } : {}),
      horizon: 1,
    });
    console.table(
      bmo.rows.slice(0, 15).map((r) => ({
        bmo: `${r.bmoCode} ${r.bmoLabel}`.slice(0, 40),
        projects: r.projects,
        difficult: pct(r.difficultShare),
        'model tension (1y)': pct(r.modelTension),
      })),
    );
    console.log(
      `rank correlation: ${Number.isNaN(bmo.rankCorrelation) ? 'n/a' : bmo.rankCorrelation.toFixed(2)}; BMO codes without a mapping: ${bmo.unmapped.length}`,
    );
  }
  if (result.problems.length)
    console.log(`\n${result.problems.length} problems, e.g. ${result.problems.slice(0, 3).join('; ')}`);

  if (values.out) {
    const arrays = (record: Record<string, Float64Array>) =>
      Object.fromEntries(
        Object.entries(record).map(([key, array]) => [
          key,
          Array.from(array, (v) => Math.round(v * 1000) / 1000),
        ]),
      );
    writeFileSync(
      values.out,
      JSON.stringify({
        scenario: scenario.name,
        illustrative: scenario.illustrative,
        horizons: result.horizons,
        occupations: result.occupations,
        territories: result.territories,
        index: 'unit (h * territories + t) * occupations + o',
        totals: result.horizons.map((h) => balanceTotals({ result, horizon: h })),
        tightest: result.horizons.map((h) => ({
          horizon: h,
          units: rankUnits({ result, horizon: h, limit: 20 }),
        })),
        territoriesRanked: rankGroups({ result, horizon, by: 'territory' }),
        occupationsRanked: rankGroups({ result, horizon, by: 'occupation', limit: 50 }),
        familiesRanked: rankGroups({ result, horizon, by: 'family' }),
        levers: evaluation.effects,
        bmo,
        demand: arrays(result.demand),
        supply: arrays(result.supply),
        gap: arrays({ gap: result.gap }).gap,
        tension: arrays({ tension: result.tension }).tension,
        problems: result.problems,
      }),
    );
    console.log(`\nwritten to ${values.out}`);
  }
  console.log(
    JSON.stringify({
      units: result.sizes.units,
      totalDemand: Math.round(totals.demand),
      totalSupply: Math.round(totals.supply),
      totalGap: Math.round(totals.gap),
      ms: Math.round(ms * 10) / 10,
      horizon,
    }),
  );
  return 0;
}
