import type { Report } from './report.ts';

/** A cell of an exported table: text or a number (booleans are written as words). */
export type TableCell = string | number;

/** One table of the export (needs, training offers, roadmap, votes, contributions), headers in the report's language. */
export interface ReportTable {
  /** Stable name, used for file and sheet names. */
  name: 'needs' | 'trainingOffers' | 'roadmap' | 'votes' | 'contributions';
  title: string;
  columns: string[];
  rows: TableCell[][];
}

/** The scenario figures of a report: one row per scenario and indicator. */
export interface ScenarioTable {
  title: string;
  columns: string[];
  rows: TableCell[][];
}

/**
 * The report's tables, the same for CSV and XLSX.
 *
 * @example reportTables(report).find((t) => t.name === 'needs')?.rows.length
 */
export function reportTables(report: Report): ReportTable[] {
  const { labels } = report;
  const c = labels.columns;
  const yesNo = (value: boolean) => (value ? labels.yes : labels.no);
  return [
    {
      name: 'needs',
      title: labels.sections.needs,
      columns: [
        c.id,
        c.romeCode,
        c.family,
        c.title,
        c.organisation,
        c.headcount,
        c.horizonMonths,
        c.communeCode,
        c.commune,
        c.contract,
        c.difficulty,
        c.crossBorder,
        c.comment,
      ],
      rows: report.needs.groups.flatMap((group) =>
        group.rows.map((row) => [
          row.id,
          row.romeCode,
          group.label,
          row.title,
          row.organisation,
          row.headcount,
          row.horizonMonths,
          row.communeCode,
          row.commune,
          row.contract,
          row.difficulty,
          yesNo(row.crossBorder),
          row.comment,
        ]),
      ),
    },
    {
      name: 'trainingOffers',
      title: labels.sections.trainingOffers,
      columns: [
        c.id,
        c.title,
        c.organisation,
        c.occupations,
        c.seatsPerYear,
        c.durationMonths,
        c.communeCode,
        c.commune,
        c.start,
        c.summary,
      ],
      rows: report.trainingOffers.map((t) => [
        t.id,
        t.title,
        t.organisation,
        t.romeCodes.join(', '),
        t.seatsPerYear,
        t.durationMonths,
        t.communeCode,
        t.commune,
        t.startDay,
        t.description,
      ]),
    },
    {
      name: 'roadmap',
      title: labels.sections.roadmap,
      columns: [c.id, c.title, c.owner, c.partners, c.start, c.due, c.status, c.needs, c.summary],
      rows: report.roadmap.rows.map((row) => [
        row.id,
        row.title,
        row.owner,
        row.partners.join(', '),
        row.start.day ?? row.start.raw,
        row.due.day ?? row.due.raw,
        row.statusLabel,
        row.needs.join(', '),
        row.description,
      ]),
    },
    {
      name: 'votes',
      title: labels.sections.decisions,
      columns: [c.id, c.question, c.kind, c.status, c.option, c.votes, c.share],
      rows: report.decisions.flatMap((poll) =>
        poll.options.map((option) => [
          poll.id,
          poll.question,
          poll.kindLabel,
          poll.statusLabel,
          option.label,
          option.votes,
          Math.round(option.share * 10_000) / 10_000,
        ]),
      ),
    },
    {
      name: 'contributions',
      title: labels.sections.contributions,
      columns: [c.id, c.kind, c.organisation, c.author, c.date, c.items],
      rows: report.contributions.map((row) => [
        row.id,
        row.kindLabel,
        row.organisation,
        row.author ?? '',
        row.date.slice(0, 10),
        row.items.join('\n'),
      ]),
    },
  ];
}

/**
 * The scenario figures as a table: one row per scenario and indicator, with the lab's fingerprint,
 * the raw value and the text every other format prints (the XLSX sheet of scenarios).
 *
 * @example scenarioTable(report)?.rows[0] // ['…', 'Situation de référence', '3f…', 'ptShare', 'Part des transports en commun', 0.053, '5,3 %']
 */
export function scenarioTable(report: Report): ScenarioTable | null {
  const s = report.scenarios;
  if (!s) return null;
  const c = report.labels.columns;
  return {
    title: report.labels.sections.scenarios,
    columns: [c.id, c.scenario, c.fingerprint, c.indicatorId, c.indicator, c.value, c.text],
    rows: s.scenarios.flatMap((scenario, index) =>
      s.indicators.map((indicator) => [
        scenario.scenarioId ?? '',
        scenario.title,
        scenario.fingerprint,
        indicator.id,
        indicator.name,
        indicator.values[index]!.raw ?? '',
        indicator.values[index]!.text,
      ]),
    ),
  };
}
