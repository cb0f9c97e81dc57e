import {
  roadmap,
  roadmapVariant,
  scenarioChanges,
  scenarios,
  validateChange,
  type ChangeValue,
} from '@atelier/domain';
import type { Cast } from '../cast.ts';
import { demoId } from '../ids.ts';
import type { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';

export const LIVE_REFERENCE_ID = demoId('live/scenario/reference');
export const LIVE_TRANSPORT_ID = demoId('live/scenario/ter-mettis');
export const LIVE_ROADMAP_ID = demoId('live/scenario/roadmap');

/** A line C of the Mettis, as the workshop imagines it: Montigny-lès-Metz – Metz – Saint-Julien. */
const METTIS_C = {
  name: 'Mettis C Montigny-lès-Metz – Metz – Saint-Julien-lès-Metz',
  kind: 'brt',
  zones: ['57480', '57463', '57616'],
  headwayMinutes: 10,
  speedKmh: 20,
  vehicleCapacity: 150,
};

/** The transport variant's changes: real inputs of the mobility model (see the lab's keys). */
const TRANSPORT_CHANGES: { key: string; value: ChangeValue; reason: string }[] = [
  {
    key: 'mobility.pt.TER-LUX.headwayMinutes',
    value: 7.5,
    reason: 'Un TER Metz – Luxembourg toutes les 7 min 30 en pointe au lieu de 15 min.',
  },
  {
    key: 'mobility.newPtLine.METTIS-C',
    value: JSON.stringify(METTIS_C),
    reason: 'Une ligne C du Mettis toutes les 10 min entre Montigny-lès-Metz et Saint-Julien-lès-Metz.',
  },
];

/**
 * The scenario lab of the live workshop: the reference, a transport variant (TER Metz –
 * Luxembourg twice as frequent and a Mettis line C) and the variant "apply the roadmap" built
 * from the committed actions, as the lab's button builds it (`roadmapVariant`). Results are
 * not stored: the lab and the exports compute them from these inputs when they open.
 */
export function writeLiveScenarios(content: RoomDocument, cast: Cast): void {
  const facilitator = seatOf(cast.seats, 'facilitator');
  const { clock } = cast;
  content.edit(facilitator, (doc) => {
    scenarios.put(doc, {
      id: LIVE_REFERENCE_ID,
      title: 'Situation de référence',
      description: 'Le territoire et les transports d’aujourd’hui, avec les besoins recensés en séance.',
      assumptions: {},
      createdBy: facilitator.userId,
      updatedAt: clock.iso(-20),
    });
    scenarios.put(doc, {
      id: LIVE_TRANSPORT_ID,
      title: 'TER Metz – Luxembourg toutes les 7 min 30 et ligne C du Mettis',
      description: 'Deux projets de transport discutés en séance : qui gagne en accès aux emplois ?',
      assumptions: {},
      parentId: LIVE_REFERENCE_ID,
      createdBy: facilitator.userId,
      updatedAt: clock.iso(-19),
    });
  });
  TRANSPORT_CHANGES.forEach((change, index) => {
    const checked = validateChange(change.key, change.value);
    if (!checked.ok) throw new Error(`demo scenario change ${change.key}: ${checked.message}`);
    content.edit(facilitator, (doc) =>
      scenarioChanges.add(doc, {
        id: demoId(`live/scenario-change/${index + 1}`),
        scenarioId: LIVE_TRANSPORT_ID,
        key: change.key,
        value: change.value,
        reason: change.reason,
        createdBy: facilitator.userId,
        updatedAt: clock.iso(-18 + index),
      }),
    );
  });
  const variant = roadmapVariant(roadmap.read(content.doc), LIVE_REFERENCE_ID);
  if (variant.changes.length === 0 || variant.problems.length > 0) {
    throw new Error('the demo roadmap gives no valid variant');
  }
  content.edit(facilitator, (doc) => {
    scenarios.put(doc, {
      id: LIVE_ROADMAP_ID,
      title: 'Feuille de route engagée',
      description: 'Les actions engagées qui changent une hypothèse des modèles.',
      assumptions: {},
      parentId: variant.parentId,
      createdBy: facilitator.userId,
      updatedAt: clock.iso(-10),
    });
    variant.changes.forEach((change, index) =>
      scenarioChanges.add(doc, {
        id: demoId(`live/scenario-change/roadmap/${index + 1}`),
        scenarioId: LIVE_ROADMAP_ID,
        key: change.key,
        value: change.value,
        reason: change.reason,
        createdBy: facilitator.userId,
        updatedAt: clock.iso(-10),
      }),
    );
  });
}
