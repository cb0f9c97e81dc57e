// The scenario part of a report: every figure read once from the lab's runs (`modelResults`) and
// formatted once, by the lab's own formatter, so that a scenario's figure has one value in every
// table, chart, sentence and format.
import { compareResults, formatIndicator, INDICATORS, type IndicatorId } from '../scenario-lab/compare.ts';
import { occupationFamilyName, type OccupationFamily } from '../skills/families.ts';
import type { Need, Scenario } from '../realtime/content-doc.ts';
import { describeChange } from './change-labels.ts';
import { formatDateTime, formatNumber, formatPercent, type ReportLocale } from './format.ts';
import type { ReportLabels } from './labels.ts';
import { roadName, zoneName } from '../names/place-names.ts';
import { mapIndicatorName } from '../scenario-lab-map/indicator-names.ts';
import type { Report, ReportModelResults, ReportScenarios } from './report.ts';
import { familyOfRomeCode } from '../skills/families.ts';

/** Indicator names and units in the report's language, from the lab's comparison (one source). */
function indicatorMeta(locale: ReportLocale) {
  // compareResults names every indicator; an empty result gives the names without values.
  const empty = { hash: '', versions: {} as never, problems: [], ms: {} };
  return new Map(
    compareResults(empty, empty, locale).map((row) => [row.id, { name: row.name, unit: row.unit }]),
  );
}

/** The title of a run: its scenario's, or the reference's label for the models' defaults. */
function titleOf(scenarios: ReadonlyMap<string, Scenario>, id: string | null, labels: ReportLabels): string {
  return id === null ? labels.columns.reference : (scenarios.get(id)?.title ?? id);
}

/**
 * The scenarios of a report: definitions in words, one row per indicator with one text per
 * scenario, the lab's comparisons and the trend of unfilled positions.
 */
export function buildScenarios(options: {
  models: ReportModelResults;
  scenarios: readonly Scenario[];
  locale: ReportLocale;
  labels: ReportLabels;
}): ReportScenarios {
  const { models, locale, labels } = options;
  const byId = new Map(options.scenarios.map((s) => [s.id, s]));
  const meta = indicatorMeta(locale);
  const runs = models.runs;
  return {
    note: labels.scenarios.note,
    scenarios: runs.map((run) => {
      const scenario = run.scenarioId === null ? undefined : byId.get(run.scenarioId);
      return {
        scenarioId: run.scenarioId,
        title: titleOf(byId, run.scenarioId, labels),
        description: scenario?.description ?? '',
        referenceTitle: run.parentId === null ? null : titleOf(byId, run.parentId, labels),
        fingerprint: run.fingerprint,
        computedAtLabel: run.computedAt ? formatDateTime({ locale, value: run.computedAt }) : '',
        // A change the models refuse is listed once, among the problems.
        changes: run.changes
          .filter((change) => !run.problems.some((p) => p.key === change.key))
          .map((change) => ({
            text: describeChange({ key: change.key, value: change.value, locale }),
            reason: change.reason,
            inherited: change.origin === 'parent',
          })),
        problems: run.problems.map((p) => {
          const change = run.changes.find((c) => c.key === p.key);
          return change ? describeChange({ key: change.key, value: change.value, locale }) : p.message;
        }),
      };
    }),
    indicators: INDICATORS.map((id: IndicatorId) => {
      const { name, unit } = meta.get(id)!;
      return {
        id,
        name,
        unit,
        values: runs.map((run) => {
          const raw = run.indicators[id];
          return { raw, text: raw === null ? '—' : formatIndicator(raw, unit, locale) };
        }),
      };
    }),
    comparisons: models.comparisons.map((comparison) => ({
      scenarioId: comparison.scenarioId,
      title: titleOf(byId, comparison.scenarioId, labels),
      referenceTitle: titleOf(byId, comparison.referenceId, labels),
      rows: comparison.rows.map((row) => ({
        id: row.id,
        name: row.name,
        baseline: row.baseline,
        scenario: row.scenario,
        difference: row.difference,
        sentence: row.sentence,
      })),
    })),
    trend: {
      horizons: runs[0]?.trend.map((t) => t.horizon) ?? [],
      series: runs.map((run) => ({
        title: titleOf(byId, run.scenarioId, labels),
        values: run.trend.map((t) => t.gap),
        texts: run.trend.map((t) => formatIndicator(t.gap, 'count', locale)),
      })),
    },
  };
}

/**
 * The workshop's occupation families in the skills model at 5 years, for the reference run:
 * the report's skills balance is about the occupations the workshop talked about.
 */
export function buildSkillsBalance(options: {
  models: ReportModelResults;
  needs: readonly Need[];
  scenarios: readonly Scenario[];
  locale: ReportLocale;
  labels: ReportLabels;
}): Report['skillsBalance'] {
  const { models, locale, labels } = options;
  const reference = models.runs.find((run) => run.parentId === null) ?? models.runs[0];
  if (!reference || reference.families.length === 0 || options.needs.length === 0) return null;
  const recorded = new Map<OccupationFamily, number>();
  for (const need of options.needs) {
    const family = familyOfRomeCode(need.romeCode);
    recorded.set(family, (recorded.get(family) ?? 0) + need.headcount);
  }
  const rows = reference.families
    .filter((row) => recorded.has(row.family))
    .map((row) => ({
      family: row.family,
      label: occupationFamilyName(row.family, locale),
      recorded: recorded.get(row.family) ?? 0,
      demand: row.demand,
      gap: row.gap,
      tension: row.demand > 0 ? row.gap / row.demand : 0,
    }))
    .sort((a, b) => b.tension - a.tension);
  const byId = new Map(options.scenarios.map((s) => [s.id, s]));
  return { horizon: 5, scenarioTitle: titleOf(byId, reference.scenarioId, labels), rows };
}

/** The map of the report in words: zone and area names, legend, description and figures. */
export function buildMap(options: {
  models: ReportModelResults;
  locale: ReportLocale;
  labels: ReportLabels;
}): Report['map'] {
  const { models, locale, labels } = options;
  const map = models.map;
  if (!map || map.zones.length === 0) return null;
  const pct = (value: number, digits = 1) => formatPercent({ locale, value, digits });
  const classes = map.classes.map((c, i) => ({
    label: `${i === 0 ? `< ${pct(c.max, 0)}` : i === map.classes.length - 1 ? `≥ ${pct(c.min, 0)}` : `${pct(c.min, 0)} – ${pct(c.max, 0)}`} (${labels.map.zones(c.count)})`,
    colour: c.colour,
  }));
  const zones = map.zones.map((zone) => ({
    ...zone,
    name: zoneName(zone.id, locale),
    valueText: zone.value === null ? labels.map.noData : pct(zone.value),
  }));
  const valued = zones.filter((z) => z.value !== null).sort((a, b) => b.value! - a.value!);
  const highest = valued[0];
  const lowest = valued[valued.length - 1];
  const populated = [...zones].sort((a, b) => b.population - a.population).slice(0, 12);
  return {
    title: labels.map.title(mapIndicatorName(map.indicator, locale)),
    description: labels.map.description({
      highest: highest ? `${highest.name} (${highest.valueText})` : labels.map.noData,
      lowest: lowest ? `${lowest.name} (${lowest.valueText})` : labels.map.noData,
      classes: classes.map((c) => c.label).join(', '),
    }),
    legendTitle: labels.map.legendTitle,
    classes,
    keys: { roads: labels.map.roads, rail: labels.map.rail, brt: labels.map.brt, noData: labels.map.noData },
    zones,
    roads: map.roads.map((road) => ({ ...road, name: roadName(road.name, locale) })),
    ptLines: map.ptLines,
    externals: map.externals.map((e) => ({ ...e, name: zoneName(e.id, locale) })),
    bounds: map.bounds,
    table: {
      columns: [labels.columns.zone, labels.columns.population, labels.map.legendTitle],
      rows: populated.map((zone) => [
        zone.name,
        formatNumber({ locale, value: zone.population }),
        zone.valueText,
      ]),
    },
  };
}
