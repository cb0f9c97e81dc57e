import { roadmap, validateChange, type RoadmapStatus } from '@atelier/domain';
import type { DemoPerson } from '../accounts.ts';
import type { Cast } from '../cast.ts';
import { demoId } from '../ids.ts';
import type { DemoOrganisation } from '../organisations.ts';
import type { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';
import { liveNeedId } from './needs.ts';

interface ActionRow {
  /** Who types it: a member of the owner organisation (the facilitator for the métropole). */
  by: DemoPerson;
  title: string;
  description: string;
  partners: DemoOrganisation[];
  /** `J+N` (day 0 is today), or days relative to today for an action already done. */
  start: string | number;
  due: string | number;
  status: RoadmapStatus;
  /** 1-based numbers of the needs it answers (`live/needs.ts`). */
  needs: number[];
  /** Another organisation's participant who asked the owner to commit. */
  requestedBy?: DemoPerson;
  /** The assumption of the scenario lab this action changes (set by the facilitator). */
  scenarioChange?: Record<string, number | string>;
}

const lever = (value: object) => JSON.stringify(value);

// Fourteen actions spread over the 100 days, each owned by the organisation that carries it.
const ROWS: ActionRow[] = [
  {
    by: 'facilitator',
    title: 'Questionnaire préalable aux entreprises du Nord lorrain',
    description: '42 entreprises interrogées avant la séance ; résultats partagés en ouverture.',
    partners: ['federation'],
    start: -21,
    due: -2,
    status: 'done',
    needs: [],
  },
  {
    by: 'cfa',
    title: 'Ouvrir une section de soudage en apprentissage (12 places)',
    description: 'Rentrée décalée en mars ; plateau technique du lycée du Val de Fensch.',
    partners: ['steel', 'boilermaking', 'school'],
    start: 'J+0',
    due: 'J+90',
    status: 'committed',
    needs: [1, 20, 26],
    scenarioChange: {
      'skills.lever.seats-welding': lever({
        kind: 'training-seats',
        occupation: 'H2913',
        territory: '245701222',
        seats: 12,
        label: 'Section de soudage en apprentissage',
      }),
    },
  },
  {
    by: 'school',
    title: 'Mutualiser le plateau technique de soudage entre le lycée et le CFA',
    description: 'Convention d’usage, planning partagé, un technicien commun.',
    partners: ['cfa'],
    start: 'J+0',
    due: 'J+45',
    status: 'committed',
    needs: [1, 33],
  },
  {
    by: 'facilitator',
    title: 'Relever les horaires postés et les trajets des salariés',
    description: 'Enquête auprès des sites de Florange, Trémery et Ennery pour dimensionner les navettes.',
    partners: ['steel', 'automotive', 'logistics'],
    start: 'J+0',
    due: 'J+30',
    status: 'committed',
    needs: [6, 11],
  },
  {
    by: 'facilitator',
    title: 'Navette Thionville – Trémery aux horaires postés',
    description: 'Trois rotations à 4 h 30, 12 h 30 et 20 h 30, en test pendant deux mois.',
    partners: ['automotive', 'logistics'],
    start: 'J+15',
    due: 'J+100',
    status: 'in_progress',
    needs: [6, 10, 11],
  },
  {
    by: 'logistics',
    title: "Groupement d'employeurs pour les pics d'activité logistique",
    description: 'Partager des salariés entre Ennery et Trémery plutôt que de recourir à l’intérim.',
    partners: ['automotive', 'metropole'],
    start: 'J+10',
    due: 'J+75',
    status: 'proposed',
    needs: [11, 12],
    requestedBy: 'automotive',
  },
  {
    by: 'cfa',
    title: 'Certification CACES 1, 3 et 5 en quatre semaines',
    description: 'Deux sessions de 10 personnes, demandeurs d’emploi en priorité.',
    partners: ['logistics'],
    start: 'J+20',
    due: 'J+60',
    status: 'committed',
    needs: [12],
    scenarioChange: {
      'skills.lever.caces': lever({
        kind: 'training-seats',
        occupation: 'N1101',
        territory: '200039865',
        seats: 20,
        label: 'Sessions CACES accélérées',
      }),
    },
  },
  {
    by: 'schoolYutz',
    title: 'Job dating maintenance industrielle au lycée de Yutz',
    description: 'Élèves de terminale et de BTS, demandeurs d’emploi du bassin ; une demi-journée.',
    partners: ['maintenance', 'automotive', 'steel'],
    start: 'J+30',
    due: 'J+30',
    status: 'proposed',
    needs: [2, 7, 22],
  },
  {
    by: 'maintenance',
    title: 'Parcours de reconversion vers la maintenance électrique (HTA)',
    description: 'Six mois en alternance, habilitations comprises, pour 8 personnes.',
    partners: ['cfa', 'electromechanics'],
    start: 'J+30',
    due: 'J+100',
    status: 'proposed',
    needs: [21, 28],
  },
  {
    by: 'forges',
    title: 'Accueillir 20 lycéens en stage d’observation dans les forges',
    description: 'Une semaine en avril, avec le lycée professionnel du Pays-Haut.',
    partners: ['schoolLongwy'],
    start: 'J+40',
    due: 'J+55',
    status: 'committed',
    needs: [24, 25, 27],
  },
  {
    by: 'automotive',
    title: 'Covoiturage inter-entreprises sur la zone Trémery – Ennery',
    description: 'Application commune et places réservées aux équipages.',
    partners: ['logistics', 'metropole'],
    start: 'J+20',
    due: 'J+80',
    status: 'in_progress',
    needs: [6, 11],
  },
  {
    by: 'university',
    title: 'Module « informatique industrielle » ouvert aux salariés',
    description: 'Douze séances du soir à Metz, avec les développeurs de Moselle Numérique.',
    partners: ['software'],
    start: 'J+45',
    due: 'J+100',
    status: 'proposed',
    needs: [15, 17],
  },
  {
    by: 'facilitator',
    title: 'Demander à la Région un TER Metz – Luxembourg toutes les 7 min 30 en pointe',
    description:
      'Contribution de la métropole au comité de ligne, chiffrée avec le laboratoire de scénarios.',
    partners: ['university'],
    start: 'J+30',
    due: 'J+100',
    status: 'proposed',
    needs: [21, 22, 24],
    scenarioChange: { 'mobility.pt.TER-LUX.headwayMinutes': 7.5 },
  },
  {
    by: 'electromechanics',
    title: 'Salon de recrutement transfrontalier à Longwy',
    description: 'Abandonné : le job dating de Yutz couvre le même public.',
    partners: ['schoolLongwy'],
    start: 'J+50',
    due: 'J+60',
    status: 'dropped',
    needs: [28, 29],
  },
];

/** The id of the n-th action of the live workshop (1-based, in `ROWS` order). */
export const liveActionId = (n: number) => demoId(`live/action/${n}`);

/**
 * Writes the roadmap as the room would get it: each action typed by its owner as proposed; the
 * facilitator links some to an assumption of the scenario lab; the owner then commits, starts,
 * finishes or drops it, and another organisation asks for a commitment where one is pending.
 */
export function writeLiveRoadmap(content: RoomDocument, cast: Cast): void {
  const { clock } = cast;
  const facilitator = seatOf(cast.seats, 'facilitator');
  const date = (value: string | number) => (typeof value === 'number' ? clock.parisDay(value) : value);
  ROWS.forEach((row, index) => {
    const id = liveActionId(index + 1);
    const owner = seatOf(cast.seats, row.by);
    const at = (minutes: number) => clock.iso(-45 + index * 2 + minutes);
    content.edit(owner, (doc) =>
      roadmap.add(doc, {
        id,
        title: row.title,
        description: row.description,
        ownerOrganisationId: owner.organisationId,
        partnerOrganisationIds: row.partners.map((key) => cast.org[key]),
        start: date(row.start),
        due: date(row.due),
        status: 'proposed',
        needIds: row.needs.map(liveNeedId),
        createdBy: owner.userId,
        updatedAt: at(0),
      }),
    );
    if (row.scenarioChange) {
      for (const [key, value] of Object.entries(row.scenarioChange)) {
        const checked = validateChange(key, value);
        if (!checked.ok) throw new Error(`demo action ${row.title}: ${key}: ${checked.message}`);
      }
      content.edit(facilitator, (doc) =>
        roadmap.update(doc, id, { scenarioChange: row.scenarioChange, updatedAt: at(1) }),
      );
    }
    if (row.requestedBy) {
      const asker = seatOf(cast.seats, row.requestedBy);
      content.edit(asker, (doc) =>
        roadmap.update(doc, id, { commitRequestedBy: asker.userId, updatedAt: at(1) }),
      );
    }
    if (row.status === 'committed') {
      content.edit(owner, (doc) =>
        roadmap.update(doc, id, { status: 'committed', committedBy: owner.userId, updatedAt: at(2) }),
      );
    } else if (row.status !== 'proposed') {
      content.edit(owner, (doc) => roadmap.update(doc, id, { status: row.status, updatedAt: at(2) }));
    }
  });
}
