import { ideas } from '@atelier/domain';
import type { DemoPerson } from '../accounts.ts';
import type { Cast } from '../cast.ts';
import { demoId } from '../ids.ts';
import type { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';

type Column = 'constats' | 'pistes' | 'actions';

const CARDS: { by: DemoPerson; column: Column; text: string }[] = [
  {
    by: 'company',
    column: 'constats',
    text: 'Nos soudeurs formés partent au Luxembourg au bout de deux ans.',
  },
  {
    by: 'automotive',
    column: 'constats',
    text: 'Les prises de poste à 5 h, 13 h et 21 h ne correspondent à aucun bus ni TER.',
  },
  {
    by: 'school',
    column: 'constats',
    text: "Les sections de chaudronnerie ne sont remplies qu'à 60 % : le métier est mal connu.",
  },
  {
    by: 'logistics',
    column: 'constats',
    text: "L'intérim coûte cher et ne fidélise pas : nous formons sans cesse de nouvelles personnes.",
  },
  {
    by: 'forges',
    column: 'constats',
    text: "L'A31 est saturée entre Thionville et la frontière de 6 h 30 à 9 h.",
  },
  { by: 'maintenance', column: 'constats', text: 'Obtenir une habilitation électrique prend trois mois.' },
  { by: 'cfa', column: 'pistes', text: 'Mutualiser les plateaux techniques entre lycées et CFA.' },
  {
    by: 'automotive',
    column: 'pistes',
    text: "Des navettes d'entreprise calées sur les horaires des postes.",
  },
  {
    by: 'schoolYutz',
    column: 'pistes',
    text: 'Faire découvrir les ateliers aux collégiens dès la quatrième.',
  },
  {
    by: 'logistics',
    column: 'pistes',
    text: "Un groupement d'employeurs pour partager des salariés entre sites.",
  },
  {
    by: 'electromechanics',
    column: 'pistes',
    text: 'Une prime de mobilité pour les alternants qui restent après leur diplôme.',
  },
  {
    by: 'university',
    column: 'pistes',
    text: "Des modules courts du soir pour les salariés, à l'université.",
  },
  {
    by: 'company',
    column: 'pistes',
    text: 'Reconnaître les compétences des intérimaires par des certifications courtes.',
  },
  { by: 'facilitator', column: 'actions', text: 'Lancer la section de soudage en apprentissage dès mars.' },
  {
    by: 'boilermaking',
    column: 'actions',
    text: "Ouvrir nos ateliers un samedi par mois aux demandeurs d'emploi.",
  },
  { by: 'software', column: 'actions', text: 'Un hackathon « usine connectée » avec les étudiants de Metz.' },
  {
    by: 'schoolLongwy',
    column: 'actions',
    text: 'Des stages croisés entre lycées français et entreprises luxembourgeoises.',
  },
];

/** The id of the n-th idea card (1-based, in `CARDS` order). */
const ideaId = (n: number) => demoId(`live/idea/${n}`);

/** Cards the facilitator grouped: the group's id is its first card's. */
const GROUPS: number[][] = [
  [7, 14],
  [2, 5],
];

/** Writes the ideas board: each card by its author, then the facilitator's groups. */
export function writeLiveIdeas(content: RoomDocument, cast: Cast): void {
  CARDS.forEach((card, index) => {
    const seat = seatOf(cast.seats, card.by);
    content.edit(seat, (doc) =>
      ideas.add(doc, {
        id: ideaId(index + 1),
        text: card.text,
        category: card.column,
        organisationId: seat.organisationId,
        createdBy: seat.userId,
        updatedAt: cast.clock.iso(-100 + index),
      }),
    );
  });
  const facilitator = seatOf(cast.seats, 'facilitator');
  for (const group of GROUPS) {
    content.edit(facilitator, (doc) => {
      for (const n of group) {
        ideas.update(doc, ideaId(n), { groupId: ideaId(group[0]!), updatedAt: cast.clock.iso(-82) });
      }
    });
  }
}
