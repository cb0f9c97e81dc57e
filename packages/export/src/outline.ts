import { formatNumber, formatPercent, type Report } from '@atelier/domain';
import { scenarioCharts, type Chart } from './charts.ts';

/** A block of a report section, what both the PDF and the DOCX renderers know how to draw. */
export type OutlineBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean; strong?: boolean }
  | { kind: 'item'; text: string; ordered: boolean }
  /**
   * A table; `rowHeaders`: the first cell of each row heads it (a table of label and value, with
   * no header row). `numeric`: right-aligned columns.
   */
  | {
      kind: 'table';
      columns: string[];
      rows: string[][];
      numeric: readonly number[];
      rowHeaders?: boolean;
      caption?: string;
    }
  /** The roadmap on a calendar; renderers without drawing fall back to the table before it. */
  | { kind: 'timeline' }
  /** A chart drawn as vector graphics, with its text alternative (its values are in a table nearby). */
  | { kind: 'chart'; chart: Chart }
  /** The map of the reference scenario, drawn as vector graphics, with its text alternative. */
  | { kind: 'map'; map: NonNullable<Report['map']> }
  /** The ideas board as the room draws it (in parts when large), with its text alternative. */
  | { kind: 'board'; board: NonNullable<Report['board']> };

export interface OutlineSection {
  id: keyof Report['labels']['sections'];
  title: string;
  blocks: OutlineBlock[];
}

function summaryBlocks(report: Report): OutlineBlock[] {
  const { summary, labels } = report;
  const s = labels.summary;
  const items = (texts: string[], empty: string): OutlineBlock[] =>
    texts.length > 0
      ? texts.map((text) => ({ kind: 'item', text, ordered: false }))
      : [{ kind: 'paragraph', text: empty, note: true }];
  return [
    ...(report.meta.illustrative
      ? [{ kind: 'paragraph' as const, text: labels.cover.illustrative, note: true }]
      : []),
    { kind: 'heading', text: s.purpose },
    { kind: 'paragraph', text: summary.purpose || labels.none },
    { kind: 'heading', text: s.keyNeeds },
    ...items(
      summary.keyNeeds.map((need) =>
        s.need({
          label: need.label,
          headcount: need.headcount,
          organisations: need.organisations,
          communes: need.communes.join(', '),
        }),
      ),
      labels.none,
    ),
    { kind: 'heading', text: s.actions },
    ...items(
      summary.actions.map((action) => s.action(action)),
      s.noActions,
    ),
    { kind: 'heading', text: s.scenario },
    ...(summary.scenario
      ? [
          { kind: 'paragraph' as const, text: summary.scenario.title, strong: true },
          {
            kind: 'paragraph' as const,
            text: `${summary.scenario.basis} ${s.comparedWith(summary.scenario.referenceTitle)}`,
            note: true,
          },
          ...items(summary.scenario.effects, s.noEffect),
        ]
      : [{ kind: 'paragraph' as const, text: s.noScenario, note: true }]),
    { kind: 'heading', text: s.nextSteps },
    ...items(summary.nextSteps, s.noNextStep),
  ];
}

/** Quotation marks of the report's language. */
const QUOTES = { fr: ['« ', ' »'], en: ['“', '”'], de: ['„', '“'] } as const;

function scenarioBlocks(report: Report): OutlineBlock[] {
  const s = report.scenarios!;
  const [open, close] = QUOTES[report.locale];
  const quote = (text: string) => `${open}${text}${close}`;
  const { labels } = report;
  const c = labels.columns;
  const l = labels.scenarios;
  return [
    { kind: 'paragraph', text: s.note, note: true },
    ...s.scenarios.flatMap((scenario): OutlineBlock[] => [
      { kind: 'heading', text: scenario.title },
      ...(scenario.description ? [{ kind: 'paragraph' as const, text: scenario.description }] : []),
      ...(scenario.referenceTitle
        ? [{ kind: 'paragraph' as const, text: l.comparedWith(scenario.referenceTitle), note: true }]
        : []),
      { kind: 'paragraph', text: l.changes, strong: true },
      ...(scenario.changes.length > 0
        ? scenario.changes.map((change): OutlineBlock => ({
            kind: 'item',
            text: [
              change.text,
              change.reason ? quote(change.reason) : '',
              change.inherited ? `(${l.inherited})` : '',
            ]
              .filter(Boolean)
              .join(' — '),
            ordered: false,
          }))
        : [{ kind: 'paragraph' as const, text: l.noChange, note: true }]),
      ...(scenario.problems.length > 0
        ? [
            { kind: 'paragraph' as const, text: l.problems, strong: true },
            ...scenario.problems.map((text): OutlineBlock => ({ kind: 'item', text, ordered: false })),
          ]
        : []),
      { kind: 'paragraph', text: l.fingerprint(scenario.fingerprint), note: true },
    ]),
    { kind: 'heading', text: l.table },
    {
      kind: 'table',
      caption: l.table,
      columns: [c.indicator, ...s.scenarios.map((scenario) => scenario.title)],
      rows: s.indicators.map((indicator) => [indicator.name, ...indicator.values.map((v) => v.text)]),
      numeric: s.scenarios.map((_, index) => index + 1),
    },
    ...s.comparisons.flatMap((comparison): OutlineBlock[] => [
      { kind: 'heading', text: l.sentences(comparison.title, comparison.referenceTitle) },
      ...comparison.rows
        .filter((row) => /[1-9]/.test(row.difference))
        .map((row): OutlineBlock => ({ kind: 'item', text: row.sentence, ordered: false })),
    ]),
    { kind: 'heading', text: l.charts },
    ...scenarioCharts(report).map((chart): OutlineBlock => ({ kind: 'chart', chart })),
    ...(report.map
      ? [
          { kind: 'heading' as const, text: report.map.title },
          { kind: 'map' as const, map: report.map },
          {
            kind: 'table' as const,
            caption: report.labels.map.tableTitle,
            columns: report.map.table.columns,
            rows: report.map.table.rows,
            numeric: [1, 2],
          },
        ]
      : []),
  ];
}

/**
 * The report as sections of simple blocks, in reading order — the one-page summary first, then
 * the numbered sections: the one layout the PDF and DOCX renderers share, so that both
 * documents hold the same text, tables and figures.
 */
export function reportOutline(report: Report): OutlineSection[] {
  const { labels, locale } = report;
  const c = labels.columns;
  const n = (value: number, digits = 0) => formatNumber({ locale, value, digits });
  const pct = (value: number) => formatPercent({ locale, value });
  const none = (blocks: OutlineBlock[]): OutlineBlock[] =>
    blocks.length > 0 ? blocks : [{ kind: 'paragraph', text: labels.none, note: true }];
  const sections: OutlineSection[] = [];
  const add = (id: OutlineSection['id'], blocks: OutlineBlock[]) =>
    sections.push({ id, title: labels.sections[id], blocks: none(blocks) });

  add('summary', summaryBlocks(report));

  add(
    'participants',
    report.participants.flatMap((group): OutlineBlock[] => [
      { kind: 'heading', text: group.kindLabel },
      {
        kind: 'table',
        columns: report.meta.anonymised ? [c.organisation, c.role] : [c.organisation, c.name, c.role],
        rows: group.organisations.flatMap((o) =>
          o.people.map((p) => (report.meta.anonymised ? [o.name, p.role] : [o.name, p.name ?? '', p.role])),
        ),
        numeric: [],
      },
    ]),
  );

  add(
    'agenda',
    report.agenda.length > 0
      ? [
          {
            kind: 'table',
            columns: [c.title, c.kind, c.duration, c.notes],
            rows: report.agenda.map((a) => [a.title, a.kindLabel, n(a.durationMinutes), a.notes]),
            numeric: [2],
          },
        ]
      : [],
  );

  add(
    'decisions',
    report.decisions.flatMap((poll): OutlineBlock[] => [
      { kind: 'heading', text: poll.question },
      {
        kind: 'paragraph',
        text: [
          poll.kindLabel,
          poll.statusLabel,
          labels.ballots(poll.voterCount),
          poll.anonymous ? labels.anonymousPoll : '',
        ]
          .filter(Boolean)
          .join(' · '),
        note: true,
      },
      {
        kind: 'table',
        columns: [c.option, c.votes, c.share],
        rows: poll.options.map((o) => [o.label, n(o.votes), pct(o.share)]),
        numeric: [1, 2],
      },
      { kind: 'paragraph', text: poll.outcome, strong: poll.winner !== null },
    ]),
  );

  add(
    'needs',
    report.needs.count === 0
      ? []
      : [
          { kind: 'paragraph', text: labels.totalHeadcount(n(report.needs.totalHeadcount)) },
          ...report.needs.groups.flatMap((group): OutlineBlock[] => [
            { kind: 'heading', text: `${group.label} (${n(group.headcount)})` },
            {
              kind: 'table',
              columns: [
                c.title,
                c.romeCode,
                c.organisation,
                c.headcount,
                c.horizonMonths,
                c.commune,
                c.contract,
              ],
              rows: group.rows.map((r) => [
                r.title,
                r.romeCode,
                r.organisation,
                n(r.headcount),
                n(r.horizonMonths),
                r.commune,
                r.crossBorder ? `${r.contract} · ${c.crossBorder.toLowerCase()}` : r.contract,
              ]),
              numeric: [3, 4],
            },
          ]),
        ],
  );

  if (report.trainingOffers.length > 0) {
    add('trainingOffers', [
      {
        kind: 'table',
        columns: [
          c.title,
          c.organisation,
          c.occupations,
          c.seatsPerYear,
          c.durationMonths,
          c.commune,
          c.start,
        ],
        rows: report.trainingOffers.map((t) => [
          t.description ? `${t.title}\n${t.description}` : t.title,
          t.organisation,
          t.occupations.join(', '),
          n(t.seatsPerYear),
          n(t.durationMonths),
          t.commune,
          t.startLabel,
        ]),
        numeric: [3, 4],
      },
    ]);
  }

  add(
    'roadmap',
    report.roadmap.rows.length === 0
      ? []
      : [
          {
            kind: 'table',
            columns: [c.title, c.owner, c.partners, c.start, c.due, c.status],
            rows: report.roadmap.rows.map((r) => [
              r.description ? `${r.title}\n${r.description}` : r.title,
              r.owner,
              r.partners.join(', '),
              r.start.label,
              r.due.label,
              r.statusLabel,
            ]),
            numeric: [],
          },
        ],
  );
  if (report.roadmap.range) add('timeline', [{ kind: 'timeline' }]);

  if (report.scenarios) add('scenarios', scenarioBlocks(report));

  if (report.skillsBalance) {
    const b = report.skillsBalance;
    add('skillsBalance', [
      {
        kind: 'paragraph',
        text: labels.skillsBalance.note({ horizon: b.horizon, scenario: b.scenarioTitle }),
        note: true,
      },
      {
        kind: 'table',
        columns: [c.family, c.recorded, c.demand, c.gap, c.tension],
        rows: b.rows.map((r) => [r.label, n(r.recorded), n(r.demand), n(r.gap), pct(r.tension)]),
        numeric: [1, 2, 3, 4],
      },
    ]);
  }

  add(
    'synthesis',
    report.synthesis.map((block): OutlineBlock => {
      switch (block.kind) {
        case 'heading':
          return { kind: 'heading', text: block.text };
        case 'paragraph':
          return { kind: 'paragraph', text: block.text };
        case 'item':
          return { kind: 'item', text: block.text, ordered: block.ordered };
        default: {
          const unreachable: never = block;
          return unreachable;
        }
      }
    }),
  );

  // The board's groups in the table too (its text alternative), when it has any.
  const grouped = report.ideas.some((i) => i.group);
  add(
    'ideas',
    report.ideas.length > 0
      ? [
          ...(report.board
            ? [
                { kind: 'board' as const, board: report.board },
                { kind: 'paragraph' as const, text: labels.board.tableNote, note: true },
              ]
            : []),
          {
            kind: 'table',
            columns: grouped
              ? [c.category, c.group, c.text, c.organisation]
              : [c.category, c.text, c.organisation],
            rows: report.ideas.map((i) =>
              grouped ? [i.category, i.group, i.text, i.organisation] : [i.category, i.text, i.organisation],
            ),
            numeric: [],
          },
        ]
      : [],
  );

  add(
    'contributions',
    report.contributions.flatMap((row): OutlineBlock[] => [
      {
        kind: 'heading',
        text: [row.kindLabel, row.organisation, row.author, row.dateLabel].filter(Boolean).join(' — '),
      },
      ...row.items.map((text): OutlineBlock => ({ kind: 'item', text, ordered: false })),
    ]),
  );

  const p = report.provenance;
  const pl = labels.provenance;
  add('provenance', [
    {
      kind: 'table',
      columns: [c.name, c.value],
      rowHeaders: true,
      rows: [
        [pl.version, p.versionLabel],
        [pl.exportedAt, p.exportedAtLabel],
        ...(p.exportedBy ? [[pl.exportedBy, p.exportedBy]] : []),
        [pl.models, p.models.join('\n') || '—'],
        [
          pl.fingerprints,
          // The run's date beside its fingerprint: the stored run every format read its figures from.
          p.fingerprints
            .map((f) => `${f.title} — ${f.fingerprint}${f.computedAtLabel ? ` (${f.computedAtLabel})` : ''}`)
            .join('\n') || '—',
        ],
        [pl.skipped, p.skipped.map((s) => `${s.collection} (${n(s.count)})`).join(', ') || pl.skippedNone],
        ...(p.licence ? [[pl.licence, p.licence]] : []),
      ],
      numeric: [],
    },
    ...(p.illustrative ? [{ kind: 'paragraph' as const, text: pl.illustrative, note: true }] : []),
    ...(p.fictional ? [{ kind: 'paragraph' as const, text: labels.cover.fictional, note: true }] : []),
  ]);
  return sections;
}
