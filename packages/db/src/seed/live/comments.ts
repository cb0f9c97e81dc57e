import { comments, type CommentTarget } from '@atelier/domain';
import type { DemoPerson } from '../accounts.ts';
import type { Cast } from '../cast.ts';
import { demoId } from '../ids.ts';
import type { RoomDocument } from '../room-document.ts';
import { seatOf } from '../workshops.ts';
import { liveNeedId } from './needs.ts';
import { liveActionId } from './roadmap.ts';

const COMMENTS: { by: DemoPerson; target: CommentTarget; n: number; text: string }[] = [
  {
    by: 'cfa',
    target: 'need',
    n: 1,
    text: 'Le CFA ouvre une session de certification TIG en février : 8 places, dont 4 pour vos intérimaires.',
  },
  {
    by: 'school',
    target: 'need',
    n: 18,
    text: 'Notre bac pro Technicien en chaudronnerie industrielle peut proposer 6 apprentis à la rentrée.',
  },
  {
    by: 'maintenance',
    target: 'need',
    n: 2,
    text: "Nous pouvons prêter un technicien le temps de votre recrutement (prêt de main-d'œuvre).",
  },
  {
    by: 'schoolYutz',
    target: 'need',
    n: 24,
    text: 'Nos BTS sortent en juin : 10 diplômés, dont la moitié part travailler au Luxembourg.',
  },
  {
    by: 'facilitator',
    target: 'need',
    n: 11,
    text: "À rapprocher de l'action « Groupement d'employeurs pour les pics d'activité logistique ».",
  },
  {
    by: 'company',
    target: 'action',
    n: 2,
    text: 'Le plateau technique est libre le mercredi et le vendredi après-midi.',
  },
  {
    by: 'logistics',
    target: 'action',
    n: 5,
    text: 'Ennery est prêt à financer une rotation si elle dessert aussi la zone du parc d’activités.',
  },
];

/** Writes the comments on needs and actions, each in its author's organisation's name. */
export function writeLiveComments(content: RoomDocument, cast: Cast): void {
  COMMENTS.forEach((comment, index) => {
    const seat = seatOf(cast.seats, comment.by);
    content.edit(seat, (doc) =>
      comments.add(doc, {
        id: demoId(`live/comment/${index + 1}`),
        targetType: comment.target,
        targetId: comment.target === 'need' ? liveNeedId(comment.n) : liveActionId(comment.n),
        text: comment.text,
        organisationId: seat.organisationId,
        createdBy: seat.userId,
        updatedAt: cast.clock.iso(-30 + index),
      }),
    );
  });
}
