import { trainingOffers } from '@atelier/domain';
import type { DemoPerson } from '../accounts.ts';
import type { Cast } from '../cast.ts';
import { demoId } from '../ids.ts';
import type { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';

const OFFERS: {
  by: DemoPerson;
  title: string;
  romeCodes: string[];
  seatsPerYear: number;
  durationMonths: number;
  communeCode: string;
  /** Days from today to the first intake of a new programme. */
  startsInDays?: number;
  description: string;
}[] = [
  {
    by: 'school',
    title: 'Bac pro Technicien en chaudronnerie industrielle',
    romeCodes: ['H2902', 'H2913'],
    seatsPerYear: 15,
    durationMonths: 36,
    communeCode: '57306',
    description: 'Six places encore libres à la rentrée.',
  },
  {
    by: 'schoolYutz',
    title: 'BTS Conception des processus de réalisation de produits',
    romeCodes: ['H2903', 'H1404'],
    seatsPerYear: 24,
    durationMonths: 24,
    communeCode: '57757',
    description: 'En apprentissage possible en deuxième année.',
  },
  {
    by: 'schoolLongwy',
    title: "Bac pro Métiers de l'électricité et de ses environnements connectés",
    romeCodes: ['I1309', 'H2602'],
    seatsPerYear: 18,
    durationMonths: 36,
    communeCode: '54323',
    description: '',
  },
  {
    by: 'cfa',
    title: 'Titre professionnel Soudeur assembleur industriel',
    romeCodes: ['H2913'],
    seatsPerYear: 12,
    durationMonths: 9,
    communeCode: '57672',
    startsInDays: 84,
    description: 'Nouvelle session en apprentissage, ouverte si la section de soudage est confirmée.',
  },
];

/** Writes the schools' and training body's offers (the supply side of the needs register). */
export function writeLiveTrainingOffers(content: RoomDocument, cast: Cast): void {
  OFFERS.forEach((offer, index) => {
    const seat = seatOf(cast.seats, offer.by);
    content.edit(seat, (doc) =>
      trainingOffers.add(doc, {
        id: demoId(`live/training/${index + 1}`),
        organisationId: seat.organisationId,
        title: offer.title,
        romeCodes: offer.romeCodes,
        seatsPerYear: offer.seatsPerYear,
        durationMonths: offer.durationMonths,
        communeCode: offer.communeCode,
        ...(offer.startsInDays === undefined ? {} : { startDate: cast.clock.parisDay(offer.startsInDays) }),
        description: offer.description,
        createdBy: seat.userId,
        updatedAt: cast.clock.iso(-60 + index),
      }),
    );
  });
}
