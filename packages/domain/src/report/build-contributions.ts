// Accepted contributions as what they became in the workshop: the needs, training offers and
// comments of the content document that carry the contribution's id. An item the facilitator
// removed from the room after accepting it is not in the document, so it is not reported.
import type { ReportLocale } from './format.ts';
import { formatDate } from './format.ts';
import type { ReportLabels } from './labels.ts';
import type { WorkshopContent } from './read-documents.ts';
import type { Report, ReportContributionInput } from './report.ts';

function answersOf(payload: unknown): [string, string][] {
  if (!payload || typeof payload !== 'object' || !('answers' in payload)) return [];
  const answers = (payload as { answers: unknown }).answers;
  if (!answers || typeof answers !== 'object') return [];
  return Object.entries(answers as Record<string, unknown>).flatMap(([id, text]) =>
    typeof text === 'string' && text.trim() ? [[id, text.trim()] as [string, string]] : [],
  );
}

/**
 * The accepted contributions of a report, each with the items it became; contributions none of
 * whose items remain are left out.
 */
export function buildContributions(options: {
  contributions: readonly ReportContributionInput[];
  content: WorkshopContent;
  orgName: (id: string) => string;
  communeOf: (code: string) => string;
  anonymised: boolean;
  locale: ReportLocale;
  labels: ReportLabels;
}): Report['contributions'] {
  const { content, labels, locale } = options;
  const items = labels.contributionItems;
  const actions = new Map(content.roadmap.map((a) => [a.id, a.title]));
  return options.contributions
    .filter((c) => c.status === 'accepted')
    .map((c) => {
      const list: string[] = [
        ...content.needs
          .filter((need) => need.contributionId === c.id)
          .map((need) =>
            items.need({
              title: need.title,
              headcount: need.headcount,
              commune: options.communeOf(need.communeCode),
              contract: labels.contracts[need.contract],
            }),
          ),
        ...content.trainingOffers
          .filter((offer) => offer.contributionId === c.id)
          .map((offer) =>
            items.offer({
              title: offer.title,
              seats: offer.seatsPerYear,
              commune: options.communeOf(offer.communeCode),
            }),
          ),
        ...content.comments
          .filter((comment) => comment.contributionId === c.id)
          .map((comment) =>
            items.comment({
              text: comment.text,
              action: comment.targetType === 'action' ? (actions.get(comment.targetId) ?? null) : null,
            }),
          ),
      ];
      if (c.kind === 'answers') {
        const questions = new Map((c.questions ?? []).map((q) => [q.id, q.label]));
        answersOf(c.payload).forEach(([id, text], index) =>
          list.push(items.answer({ question: questions.get(id) ?? items.question(index + 1), text })),
        );
      }
      return {
        id: c.id,
        kindLabel: labels.contributionKinds[c.kind],
        organisation: options.orgName(c.organisationId),
        author: options.anonymised ? null : c.authorName,
        date: c.createdAt.toISOString(),
        dateLabel: formatDate({ locale, value: c.createdAt }),
        items: list,
      };
    })
    .filter((c) => c.items.length > 0);
}
