// Boards for the tests, written into the sample workshop's documents as the room writes them and
// read back by `readWorkshopContent`: one arranged on the canvas (positions, titled groups, an
// anonymous card), one of an older document (no positions, cards grouped by their first card's id,
// as the demo's live workshop), and one far larger than a page.
import { ANONYMOUS_AUTHOR, ideaGroups, type BoardColour, type BoardPosition } from '@atelier/domain/board';
import {
  ideas,
  readWorkshopContent,
  SAMPLE_MEMBERS,
  SAMPLE_ORGANISATIONS,
  sampleDocuments,
  sampleReportInput,
  type ReportInput,
} from '@atelier/domain';

/** The content document (yjs is not a dependency of this package). */
type Doc = ReturnType<typeof sampleDocuments>['content'];

const AT = '2026-11-26T09:00:00.000Z';
const [julien, sophie, karim] = SAMPLE_MEMBERS;
const school = SAMPLE_ORGANISATIONS[4];

/** The text of the arranged board's anonymous card, and who wrote it (known to the test only). */
export const ANONYMOUS_CARD = {
  text: 'Les horaires de nuit rendent la garde des enfants impossible.',
  writtenBy: karim,
};

interface Card {
  id: string;
  text: string;
  by: string;
  category?: string;
  groupId?: string;
  position?: BoardPosition;
  color?: BoardColour;
  organisationId?: string;
}

function withBoard(
  options: { locale?: ReportInput['locale']; anonymised?: boolean },
  write: (doc: Doc) => void,
): ReportInput {
  const input = sampleReportInput(options);
  const docs = sampleDocuments();
  docs.content.transact(() => {
    const array = docs.content.getArray('ideas');
    array.delete(0, array.length);
    write(docs.content);
  });
  const read = readWorkshopContent(docs);
  return { ...input, content: { ...input.content, ideas: read.ideas, ideaGroups: read.ideaGroups } };
}

function addCard(doc: Doc, card: Card, members: Map<string, string>): void {
  ideas.add(doc, {
    id: card.id,
    text: card.text,
    createdBy: card.by,
    updatedAt: AT,
    ...(card.category ? { category: card.category } : {}),
    ...(card.groupId ? { groupId: card.groupId } : {}),
    ...(card.position ? { position: card.position } : {}),
    ...(card.color ? { color: card.color } : {}),
    ...(card.organisationId
      ? { organisationId: card.organisationId }
      : members.has(card.by)
        ? { organisationId: members.get(card.by)! }
        : {}),
  });
}

const organisationOf = new Map<string, string>(SAMPLE_MEMBERS.map((m) => [m.userId, m.organisationId]));

/**
 * A board arranged on the canvas: two titled groups and an untitled one, placed cards inside and
 * outside them, a card of a custom colour, a long text, and an anonymous card (written while
 * anonymity was on, by Karim; an older document left his organisation on it).
 */
export function arrangedBoardInput(options: { locale?: ReportInput['locale']; anonymised?: boolean } = {}) {
  return withBoard(options, (doc) => {
    const group = (id: string, title: string, color: BoardColour, position: BoardPosition) =>
      ideaGroups.add(doc, { id, title, color, position, createdBy: julien.userId, updatedAt: AT });
    group('g-mobility', 'Se rendre au travail', 'blue', { x: 0, y: 0 });
    group('g-training', 'Former sur place', 'green', { x: 300, y: 0 });
    group('g-untitled', '', 'pink', { x: 600, y: 260 });
    const cards: Card[] = [
      {
        id: 'c1',
        text: 'Navette entre Thionville et Trémery aux horaires postés.',
        by: sophie.userId,
        groupId: 'g-mobility',
        position: { x: 16, y: 44 },
      },
      {
        id: 'c2',
        text: ANONYMOUS_CARD.text,
        by: ANONYMOUS_AUTHOR,
        groupId: 'g-mobility',
        position: { x: 16, y: 204 },
        organisationId: school.id,
      },
      {
        id: 'c3',
        text: 'Mutualiser les plateaux techniques entre lycées et CFA.',
        by: julien.userId,
        groupId: 'g-training',
        position: { x: 16, y: 44 },
        category: 'pistes',
      },
      {
        id: 'c4',
        text: 'Une section de soudage en apprentissage, ouverte dès mars, avec un plateau technique partagé, des tuteurs formés dans chaque entreprise, une prime pour les maîtres d’apprentissage, des horaires compatibles avec les transports en commun et un suivi des anciens élèves pendant trois ans après leur diplôme pour mesurer ce qu’ils deviennent.',
        by: sophie.userId,
        groupId: 'g-training',
        position: { x: 16, y: 204 },
        category: 'actions',
      },
      {
        id: 'c5',
        text: 'Covoiturage entre entreprises voisines.',
        by: sophie.userId,
        groupId: 'g-untitled',
        position: { x: 16, y: 44 },
        color: 'orange',
      },
      {
        id: 'c6',
        text: 'Les TER de 7 h sont pleins dès Thionville.',
        by: julien.userId,
        position: { x: 620, y: 0 },
        category: 'constats',
      },
    ];
    for (const card of cards) addCard(doc, card, organisationOf);
  });
}

/** The demo live workshop's kind of board: cards without positions, two groups of an older document. */
export function columnBoardInput(options: { locale?: ReportInput['locale']; anonymised?: boolean } = {}) {
  const columns = ['constats', 'pistes', 'actions'];
  return withBoard(options, (doc) => {
    for (let n = 1; n <= 17; n++) {
      const by = [julien, sophie][n % 2]!.userId;
      addCard(
        doc,
        {
          id: `k${n}`,
          text: `Carte ${n} : une idée de l'atelier, assez longue pour passer sur deux lignes.`,
          by,
          category: columns[n <= 6 ? 0 : n <= 13 ? 1 : 2]!,
          ...(n === 7 || n === 14 ? { groupId: 'k7' } : n === 2 || n === 5 ? { groupId: 'k2' } : {}),
        },
        organisationOf,
      );
    }
  });
}

/** A board of `count` placed cards over a wide and tall area: more than an A4 page holds. */
export function largeBoardInput(count = 60) {
  return withBoard({}, (doc) => {
    for (let n = 0; n < count; n++)
      addCard(
        doc,
        {
          id: `l${n}`,
          text: `Idée numéro ${n + 1} du grand tableau.`,
          by: sophie.userId,
          position: { x: (n % 8) * 260, y: Math.floor(n / 8) * 190 },
        },
        organisationOf,
      );
  });
}
