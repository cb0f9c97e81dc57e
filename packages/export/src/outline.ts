import { formatNumber, formatPercent, type Report } from '@atelier/domain';

/** A block of a report section, what both the PDF and the DOCX renderers know how to draw. */
export type OutlineBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'item'; text: string; ordered: boolean }
  | { kind: 'table'; columns: string[]; rows: string[][]; numeric: readonly number[] }
  /** The roadmap on a calendar; renderers without drawing fall back to the table before it. */
  | { kind: 'timeline' }
  /** Bars of one indicator per scenario; renderers without drawing skip it (the table has the figures). */
  | { kind: 'chart'; title: string; bars: { label: string; value: number; text: string }[] }
  /** Zones as discs on a map; renderers without drawing skip it. */
  | { kind: 'map'; title: string; legend: string; points: NonNullable<Report['map']>['points'] };

export interface OutlineSection {
  id: keyof Report['labels']['sections'];
  title: string;
  blocks: OutlineBlock[];
}

/**
 * The report as numbered sections of simple blocks, in reading order: the one layout the
 * PDF and DOCX renderers share, so that both documents hold the same text and tables.
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
      ...(poll.winner ? [{ kind: 'paragraph' as const, text: labels.winner(poll.winner) }] : []),
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
                r.communeCode,
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
          t.romeCodes.join(', '),
          n(t.seatsPerYear),
          n(t.durationMonths),
          t.communeCode,
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

  if (report.scenarios) {
    const s = report.scenarios;
    const value = (unit: 'count' | 'share', v: number | undefined) =>
      v === undefined ? '—' : unit === 'share' ? pct(v) : n(v);
    add('scenarios', [
      { kind: 'paragraph', text: s.note, note: true },
      ...s.definitions.flatMap((d): OutlineBlock[] => {
        const comparison = s.comparisons.find((k) => k.scenarioId === d.id);
        return [
          { kind: 'heading', text: d.title },
          ...(d.description ? [{ kind: 'paragraph' as const, text: d.description }] : []),
          ...d.assumptions.map(([key, v]): OutlineBlock => ({
            kind: 'item',
            text: `${key} = ${v}`,
            ordered: false,
          })),
          ...(comparison
            ? [
                {
                  kind: 'table' as const,
                  columns: [c.indicator, c.baseline, c.scenario, c.difference],
                  rows: comparison.rows.map((row) => [row.name, row.baseline, row.scenario, row.difference]),
                  numeric: [1, 2, 3],
                },
                ...comparison.rows.map((row): OutlineBlock => ({
                  kind: 'item',
                  text: row.sentence,
                  ordered: false,
                })),
              ]
            : []),
        ];
      }),
      ...(s.columns.length > 0 && s.indicators.length > 0
        ? [
            {
              kind: 'table' as const,
              columns: [c.indicator, ...s.columns.map((col) => col.title)],
              rows: s.indicators.map((i) => [
                i.label,
                ...s.columns.map((col) => value(i.unit, col.values[i.key])),
              ]),
              numeric: s.columns.map((_, index) => index + 1),
            },
            ...s.indicators.map((i): OutlineBlock => ({
              kind: 'chart',
              title: i.label,
              bars: s.columns.map((col) => ({
                label: col.title,
                value: col.values[i.key] ?? 0,
                text: value(i.unit, col.values[i.key]),
              })),
            })),
          ]
        : []),
      ...(report.map ? [{ kind: 'map' as const, ...report.map }] : []),
    ]);
  }

  if (report.skillsBalance) {
    const b = report.skillsBalance;
    add('skillsBalance', [
      { kind: 'paragraph', text: labels.skillsHorizon(b.horizon), note: true },
      {
        kind: 'table',
        columns: [c.occupation, c.territory, c.demand, c.supply, c.gap, c.tension],
        rows: b.rows.map((r) => [
          r.occupation,
          r.territory,
          n(r.demand),
          n(r.supply),
          n(r.gap),
          pct(r.tension),
        ]),
        numeric: [2, 3, 4, 5],
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

  add(
    'ideas',
    report.ideas.length > 0
      ? [
          {
            kind: 'table',
            columns: [c.category, c.text, c.organisation],
            rows: report.ideas.map((i) => [i.category, i.text, i.organisation]),
            numeric: [],
          },
        ]
      : [],
  );

  add(
    'contributions',
    report.contributions.length > 0
      ? [
          {
            kind: 'table',
            columns: report.meta.anonymised
              ? [c.date, c.kind, c.organisation, c.summary]
              : [c.date, c.kind, c.organisation, c.author, c.summary],
            rows: report.contributions.map((row) =>
              report.meta.anonymised
                ? [row.dateLabel, row.kindLabel, row.organisation, row.summary]
                : [row.dateLabel, row.kindLabel, row.organisation, row.author ?? '', row.summary],
            ),
            numeric: [],
          },
        ]
      : [],
  );

  const p = report.provenance;
  const pl = labels.provenance;
  add('provenance', [
    {
      kind: 'table',
      columns: ['', ''],
      rows: [
        [pl.version, p.versionLabel],
        [pl.exportedAt, p.exportedAtLabel],
        ...(p.exportedBy ? [[pl.exportedBy, p.exportedBy]] : []),
        [pl.models, p.models.map(([name, version]) => `${name} ${version}`).join(', ') || '—'],
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
