import { ORGANISATION_KINDS } from '../workshop/organisation-kind.ts';
import { communeName } from '../workshop/communes.ts';
import { findRomeOccupation } from '../workshop/rome/rome.ts';
import { OCCUPATION_FAMILIES, familyOfRomeCode, occupationFamilyName } from '../skills/families.ts';
import { tallyBallots } from '../realtime/polls.ts';
import { ANONYMOUS_AUTHOR } from '../board/board-schema.ts';
import { buildBoard } from './build-board.ts';
import { buildContributions } from './build-contributions.ts';
import { buildMap, buildScenarios, buildSkillsBalance } from './build-scenarios.ts';
import { buildSummary } from './build-summary.ts';
import { formatDate, formatDateTime, resolveRoadmapDate } from './format.ts';
import { reportLabels } from './labels.ts';
import type { Report, ReportActionRow, ReportInput, ReportNeedRow, ReportPoll } from './report.ts';

/** A commune's name; its code when it is not a commune of Moselle or Meurthe-et-Moselle. */
const communeOf = (code: string) => communeName(code) ?? code;

function pollOf(input: ReportInput['polls'][number], labels: Report['labels']): ReportPoll {
  const totals = tallyBallots(input.options.length, input.ballots);
  const sum = totals.reduce((a, b) => a + b, 0);
  const best = Math.max(0, ...totals);
  const leaders = totals.flatMap((votes, index) => (votes === best && best > 0 ? [index] : []));
  // An open poll decides nothing yet: its leader is not a choice.
  const winner =
    input.status === 'closed' && leaders.length === 1 ? (input.options[leaders[0]!] ?? null) : null;
  return {
    id: input.id,
    question: input.question,
    kindLabel: labels.pollKinds[input.kind],
    status: input.status,
    statusLabel: labels.pollStatuses[input.status],
    anonymous: input.anonymous,
    voterCount: input.ballots.length,
    options: input.options.map((label, index) => {
      const votes = totals[index] ?? 0;
      return { label, votes, share: sum > 0 ? votes / sum : 0 };
    }),
    winner,
    outcome:
      input.status === 'open'
        ? labels.outcome.open
        : winner
          ? labels.outcome.chosen(winner)
          : best > 0
            ? labels.outcome.tie
            : labels.outcome.noVotes,
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
 * - Accepted contributions are reported as the items they became in the room (removed ones left out).
 * - A poll names a choice only once closed.
 * - Scenario figures come from the lab's runs (`modelResults`), formatted once.
 * - Communes are named, idea columns and families labelled, in the report's language.
 * - The ideas board is laid out as the room draws it; an anonymous card names no one.
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
          .map((m) => ({
            name: anonymised ? null : m.displayName,
            role: m.guest ? labels.guestRole : labels.roles[m.role],
          })),
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
    commune: communeOf(need.communeCode),
    contract: labels.contracts[need.contract],
    difficulty: need.difficulty,
    crossBorder: need.crossBorder,
    comment: need.comment,
  }));
  const groups = OCCUPATION_FAMILIES.flatMap((family) => {
    const rows = needRows.filter((row) => row.family === family);
    if (rows.length === 0) return [];
    const headcount = rows.reduce((sum, row) => sum + row.headcount, 0);
    return [{ family, label: occupationFamilyName(family, locale), headcount, rows }];
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
  const scenarios = models ? buildScenarios({ models, scenarios: content.scenarios, locale, labels }) : null;
  const accepted = input.contributions.filter((c) => c.status === 'accepted');
  const fictional = namesFictional(input, accepted);
  const skipped = Object.entries(content.skipped)
    .filter(([, count]) => count > 0)
    .map(([key, count]) => ({ collection: labels.collections[key as keyof typeof content.skipped], count }));

  const illustrative = models?.illustrative ?? false;
  const meta: Report['meta'] = {
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
    illustrative,
  };
  const needs: Report['needs'] = {
    count: needRows.length,
    totalHeadcount: needRows.reduce((sum, row) => sum + row.headcount, 0),
    groups,
  };
  const decisions = input.polls.map((poll) => pollOf(poll, labels));
  const roadmapPart = { rows: actionRows, range };
  const ideaCategories: Record<string, string> = labels.ideaCategories;
  const board = buildBoard({ input, labels, orgName });
  const groupTitles = new Map((board?.groups ?? []).map((group) => [group.id, group.title]));

  return {
    locale,
    labels,
    meta,
    summary: buildSummary({
      report: { meta, needs, roadmap: roadmapPart, decisions, scenarios },
      scenarios: content.scenarios,
      polls: input.polls,
      models,
      exportedAt: input.exportedAt,
      locale,
      labels,
    }),
    participants,
    agenda: content.agenda.map((item) => ({
      title: item.title,
      kindLabel: labels.agendaKinds[item.kind],
      durationMinutes: item.durationMinutes,
      notes: item.notes,
    })),
    decisions,
    needs,
    trainingOffers: content.trainingOffers.map((offer) => ({
      id: offer.id,
      title: offer.title,
      organisation: orgName(offer.organisationId),
      romeCodes: offer.romeCodes,
      occupations: offer.romeCodes.map((code) => {
        const occupation = findRomeOccupation(code);
        return occupation ? `${occupation.label} (${code})` : code;
      }),
      seatsPerYear: offer.seatsPerYear,
      durationMonths: offer.durationMonths,
      communeCode: offer.communeCode,
      commune: communeOf(offer.communeCode),
      startLabel: offer.startDate ? formatDate({ locale, value: offer.startDate }) : '',
      startDay: offer.startDate ?? '',
      description: offer.description,
    })),
    roadmap: roadmapPart,
    scenarios,
    skillsBalance: models
      ? buildSkillsBalance({ models, needs: content.needs, scenarios: content.scenarios, locale, labels })
      : null,
    map: models ? buildMap({ models, locale, labels }) : null,
    synthesis: content.synthesis,
    ideas: content.ideas.map((idea) => ({
      id: idea.id,
      category: !idea.category
        ? ''
        : Object.hasOwn(ideaCategories, idea.category)
          ? ideaCategories[idea.category]!
          : idea.category,
      group: groupTitles.get(idea.groupId ?? '') ?? '',
      text: idea.text,
      // An anonymous card names no organisation either (an older document may have left one).
      organisation:
        idea.organisationId && idea.createdBy !== ANONYMOUS_AUTHOR ? orgName(idea.organisationId) : '',
    })),
    board,
    contributions: buildContributions({
      contributions: input.contributions,
      content,
      orgName,
      communeOf,
      anonymised,
      locale,
      labels,
    }),
    provenance: {
      versionLabel,
      exportedAtLabel,
      exportedBy,
      models: models
        ? [
            labels.provenance.mobilityModel(models.versions.mobility ?? ''),
            labels.provenance.skillsModel(models.versions.skills ?? ''),
            labels.provenance.labMethod(models.versions.lab ?? ''),
          ]
        : [],
      fingerprints: (scenarios?.scenarios ?? []).map((s) => ({
        title: s.title,
        fingerprint: s.fingerprint,
        computedAtLabel: s.computedAtLabel,
      })),
      skipped,
      illustrative,
      licence: input.licence ?? null,
      fictional,
    },
  };
}
