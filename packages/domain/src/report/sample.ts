// The demo workshop's report data, and a synthetic one of any size: for tests, benchmarks
// and previews. Ids and dates are fixed so that outputs are reproducible.
import * as Y from 'yjs';
import {
  comments,
  ideas,
  needs,
  roadmap,
  scenarioChanges,
  scenarios,
  synthesisOf,
  trainingOffers,
} from '../realtime/content-doc.ts';
import { agenda, writeSettings } from '../realtime/facilitation-doc.ts';
import { seededRandom } from '../skills/synthetic.ts';
import type { ReportLocale } from './format.ts';
import { modelResults } from './model-results.ts';
import { readWorkshopContent } from './read-documents.ts';
import type { ReportInput } from './report.ts';
import { writeSynthesisBlocks } from './synthesis.ts';

const AT = '2026-11-26T09:00:00.000Z';
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The demo's organisations and people (as `seedDemo` creates them). */
export const SAMPLE_ORGANISATIONS = [
  { id: uuid(1), name: 'Metz Métropole', kind: 'metropole' },
  { id: uuid(2), name: 'Fédération de la métallurgie de Moselle', kind: 'public_body' },
  { id: uuid(3), name: 'Aciéries de la Fensch (fictive)', kind: 'company', fictional: true },
  { id: uuid(4), name: 'Trémery Pièces Auto (fictive)', kind: 'company', fictional: true },
  { id: uuid(5), name: 'Lycée professionnel du Val de Fensch (fictif)', kind: 'school', fictional: true },
  { id: uuid(6), name: 'CFA Industrie Nord Lorraine (fictif)', kind: 'training_body', fictional: true },
] as const;
const [metropole, federation, steel, automotive, school, cfa] = SAMPLE_ORGANISATIONS;

export const SAMPLE_MEMBERS = [
  { userId: uuid(101), displayName: 'Julien Animateur', role: 'facilitator', organisationId: metropole.id },
  { userId: uuid(102), displayName: 'Sophie Entreprise', role: 'participant', organisationId: steel.id },
  { userId: uuid(103), displayName: 'Karim Formation', role: 'participant', organisationId: school.id },
  { userId: uuid(104), displayName: 'Anne Observatrice', role: 'observer', organisationId: federation.id },
] as const;
const [julien, sophie, karim] = SAMPLE_MEMBERS;

/**
 * The two documents of the demo workshop: needs (one with a formula-like title, to check
 * neutralisation), a roadmap with owners and `J+N` dates, ideas, comments, two scenarios,
 * a synthesis, an agenda and settings.
 */
export function sampleDocuments(): { content: Y.Doc; facilitation: Y.Doc } {
  const content = new Y.Doc();
  const facilitation = new Y.Doc();
  const need = (n: number, fields: Partial<Parameters<typeof needs.add>[1]>) =>
    needs.add(content, {
      id: uuid(200 + n),
      organisationId: steel.id,
      romeCode: 'H2913',
      title: 'Soudeurs TIG',
      skills: ['TIG'],
      headcount: 4,
      horizonMonths: 12,
      communeCode: '57221',
      contract: 'cdi',
      difficulty: 3,
      crossBorder: false,
      comment: '',
      createdBy: sophie.userId,
      updatedAt: AT,
      ...fields,
    });
  need(1, { comment: 'Habilitation nucléaire appréciée' });
  need(2, {
    romeCode: 'I1304',
    title: 'Techniciens de maintenance industrielle',
    headcount: 6,
    horizonMonths: 6,
  });
  need(3, {
    organisationId: automotive.id,
    romeCode: 'H2502',
    title: 'Conducteurs de ligne automatisée',
    headcount: 12,
    communeCode: '57677',
    contract: 'interim',
    crossBorder: true,
  });
  need(4, { title: '=HYPERLINK("http://x","y")', headcount: 1, difficulty: 1 });
  // One of the two needs of an accepted contribution: the facilitator removed the other from the room.
  need(5, {
    romeCode: 'I1309',
    title: 'Électriciens de maintenance en 3×8',
    headcount: 3,
    communeCode: '57306',
    contributionId: uuid(804),
    contributorId: sophie.userId,
  });
  // An entry the schema refuses (no title): skipped by `read`, counted in the report.
  content.getArray<Y.Map<unknown>>('needs').push([new Y.Map<unknown>([['id', 'broken']])]);

  const action = (n: number, fields: Partial<Parameters<typeof roadmap.add>[1]>) =>
    roadmap.add(content, {
      id: uuid(300 + n),
      title: 'Action',
      description: '',
      ownerOrganisationId: cfa.id,
      partnerOrganisationIds: [],
      start: 'J+0',
      due: 'J+100',
      status: 'proposed',
      needIds: [],
      createdBy: julien.userId,
      updatedAt: AT,
      ...fields,
    });
  action(1, {
    title: 'Ouvrir une section de soudage en apprentissage',
    description: '12 places à la rentrée, plateau technique partagé',
    partnerOrganisationIds: [steel.id, school.id],
    due: 'J+90',
    status: 'committed',
    needIds: [uuid(201)],
    committedBy: karim.userId,
  });
  action(2, {
    title: 'Navette Thionville – Trémery aux horaires postés',
    ownerOrganisationId: metropole.id,
    partnerOrganisationIds: [automotive.id],
    start: 'J+30',
    due: '2027-06-30',
    status: 'in_progress',
    needIds: [uuid(203)],
  });
  action(3, {
    title: "Journée portes ouvertes de l'industrie",
    ownerOrganisationId: school.id,
    start: '2026-12-01',
    due: '2026-12-01',
  });

  ideas.add(content, {
    id: uuid(401),
    text: 'Mutualiser les plateaux techniques entre lycée et CFA',
    category: 'pistes',
    organisationId: school.id,
    createdBy: karim.userId,
    updatedAt: AT,
  });
  ideas.add(content, {
    id: uuid(402),
    text: 'Les horaires postés empêchent les trajets en TER',
    category: 'constats',
    createdBy: sophie.userId,
    updatedAt: AT,
  });
  comments.add(content, {
    id: uuid(501),
    targetType: 'action',
    targetId: uuid(301),
    text: 'Le plateau technique est disponible le mercredi.',
    organisationId: steel.id,
    createdBy: sophie.userId,
    updatedAt: AT,
  });
  comments.add(content, {
    id: uuid(502),
    targetType: 'action',
    targetId: uuid(301),
    text: 'Nous accueillons deux apprentis par an.',
    organisationId: steel.id,
    contributionId: uuid(801),
    contributorId: sophie.userId,
    createdBy: julien.userId,
    updatedAt: AT,
  });
  trainingOffers.add(content, {
    id: uuid(551),
    organisationId: cfa.id,
    title: 'Bac pro Technicien en chaudronnerie industrielle',
    romeCodes: ['H2913', 'H2902'],
    seatsPerYear: 15,
    durationMonths: 24,
    communeCode: '57672',
    startDate: '2027-09-01',
    description: 'En apprentissage',
    contributionId: uuid(803),
    contributorId: karim.userId,
    createdBy: julien.userId,
    updatedAt: AT,
  });
  scenarios.put(content, {
    id: uuid(601),
    title: 'Navette et section de soudage',
    description: 'Les deux actions engagées',
    assumptions: { 'skills.newSeats.H2913': 12, 'mobility.shuttle': true },
    parentId: uuid(602),
    createdBy: julien.userId,
    updatedAt: AT,
  });
  scenarios.put(content, {
    id: uuid(602),
    title: 'Fil de l’eau',
    description: 'Rien ne change',
    assumptions: {},
    createdBy: julien.userId,
    updatedAt: AT,
  });
  scenarioChanges.add(content, {
    id: uuid(651),
    scenarioId: uuid(601),
    key: 'skills.jobSeekerMatchRate',
    value: 0.4,
    reason: 'Accompagnement renforcé des demandeurs d’emploi',
    createdBy: julien.userId,
    updatedAt: AT,
  });
  writeSynthesisBlocks(synthesisOf(content), [
    { kind: 'heading', level: 2, text: 'Constats' },
    { kind: 'paragraph', text: 'La Fensch manque de soudeurs & de techniciens <qualifiés>.' },
    { kind: 'item', ordered: false, text: 'Former sur place' },
    { kind: 'item', ordered: false, text: 'Rendre les sites accessibles' },
  ]);

  agenda.add(facilitation, {
    id: 'a1',
    title: 'Accueil et tour de table',
    kind: 'plenary',
    durationMinutes: 20,
    notes: '',
  });
  agenda.add(facilitation, {
    id: 'a2',
    title: 'Besoins par filière',
    kind: 'workgroup',
    durationMinutes: 45,
    notes: 'Deux tables',
    section: 'needs',
  });
  agenda.add(facilitation, { id: 'a3', title: 'Priorités', kind: 'vote', durationMinutes: 15, notes: '' });
  writeSettings(facilitation, { dayZero: '2026-11-26' });
  return { content, facilitation };
}

/**
 * The demo workshop's report input (see `sampleDocuments`), with two polls and an accepted
 * contribution.
 *
 * @example buildReport(sampleReportInput({ locale: 'fr', anonymised: false }))
 */
export function sampleReportInput(
  options: { locale?: ReportLocale; anonymised?: boolean } = {},
): ReportInput {
  const docs = sampleDocuments();
  const content = readWorkshopContent(docs);
  return {
    locale: options.locale ?? 'fr',
    anonymised: options.anonymised ?? false,
    exportedAt: new Date('2026-11-26T16:45:00Z'),
    exportedBy: julien.displayName,
    version: { kind: 'current' },
    licence: 'etalab-2.0',
    workshop: {
      id: uuid(900),
      title: 'Compétences industrielles du Nord lorrain — feuille de route 100 jours',
      description: 'Recenser les besoins en compétences et bâtir une feuille de route sur 100 jours.',
      territory: 'Nord lorrain',
      status: 'live',
      startsAt: new Date('2026-11-26T08:00:00Z'),
    },
    organisations: SAMPLE_ORGANISATIONS,
    members: SAMPLE_MEMBERS,
    content,
    polls: [
      {
        id: uuid(701),
        question: 'Quelle action lancer en premier ?',
        options: ['Section de soudage', 'Navette', 'Portes ouvertes'],
        kind: 'poll',
        anonymous: false,
        status: 'closed',
        ballots: [{ '0': 1 }, { '0': 1 }, { '1': 1 }],
      },
      {
        id: uuid(702),
        question: 'Priorités (gommettes)',
        options: ['Former', 'Transporter'],
        kind: 'dots',
        anonymous: true,
        status: 'closed',
        ballots: [{ '0': 2, '1': 1 }, { '1': 3 }],
      },
    ],
    contributions: [
      {
        id: uuid(801),
        kind: 'comment',
        status: 'accepted',
        authorName: sophie.displayName,
        organisationId: steel.id,
        payload: { text: 'Nous accueillons deux apprentis par an.' },
        createdAt: new Date('2026-11-20T10:00:00Z'),
      },
      {
        id: uuid(802),
        kind: 'comment',
        status: 'rejected',
        authorName: karim.displayName,
        organisationId: school.id,
        payload: { text: 'Hors sujet' },
        createdAt: new Date('2026-11-21T10:00:00Z'),
      },
      {
        id: uuid(803),
        kind: 'training_offer',
        status: 'accepted',
        authorName: karim.displayName,
        organisationId: cfa.id,
        payload: { offer: { title: 'Bac pro Technicien en chaudronnerie industrielle' } },
        createdAt: new Date('2026-11-22T10:00:00Z'),
      },
      {
        id: uuid(804),
        kind: 'needs',
        status: 'accepted',
        authorName: sophie.displayName,
        organisationId: steel.id,
        payload: {
          needs: [
            { title: 'Électriciens de maintenance en 3×8', romeCode: 'I1309', headcount: 3 },
            { title: 'Pontiers (retiré par l’animateur)', romeCode: 'N1101', headcount: 2 },
          ],
        },
        createdAt: new Date('2026-11-23T10:00:00Z'),
      },
    ],
    models: modelResults({
      needs: content.needs,
      scenarios: content.scenarios,
      scenarioChanges: content.scenarioChanges,
      locale: options.locale ?? 'fr',
    }),
  };
}

const ROME = ['H2913', 'I1304', 'H2502', 'N1103', 'M1805', 'J1501', 'F1604', 'D1106', 'G1602', 'K2204'];
const COMMUNES = ['57221', '57463', '57672', '57677', '57193', '57306', '54323'];

/**
 * A workshop of any size, for benchmarks: `needs` needs, `actions` roadmap actions and
 * `scenarios` scenarios (each with a model column), reproducible from `seed`.
 */
export function syntheticReportInput(options: {
  needs: number;
  actions: number;
  scenarios: number;
  seed?: number;
}): ReportInput {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const base = sampleReportInput();
  const content = new Y.Doc();
  content.transact(() => {
    for (let n = 0; n < options.needs; n++) {
      needs.add(content, {
        id: uuid(10_000 + n),
        organisationId: pick(SAMPLE_ORGANISATIONS).id,
        romeCode: pick(ROME),
        title: `Besoin ${n + 1} — ${pick(['soudeurs', 'techniciens', 'caristes', 'infirmiers', 'développeurs'])}`,
        skills: ['compétence A', 'compétence B'],
        headcount: 1 + Math.floor(random() * 20),
        horizonMonths: Math.floor(random() * 60),
        communeCode: pick(COMMUNES),
        contract: pick(['cdi', 'cdd', 'apprenticeship', 'interim'] as const),
        difficulty: 1 + Math.floor(random() * 4),
        crossBorder: random() < 0.2,
        comment: random() < 0.3 ? 'Commentaire assez long pour passer sur deux lignes dans un tableau.' : '',
        createdBy: pick(SAMPLE_MEMBERS).userId,
        updatedAt: AT,
      });
    }
    for (let n = 0; n < options.actions; n++) {
      const start = Math.floor(random() * 200);
      roadmap.add(content, {
        id: uuid(20_000 + n),
        title: `Action ${n + 1}`,
        description: 'Description de l’action, avec ses moyens et ses partenaires.',
        ownerOrganisationId: pick(SAMPLE_ORGANISATIONS).id,
        partnerOrganisationIds: [pick(SAMPLE_ORGANISATIONS).id],
        start: `J+${start}`,
        due: `J+${start + 10 + Math.floor(random() * 200)}`,
        status: pick(['proposed', 'committed', 'in_progress', 'done'] as const),
        needIds: [uuid(10_000 + Math.floor(random() * Math.max(1, options.needs)))],
        createdBy: julien.userId,
        updatedAt: AT,
      });
    }
    // A reference and variants of it, each placing job seekers a little faster (skills only: the
    // mobility model runs once).
    for (let n = 0; n < options.scenarios; n++) {
      scenarios.put(content, {
        id: uuid(30_000 + n),
        title: n === 0 ? 'Référence' : `Scénario ${n}`,
        description: '',
        assumptions: {},
        ...(n === 0 ? {} : { parentId: uuid(30_000) }),
        createdBy: julien.userId,
        updatedAt: AT,
      });
      if (n > 0)
        scenarioChanges.add(content, {
          id: uuid(31_000 + n),
          scenarioId: uuid(30_000 + n),
          key: 'skills.jobSeekerMatchRate',
          value: 0.3 + 0.1 * n,
          reason: `Variante ${n}`,
          createdBy: julien.userId,
          updatedAt: AT,
        });
    }
  });
  const docs = sampleDocuments();
  const read = readWorkshopContent({ content, facilitation: docs.facilitation });
  return {
    ...base,
    content: { ...read, synthesis: base.content.synthesis },
    models: modelResults({
      needs: read.needs,
      scenarios: read.scenarios,
      scenarioChanges: read.scenarioChanges,
      locale: base.locale,
    }),
  };
}
