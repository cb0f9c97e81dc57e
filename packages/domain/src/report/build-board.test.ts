import { describe, expect, it } from 'vitest';
import { ANONYMOUS_AUTHOR } from '../board/board-schema.ts';
import { boardLayout } from '../board/layout.ts';
import type { Idea } from '../realtime/content-doc.ts';
import { buildReport } from './build-report.ts';
import { SAMPLE_MEMBERS, SAMPLE_ORGANISATIONS, sampleReportInput } from './sample.ts';

const AT = '2026-11-26T09:00:00.000Z';
const [julien, sophie, karim] = SAMPLE_MEMBERS;

function withIdeas(ideas: Idea[], options: Parameters<typeof sampleReportInput>[0] = {}) {
  const input = sampleReportInput(options);
  return {
    ...input,
    content: {
      ...input.content,
      ideas,
      ideaGroups: [
        {
          id: 'g1',
          title: '',
          color: 'pink' as const,
          position: { x: 600, y: 0 },
          createdBy: julien.userId,
          updatedAt: AT,
        },
      ],
    },
  };
}

const cards: Idea[] = [
  {
    id: 'a',
    text: 'Navette',
    createdBy: sophie.userId,
    organisationId: sophie.organisationId,
    updatedAt: AT,
  },
  {
    id: 'b',
    text: 'Garde des enfants',
    // An older document left the writer's organisation on an anonymous card.
    createdBy: ANONYMOUS_AUTHOR,
    organisationId: karim.organisationId,
    groupId: 'g1',
    position: { x: 16, y: 44 },
    updatedAt: AT,
  },
  { id: 'c', text: 'Covoiturage', category: 'pistes', createdBy: 'someone-gone', updatedAt: AT },
];

describe("the report's ideas board", () => {
  it("is the room's layout, with titles and authors in the report's language", () => {
    const input = withIdeas(cards);
    const board = buildReport(input).board!;
    const layout = boardLayout({ ideas: input.content.ideas, groups: input.content.ideaGroups });
    expect(board.cards.map(({ id, x, y }) => ({ id, x, y }))).toEqual(
      layout.cards.map((card) => ({ id: card.idea.id, x: card.x, y: card.y })),
    );
    expect(board.groups.map((g) => g.title)).toEqual(['Groupe de 1 carte']);
    expect(buildReport(input).ideas.map((idea) => idea.group)).toEqual(['', 'Groupe de 1 carte', '']);
    expect(board.cards.map((card) => card.author)).toEqual([
      'Sophie Entreprise · Aciéries de la Fensch (fictive)',
      'Anonyme',
      "Quelqu'un",
    ]);
    expect(board.description).toBe(
      "Tableau d'idées : 3 cartes dont 1 anonyme. Groupes : « Groupe de 1 carte » (1 carte). 2 cartes hors groupe.",
    );
  });

  it('names neither the writer nor the organisation of an anonymous card, in the board or the table', () => {
    const report = buildReport(withIdeas(cards, { locale: 'en' }));
    const school = SAMPLE_ORGANISATIONS.find((o) => o.id === karim.organisationId)!.name;
    const anonymous = report.board!.cards.find((card) => card.id === 'b')!;
    expect(anonymous).toMatchObject({ author: 'Anonymous', anonymous: true });
    expect(JSON.stringify(report.board)).not.toContain(school);
    expect(report.ideas.find((idea) => idea.id === 'b')!.organisation).toBe('');
  });

  it('names organisations only when anonymised, and is absent without cards', () => {
    const report = buildReport(withIdeas(cards, { anonymised: true, locale: 'de' }));
    expect(report.board!.cards[0]!.author).toBe('Aciéries de la Fensch (fictive)');
    expect(JSON.stringify(report.board)).not.toContain(sophie.displayName);
    expect(buildReport(withIdeas([])).board).toBeNull();
  });
});
