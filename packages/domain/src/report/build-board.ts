import { ANONYMOUS_AUTHOR } from '../board/board-schema.ts';
import { boardLayout } from '../board/layout.ts';
import type { ReportLabels } from './labels.ts';
import type { ReportBoard, ReportInput } from './report.ts';

/**
 * The ideas board of a report: the room's own layout (`boardLayout`, so that cards without a
 * position fall in columns as on the canvas), with each group's title and each card's author in
 * the report's words. An anonymous card says so and nothing else: neither a person nor an
 * organisation, even when an older document left one on it. An anonymised report names
 * organisations only.
 *
 * @param options.input - the report's input (its cards, groups, members and organisations)
 * @param options.orgName - an organisation's name from its id
 * @example buildBoard({ input, labels, orgName })?.cards[0]?.author // 'Sophie Entreprise · Aciéries de la Fensch (fictive)'
 */
export function buildBoard(options: {
  input: ReportInput;
  labels: ReportLabels;
  orgName: (id: string) => string;
}): ReportBoard | null {
  const { input, labels, orgName } = options;
  const { ideas, ideaGroups } = input.content;
  if (ideas.length === 0) return null;
  const layout = boardLayout({ ideas, groups: ideaGroups });
  const members = new Map(input.members.map((member) => [member.userId, member]));
  const words = labels.board;

  const authorOf = (idea: (typeof ideas)[number]): string => {
    if (idea.createdBy === ANONYMOUS_AUTHOR) return words.anonymous;
    const member = members.get(idea.createdBy);
    const organisationId = idea.organisationId ?? member?.organisationId;
    const organisation = organisationId ? orgName(organisationId) : '';
    const person = input.anonymised ? undefined : member?.displayName;
    return [person, organisation].filter(Boolean).join(' · ') || words.someone;
  };

  const groups = layout.groups.map((group) => ({
    id: group.id,
    title: group.title.trim() || words.untitledGroup(group.cardIds.length),
    color: group.color,
    cardCount: group.cardIds.length,
    x: group.x,
    y: group.y,
    width: group.width,
    height: group.height,
  }));
  const cards = layout.cards.map((card) => ({
    id: card.idea.id,
    text: card.idea.text,
    author: authorOf(card.idea),
    anonymous: card.idea.createdBy === ANONYMOUS_AUTHOR,
    groupId: card.groupId ?? null,
    color: card.color,
    x: card.x,
    y: card.y,
    width: card.width,
    height: card.height,
  }));
  return {
    title: words.title,
    description: words.description({
      cards: cards.length,
      anonymous: cards.filter((card) => card.anonymous).length,
      groups: groups.map((group) => words.group({ title: group.title, count: group.cardCount })).join(', '),
      loose: cards.filter((card) => card.groupId === null).length,
    }),
    bounds: layout.bounds,
    groups,
    cards,
  };
}
