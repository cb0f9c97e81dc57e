import { ORGANISATION_KINDS } from '../workshop/organisation-kind.ts';
import { OCCUPATION_FAMILIES, familyOfRomeCode } from '../skills/families.ts';
import { tallyBallots } from '../realtime/polls.ts';
import { formatDate, formatDateTime, resolveRoadmapDate } from './format.ts';
import { reportLabels } from './labels.ts';
import type { Report, ReportActionRow, ReportInput, ReportNeedRow, ReportPoll } from './report.ts';

const SUMMARY_MAX = 500;

/** A contribution's payload as one line of text: its `text` when it has one, else its JSON. */
function summarise(payload: unknown): string {
  if (payload && typeof payload === 'object' && 'text' in payload && typeof payload.text === 'string') {
    return payload.text.slice(0, SUMMARY_MAX);
  }
  const json = JSON.stringify(payload) ?? '';
  return json.length > SUMMARY_MAX ? `${json.slice(0, SUMMARY_MAX - 1)}…` : json;
}

function pollOf(input: ReportInput['polls'][number], labels: Report['labels']): ReportPoll {
  const totals = tallyBallots(input.options.length, input.ballots);
  const sum = totals.reduce((a, b) => a + b, 0);
  const best = Math.max(0, ...totals);
  const leaders = totals.flatMap((votes, index) => (votes === best && best > 0 ? [index] : []));
  return {
    id: input.id,
    question: input.question,
    kindLabel: labels.pollKinds[input.kind],
    statusLabel: labels.pollStatuses[input.status],
    anonymous: input.anonymous,
    voterCount: input.ballots.length,
    options: input.options.map((label, index) => {
      const votes = totals[index] ?? 0;
      return { label, votes, share: sum > 0 ? votes / sum : 0 };
    }),
    winner: leaders.length === 1 ? (input.options[leaders[0]!] ?? null) : null,
  };
}

/**
 * Whether an organisation the report names (a member's, or one a need, action, idea, comment,
 * training offer or accepted contribution belongs to) is fictional. Only those: a real workshop
 * on a database that also holds the demo's fictional organisations is not flagged.
 */
function namesFictional(input: ReportInput, accepted: ReportInput['contributions']): boolean {
  const { content } = input;
  const named = new Set<string>([
    ...input.members.map((m) => m.organisationId),
    ...content.needs.map((n) => n.organisationId),
    ...content.roadmap.flatMap((a) => [a.ownerOrganisationId, ...a.partnerOrganisationIds]),
    ...content.ideas.flatMap((i) => i.organisationId ?? []),
    ...content.comments.map((c) => c.organisationId),
    ...content.trainingOffers.map((t) => t.organisationId),
    ...accepted.map((c) => c.organisationId),
  ]);
  return input.organisations.some((o) => o.fictional === true && named.has(o.id));
}

/**
 * Builds the report of a workshop from its data: the one structure every export format
 * renders, so that PDF, DOCX and the tables say the same thing. Pure: the export time, the
 * language and the model results come in as input.
 *
 * - Participants are grouped by organisation kind; anonymised, people's names are null.
 * - Needs are grouped by occupation family (in the order of `OCCUPATION_FAMILIES`).
 * - Roadmap dates `J+N` are resolved against the facilitation settings' day 0.
 * - Only accepted contributions are reported.
 * - When an organisation it names is fictional, `meta.fictional` is set: the cover and the
 *   provenance say that the data are fictional.
 *
 * @param input - the workshop's data (see `ReportInput`)
 * @example
 * const report = buildReport({ locale: 'fr', anonymised: true, exportedAt: new Date(), … });
 * report.needs.groups[0].label // 'Sidérurgie, métallurgie et travail des métaux'
 */
export function buildReport(input: ReportInput): Report {
  const { locale, anonymised, content } = input;
  const labels = reportLabels(locale);
  const organisations = new Map(input.organisations.map((o) => [o.id, o]));
  const orgName = (id: string) => organisations.get(id)?.name ?? id;
  const versionLabel =
    input.version.kind === 'current'
      ? labels.version.current
      : labels.version.saved(input.version.name, formatDateTime({ locale, value: input.version.savedAt }));
  const exportedAtLabel = formatDateTime({ locale, value: input.exportedAt });
  const exportedBy = anonymised ? null : input.exportedBy;

  const participants = ORGANISATION_KINDS.flatMap((kind) => {
    const ofKind = input.organisations
      .filter((o) => o.kind === kind)
      .map((o) => ({
        id: o.id,
        name: o.name,
        people: input.members
          .filter((m) => m.organisationId === o.id)
          .map((m) => ({ name: anonymised ? null : m.displayName, role: labels.roles[m.role] })),
      }))
      .filter((o) => o.people.length > 0)
      .sort((a, b) => a.name.localeCompare(b.name, locale));
    return ofKind.length > 0
      ? [{ kind, kindLabel: labels.organisationKinds[kind], organisations: ofKind }]
      : [];
  });

  const needRows: ReportNeedRow[] = content.needs.map((need) => ({
    id: need.id,
    romeCode: need.romeCode,
    family: familyOfRomeCode(need.romeCode),
    title: need.title,
    organisation: orgName(need.organisationId),
    headcount: need.headcount,
    horizonMonths: need.horizonMonths,
    communeCode: need.communeCode,
    contract: labels.contracts[need.contract],
    difficulty: need.difficulty,
    crossBorder: need.crossBorder,
    comment: need.comment,
  }));
  const groups = OCCUPATION_FAMILIES.flatMap((family) => {
    const rows = needRows.filter((row) => row.family === family);
    if (rows.length === 0) return [];
    const headcount = rows.reduce((sum, row) => sum + row.headcount, 0);
    return [{ family, label: labels.families[family], headcount, rows }];
  });

  const dayZero = content.settings.dayZero;
  const dateOf = (raw: string) => {
    const day = resolveRoadmapDate({ value: raw, dayZero });
    return { raw, day, label: day ? formatDate({ locale, value: day }) : raw };
  };
  const needTitles = new Map(content.needs.map((need) => [need.id, need.title]));
  const actionRows: ReportActionRow[] = content.roadmap.map((action) => ({
    id: action.id,
    title: action.title,
    description: action.description,
    owner: orgName(action.ownerOrganisationId),
    partners: action.partnerOrganisationIds.map(orgName),
    start: dateOf(action.start),
    due: dateOf(action.due),
    status: action.status,
    statusLabel: labels.roadmapStatuses[action.status],
    needs: action.needIds.flatMap((id) => needTitles.get(id) ?? []),
  }));
  const days = actionRows
    .flatMap((row) => [row.start.day, row.due.day])
    .filter((d): d is string => !!d)
    .sort();
  const range = days.length > 0 ? { from: days[0]!, to: days[days.length - 1]! } : null;

  const models = input.models;
  const scenarioTitles = new Map(content.scenarios.map((s) => [s.id, s.title]));
  const scenarios =
    models || content.scenarios.length > 0
      ? {
          note: models?.baselineOnly === false ? labels.scenarioNote : labels.scenarioBaselineOnly,
          baselineOnly: models?.baselineOnly ?? true,
          definitions: content.scenarios.map((s) => ({
            id: s.id,
            title: s.title,
            description: s.description,
            assumptions: Object.entries(s.assumptions).map(([key, value]): [string, string] => [
              key,
              String(value),
            ]),
          })),
          indicators: (models?.indicators ?? []).map((key) => ({
            key,
            label: labels.indicators[key] ?? key,
            unit: key.includes('share') || key.endsWith('tension') ? ('share' as const) : ('count' as const),
          })),
          columns: (models?.columns ?? []).map((column) => ({
            scenarioId: column.scenarioId,
            title:
              column.scenarioId === null
                ? labels.columns.baseline
                : (scenarioTitles.get(column.scenarioId) ?? column.scenarioId),
            values: { ...column.values },
          })),
          comparisons: (models?.comparisons ?? []).map((comparison) => ({
            scenarioId: comparison.scenarioId,
            title: scenarioTitles.get(comparison.scenarioId) ?? comparison.scenarioId,
            rows: comparison.rows.map((row) => ({ ...row })),
          })),
        }
      : null;

  const accepted = input.contributions.filter((c) => c.status === 'accepted');
  const fictional = namesFictional(input, accepted);
  const skipped = Object.entries(content.skipped)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ collection: labels.collections[key as keyof typeof content.skipped], count }));

  return {
    locale,
    labels,
    meta: {
      workshopId: input.workshop.id,
      title: input.workshop.title,
      description: input.workshop.description,
      territory: input.workshop.territory,
      status: input.workshop.status,
      statusLabel: labels.workshopStatuses[input.workshop.status],
      dateLabel: input.workshop.startsAt ? formatDateTime({ locale, value: input.workshop.startsAt }) : null,
      versionLabel,
      exportedAtLabel,
      exportedAt: input.exportedAt.toISOString(),
      exportedBy,
      anonymised,
      licence: input.licence ?? null,
      fictional,
    },
    participants,
    agenda: content.agenda.map((item) => ({
      title: item.title,
      kindLabel: labels.agendaKinds[item.kind],
      durationMinutes: item.durationMinutes,
      notes: item.notes,
    })),
    decisions: input.polls.map((poll) => pollOf(poll, labels)),
    needs: {
      count: needRows.length,
      totalHeadcount: needRows.reduce((sum, row) => sum + row.headcount, 0),
      groups,
    },
    trainingOffers: content.trainingOffers.map((offer) => ({
      id: offer.id,
      title: offer.title,
      organisation: orgName(offer.organisationId),
      romeCodes: offer.romeCodes,
      seatsPerYear: offer.seatsPerYear,
      durationMonths: offer.durationMonths,
      communeCode: offer.communeCode,
      startLabel: offer.startDate ? formatDate({ locale, value: offer.startDate }) : '',
      startDay: offer.startDate ?? '',
      description: offer.description,
    })),
    roadmap: { rows: actionRows, range },
    scenarios,
    skillsBalance: models?.skillsBalance ?? null,
    map:
      models?.map && models.map.points.length > 0
        ? {
            title: labels.indicators[`${models.map.indicator}.map`] ?? models.map.indicator,
            legend: labels.mapLegend,
            points: models.map.points,
          }
        : null,
    synthesis: content.synthesis,
    ideas: content.ideas.map((idea) => ({
      id: idea.id,
      category: idea.category ?? '',
      text: idea.text,
      organisation: idea.organisationId ? orgName(idea.organisationId) : '',
    })),
    contributions: accepted.map((c) => ({
      id: c.id,
      kindLabel: labels.contributionKinds[c.kind],
      organisation: orgName(c.organisationId),
      author: anonymised ? null : c.authorName,
      date: c.createdAt.toISOString(),
      dateLabel: formatDate({ locale, value: c.createdAt }),
      summary: summarise(c.payload),
    })),
    provenance: {
      versionLabel,
      exportedAtLabel,
      exportedBy,
      models: Object.entries(models?.versions ?? {}),
      skipped,
      illustrative: models?.illustrative ?? false,
      licence: input.licence ?? null,
      fictional,
    },
  };
}
