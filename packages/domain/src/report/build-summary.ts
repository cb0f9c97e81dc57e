// The one-page summary at the front of the report, for elected officials: what the workshop was
// for, what is needed, who does what by when, which scenario and what it changes, what comes next.
import type { Scenario } from '../realtime/content-doc.ts';
import { findRomeOccupation } from '../workshop/rome/rome.ts';
import { formatDate, type ReportLocale } from './format.ts';
import type { ReportLabels } from './labels.ts';
import type { Report, ReportModelResults, ReportPollInput } from './report.ts';

const KEY_NEEDS = 5;
const HEADLINE_EFFECTS = 3;
const NEXT_STEPS = 4;

/** The five occupations with the most positions recorded (then the most organisations). */
function keyNeeds(needs: Report['needs']): Report['summary']['keyNeeds'] {
  const byCode = new Map<string, { headcount: number; organisations: Set<string>; communes: Set<string> }>();
  for (const row of needs.groups.flatMap((g) => g.rows)) {
    const entry = byCode.get(row.romeCode) ?? { headcount: 0, organisations: new Set(), communes: new Set() };
    entry.headcount += row.headcount;
    entry.organisations.add(row.organisation);
    entry.communes.add(row.commune);
    byCode.set(row.romeCode, entry);
  }
  return [...byCode.entries()]
    .sort(
      ([a, x], [b, y]) =>
        y.headcount - x.headcount || y.organisations.size - x.organisations.size || a.localeCompare(b),
    )
    .slice(0, KEY_NEEDS)
    .map(([code, entry]) => ({
      label: `${findRomeOccupation(code)?.label ?? code} (ROME ${code})`,
      headcount: entry.headcount,
      organisations: entry.organisations.size,
      communes: [...entry.communes].sort(),
    }));
}

/**
 * The scenario the summary presents: the winner of a closed vote whose options are the workshop's
 * scenarios (the lab's "decide" vote), else the variant edited last, presented as studied only.
 */
function summaryScenario(options: {
  scenarios: readonly Scenario[];
  polls: readonly ReportPollInput[];
  decisions: Report['decisions'];
  models: ReportModelResults | undefined;
  report: Report['scenarios'];
  labels: ReportLabels;
}): Report['summary']['scenario'] {
  const { scenarios, models, labels, report } = options;
  if (!models || !report) return null;
  const titles = new Map(scenarios.map((s) => [s.title, s]));
  let chosen: { scenario: Scenario; basis: string } | undefined;
  for (const poll of options.decisions) {
    const input = options.polls.find((p) => p.id === poll.id);
    if (!input || poll.status !== 'closed' || !poll.winner || input.options.length < 2) continue;
    if (!input.options.every((option) => titles.has(option))) continue;
    chosen = { scenario: titles.get(poll.winner)!, basis: labels.summary.chosenBy(poll.question) };
  }
  if (!chosen) {
    const variants = scenarios
      .filter((s) => s.parentId && models.comparisons.some((c) => c.scenarioId === s.id))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    if (variants[0]) chosen = { scenario: variants[0], basis: labels.summary.studied };
  }
  if (!chosen) return null;
  const comparison = report.comparisons.find((c) => c.scenarioId === chosen.scenario.id);
  const raw = models.comparisons.find((c) => c.scenarioId === chosen.scenario.id);
  const changed = (raw?.rows ?? [])
    .filter((row) => /[1-9]/.test(row.difference) && row.relative !== null)
    .sort((a, b) => Math.abs(b.relative!) - Math.abs(a.relative!))
    .slice(0, HEADLINE_EFFECTS)
    .map((row) => row.sentence);
  return {
    title: chosen.scenario.title,
    basis: chosen.basis,
    referenceTitle: comparison?.referenceTitle ?? '',
    effects: changed,
  };
}

/**
 * The summary of a report, from its built parts.
 *
 * @param options.report - the report's other parts (needs, roadmap, decisions, scenarios)
 */
export function buildSummary(options: {
  report: Pick<Report, 'meta' | 'needs' | 'roadmap' | 'decisions' | 'scenarios'>;
  scenarios: readonly Scenario[];
  polls: readonly ReportPollInput[];
  models: ReportModelResults | undefined;
  exportedAt: Date;
  locale: ReportLocale;
  labels: ReportLabels;
}): Report['summary'] {
  const { report, labels, locale } = options;
  const engaged = report.roadmap.rows
    .filter((row) => row.status === 'committed' || row.status === 'in_progress')
    .sort((a, b) => (a.due.day ?? a.due.raw).localeCompare(b.due.day ?? b.due.raw));
  const today = options.exportedAt.toISOString().slice(0, 10);
  const upcoming = report.roadmap.rows
    .filter((row) => row.status !== 'done' && row.status !== 'dropped' && row.due.day && row.due.day >= today)
    .sort((a, b) => a.due.day!.localeCompare(b.due.day!))
    .slice(0, NEXT_STEPS);
  const proposed = report.roadmap.rows.filter((row) => row.status === 'proposed').length;
  const openPolls = report.decisions.filter((poll) => poll.status === 'open').length;
  return {
    purpose: report.meta.description,
    keyNeeds: keyNeeds(report.needs),
    actions: engaged.map((row) => ({
      title: row.title,
      owner: row.owner,
      start: row.start.label,
      due: row.due.label,
      status: row.statusLabel,
    })),
    scenario: summaryScenario({
      scenarios: options.scenarios,
      polls: options.polls,
      decisions: report.decisions,
      models: options.models,
      report: report.scenarios,
      labels,
    }),
    nextSteps: [
      ...upcoming.map((row) =>
        labels.summary.nextDue({
          date: formatDate({ locale, value: row.due.day! }),
          title: row.title,
          owner: row.owner,
        }),
      ),
      ...(proposed > 0 ? [labels.summary.proposed(proposed)] : []),
      ...(openPolls > 0 ? [labels.summary.openPolls(openPolls)] : []),
    ],
  };
}
