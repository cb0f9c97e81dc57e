import {
  agenda,
  ideas,
  needs,
  roadmap,
  scenarioChanges,
  scenarios,
  synthesisOf,
  writeSettings,
  writeSynthesisBlocks,
  type AgendaItem,
  type SynthesisBlock,
} from '@atelier/domain';
import type { DemoPerson } from '../accounts.ts';
import type { Cast } from '../cast.ts';
import { demoId } from '../ids.ts';
import type { DemoOrganisation } from '../organisations.ts';
import { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';

// The closed workshop met 30 days ago: its day 0, and every time below, is that day's.
const DAY = -30;

const AGENDA: Omit<AgendaItem, 'id'>[] = [
  { title: 'Accueil', kind: 'plenary', durationMinutes: 10, notes: '' },
  {
    title: 'Diagnostic des déplacements vers le Luxembourg',
    kind: 'plenary',
    durationMinutes: 30,
    notes: 'Les chiffres du modèle de déplacements : parts modales, A31, TER.',
    section: 'scenarios',
  },
  {
    title: 'Ateliers : A31, TER, derniers kilomètres',
    kind: 'workgroup',
    durationMinutes: 45,
    notes: '',
    section: 'ideas',
  },
  { title: 'Vote : le levier à étudier', kind: 'vote', durationMinutes: 10, notes: '' },
  { title: 'Premières actions', kind: 'workgroup', durationMinutes: 30, notes: '', section: 'roadmap' },
  { title: 'Synthèse', kind: 'plenary', durationMinutes: 15, notes: '', section: 'synthesis' },
];

const IDEAS: { by: DemoPerson; column: 'constats' | 'pistes'; text: string }[] = [
  {
    by: 'company',
    column: 'constats',
    text: "Une heure de bouchon sur l'A31 chaque matin pour nos frontaliers.",
  },
  { by: 'automotive', column: 'constats', text: 'Les TER de 7 h sont pleins dès Thionville.' },
  { by: 'logistics', column: 'constats', text: 'Aucune ligne de bus ne dessert la zone d’Ennery avant 6 h.' },
  { by: 'school', column: 'constats', text: 'Nos élèves en stage dépendent des parents pour venir.' },
  { by: 'cfa', column: 'pistes', text: 'Un parking-relais à la gare de Thionville, relié aux cars express.' },
  { by: 'company', column: 'pistes', text: 'Deux jours de télétravail par semaine pour les frontaliers.' },
  { by: 'automotive', column: 'pistes', text: 'Du covoiturage organisé entre entreprises voisines.' },
  { by: 'logistics', column: 'pistes', text: 'Décaler les embauches pour éviter la pointe de 7 h 30.' },
];

const NEEDS = [
  {
    by: 'automotive',
    romeCode: 'N4103',
    title: "Conducteurs de cars pour les navettes d'entreprise",
    skills: ['permis D', 'FIMO voyageurs'],
    headcount: 3,
    communeCode: '57672',
  },
  {
    by: 'logistics',
    romeCode: 'N4105',
    title: 'Livreurs en tournées courtes (derniers kilomètres)',
    skills: ['permis B', 'relation client'],
    headcount: 4,
    communeCode: '57193',
  },
] as const;

const ACTIONS: {
  by: DemoPerson;
  title: string;
  partners: DemoOrganisation[];
  start: string;
  due: string;
  status: 'proposed' | 'committed' | 'in_progress';
}[] = [
  {
    by: 'facilitator',
    title: 'Étudier un parking-relais de 300 places à la gare de Thionville',
    partners: ['cfa'],
    start: 'J+0',
    due: 'J+90',
    status: 'committed',
  },
  {
    by: 'automotive',
    title: 'Covoiturage organisé entre les sites de Trémery et Ennery',
    partners: ['logistics'],
    start: 'J+7',
    due: 'J+60',
    status: 'in_progress',
  },
  {
    by: 'company',
    title: 'Accord de télétravail de deux jours par semaine',
    partners: ['metropole'],
    start: 'J+0',
    due: 'J+45',
    status: 'committed',
  },
  {
    by: 'logistics',
    title: 'Décaler les embauches de 7 h 30 à 8 h 15',
    partners: [],
    start: 'J+14',
    due: 'J+30',
    status: 'proposed',
  },
];

const SYNTHESIS: SynthesisBlock[] = [
  { kind: 'heading', level: 2, text: 'Diagnostic partagé' },
  {
    kind: 'paragraph',
    text: "La voiture reste le mode dominant vers le Luxembourg ; l'A31 et les TER du matin sont saturés. Les entreprises des zones de Trémery et d'Ennery ne sont pas desservies aux heures des postes.",
  },
  { kind: 'heading', level: 2, text: 'Leviers retenus' },
  { kind: 'item', ordered: false, text: 'Le télétravail des frontaliers, chiffré dans un scénario.' },
  { kind: 'item', ordered: false, text: 'Un parking-relais à Thionville relié aux cars express.' },
  { kind: 'item', ordered: false, text: 'Le covoiturage entre entreprises voisines.' },
];

export const CLOSED_REFERENCE_ID = demoId('closed/scenario/reference');
export const CLOSED_TELEWORK_ID = demoId('closed/scenario/telework');

/**
 * The two documents of the closed mobility diagnosis, as they were at the end of its session a
 * month ago: agenda, ideas, a few needs, first actions, a reference and a telework scenario, and
 * the synthesis.
 */
export function buildClosedDocuments(
  cast: Cast,
  options: { name: string },
): { content: RoomDocument; facilitation: RoomDocument } {
  const { clock } = cast;
  const at = (minutes: number) => clock.iso(DAY * 24 * 60 + minutes);
  const facilitator = seatOf(cast.seats, 'facilitator');
  const facilitation = new RoomDocument('facilitation', options.name);
  const content = new RoomDocument('content', options.name).withSettingsOf(facilitation);
  facilitation.edit(facilitator, (doc) => {
    writeSettings(doc, {
      dayZero: clock.parisDay(DAY),
      defaultDotsPerPerson: 3,
      anonymousPollsByDefault: true,
      reactionsEnabled: true,
      lockedSections: [],
    });
    AGENDA.forEach((item, index) => agenda.add(doc, { id: demoId(`closed/agenda/${index + 1}`), ...item }));
  });
  IDEAS.forEach((idea, index) => {
    const seat = seatOf(cast.seats, idea.by);
    content.edit(seat, (doc) =>
      ideas.add(doc, {
        id: demoId(`closed/idea/${index + 1}`),
        text: idea.text,
        category: idea.column,
        organisationId: seat.organisationId,
        createdBy: seat.userId,
        updatedAt: at(45 + index),
      }),
    );
  });
  NEEDS.forEach((need, index) => {
    const seat = seatOf(cast.seats, need.by);
    content.edit(seat, (doc) =>
      needs.add(doc, {
        id: demoId(`closed/need/${index + 1}`),
        organisationId: seat.organisationId,
        romeCode: need.romeCode,
        title: need.title,
        skills: [...need.skills],
        headcount: need.headcount,
        horizonMonths: 6,
        communeCode: need.communeCode,
        contract: 'cdi',
        difficulty: 3,
        crossBorder: false,
        comment: '',
        createdBy: seat.userId,
        updatedAt: at(90 + index),
      }),
    );
  });
  ACTIONS.forEach((action, index) => {
    const owner = seatOf(cast.seats, action.by);
    const id = demoId(`closed/action/${index + 1}`);
    content.edit(owner, (doc) =>
      roadmap.add(doc, {
        id,
        title: action.title,
        description: '',
        ownerOrganisationId: owner.organisationId,
        partnerOrganisationIds: action.partners.map((key) => cast.org[key]),
        start: action.start,
        due: action.due,
        status: 'proposed',
        needIds: [],
        createdBy: owner.userId,
        updatedAt: at(120 + index),
      }),
    );
    if (action.status !== 'proposed') {
      content.edit(owner, (doc) =>
        roadmap.update(doc, id, {
          status: action.status,
          ...(action.status === 'committed' ? { committedBy: owner.userId } : {}),
          updatedAt: at(125 + index),
        }),
      );
    }
  });
  content.edit(facilitator, (doc) => {
    scenarios.put(doc, {
      id: CLOSED_REFERENCE_ID,
      title: 'Situation de référence',
      description: 'Les déplacements domicile-travail d’aujourd’hui.',
      assumptions: {},
      createdBy: facilitator.userId,
      updatedAt: at(20),
    });
    scenarios.put(doc, {
      id: CLOSED_TELEWORK_ID,
      title: 'Télétravail des frontaliers',
      description: 'Un trajet domicile-travail sur six remplacé par une journée de télétravail.',
      assumptions: {},
      parentId: CLOSED_REFERENCE_ID,
      createdBy: facilitator.userId,
      updatedAt: at(21),
    });
    scenarioChanges.add(doc, {
      id: demoId('closed/scenario-change/telework'),
      scenarioId: CLOSED_TELEWORK_ID,
      key: 'mobility.teleworkShare',
      value: 0.15,
      reason: 'Deux jours de télétravail par semaine pour les frontaliers qui le peuvent.',
      createdBy: facilitator.userId,
      updatedAt: at(22),
    });
  });
  content.edit(facilitator, (doc) => writeSynthesisBlocks(synthesisOf(doc), SYNTHESIS));
  return { content, facilitation };
}
