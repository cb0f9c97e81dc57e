import { synthesisOf, writeSynthesisBlocks, type SynthesisBlock } from '@atelier/domain';
import type { Cast } from '../cast.ts';
import type { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';

const DRAFT: SynthesisBlock[] = [
  { kind: 'heading', level: 2, text: 'Synthèse provisoire — à relire en fin de séance' },
  { kind: 'heading', level: 3, text: 'Constats' },
  {
    kind: 'paragraph',
    text: "Les entreprises et les écoles présentes recherchent plus de 120 personnes dans l'année, surtout en soudage, en maintenance et en logistique. Un besoin sur quatre est frontalier : les salariés formés partent au Luxembourg.",
  },
  {
    kind: 'item',
    ordered: false,
    text: 'Les horaires postés ne sont desservis ni par le TER ni par les bus.',
  },
  { kind: 'item', ordered: false, text: 'Les sections industrielles des lycées ne font pas le plein.' },
  { kind: 'heading', level: 3, text: 'Priorités retenues (vote à gommettes)' },
  { kind: 'item', ordered: true, text: 'Mutualiser les plateaux techniques entre lycées et CFA.' },
  { kind: 'item', ordered: true, text: "Des navettes d'entreprise calées sur les horaires des postes." },
  { kind: 'item', ordered: true, text: 'Faire découvrir les ateliers aux collégiens dès la quatrième.' },
  { kind: 'heading', level: 3, text: 'Suites' },
  {
    kind: 'paragraph',
    text: 'Point d’étape à J+30 sur les actions engagées ; comparaison des scénarios de transport à présenter au comité de ligne.',
  },
];

/** Writes the facilitator's draft of the synthesis (rich text, as the room's editor stores it). */
export function writeLiveSynthesis(content: RoomDocument, cast: Cast): void {
  content.edit(seatOf(cast.seats, 'facilitator'), (doc) => writeSynthesisBlocks(synthesisOf(doc), DRAFT));
}
