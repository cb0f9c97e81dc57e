import { agenda, writeSettings, type AgendaItem } from '@atelier/domain';
import type { Cast } from '../cast.ts';
import { demoId } from '../ids.ts';
import type { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';

const STEPS: Omit<AgendaItem, 'id'>[] = [
  {
    title: 'Accueil et tour de table',
    kind: 'plenary',
    durationMinutes: 15,
    notes: 'Chaque organisation se présente en une phrase : ce qu’elle fabrique, ce qui lui manque.',
  },
  {
    title: 'Constats et idées du terrain',
    kind: 'workgroup',
    durationMinutes: 25,
    notes: 'Trois colonnes : constats, pistes, actions. Une idée par carte.',
    section: 'ideas',
  },
  {
    title: 'Besoins en compétences par filière',
    kind: 'workgroup',
    durationMinutes: 40,
    notes: 'Deux tables : métallurgie et maintenance ; logistique, automobile et numérique.',
    section: 'needs',
  },
  { title: 'Pause', kind: 'break', durationMinutes: 10, notes: '' },
  {
    title: 'Vote : les priorités des 100 jours',
    kind: 'vote',
    durationMinutes: 10,
    notes: 'Trois gommettes par participant, sur les pistes retenues.',
    section: 'ideas',
  },
  {
    title: 'Feuille de route : qui fait quoi, pour quand',
    kind: 'workgroup',
    durationMinutes: 40,
    notes: 'Chaque action a un porteur, des partenaires et une échéance dans les 100 jours.',
    section: 'roadmap',
  },
  {
    title: 'Mobilité : comparer les scénarios',
    kind: 'plenary',
    durationMinutes: 20,
    notes: 'TER Metz–Luxembourg plus fréquent et ligne C du Mettis : effet sur les recrutements.',
    section: 'scenarios',
  },
  {
    title: 'Synthèse et suites',
    kind: 'plenary',
    durationMinutes: 15,
    notes: 'Relecture de la synthèse, prochaine séance à J+30.',
    section: 'synthesis',
  },
];

/** The step the session is in: the roadmap. */
const CURRENT = 5;

/**
 * The live workshop's facilitation document: its agenda and settings (day 0 of the roadmap is
 * today, three dots per person).
 *
 * @returns the id of the current agenda step
 */
export function writeLiveAgenda(facilitation: RoomDocument, cast: Cast): { currentStepId: string } {
  const facilitator = seatOf(cast.seats, 'facilitator');
  facilitation.edit(facilitator, (doc) => {
    writeSettings(doc, {
      dayZero: cast.clock.parisDay(0),
      defaultDotsPerPerson: 3,
      anonymousPollsByDefault: true,
      reactionsEnabled: true,
      lockedSections: [],
      spotlight: { section: 'roadmap', at: cast.clock.minutes(-15).getTime() },
    });
  });
  facilitation.edit(facilitator, (doc) => {
    STEPS.forEach((step, index) => agenda.add(doc, { id: demoId(`live/agenda/${index + 1}`), ...step }));
  });
  return { currentStepId: demoId(`live/agenda/${CURRENT + 1}`) };
}
