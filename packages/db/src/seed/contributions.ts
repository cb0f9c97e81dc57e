import {
  callInputSchema,
  contributionEntries,
  parseContributionPayload,
  type ContributionKind,
  type MergeEntries,
} from '@atelier/domain';
import type { Queryable } from '../client.ts';
import * as audit from '../repositories/audit.ts';
import * as calls from '../repositories/calls.ts';
import * as contributions from '../repositories/contributions.ts';
import * as notifications from '../repositories/notifications.ts';
import type { DemoPerson } from './accounts.ts';
import type { Cast } from './cast.ts';
import { DEMO_ORGANISATIONS, type DemoOrganisation } from './organisations.ts';
import { liveActionId } from './live/roadmap.ts';
import { seatOf } from './workshops.ts';

const CALL = {
  title: 'Besoins et formations à signaler avant la deuxième séance',
  text: "Complétez le registre des besoins, signalez vos formations ouvertes et commentez les actions : les contributions acceptées rejoignent la salle de l'atelier.",
  asks: ['needs', 'training_offer', 'comment'],
  audienceKinds: ['company', 'school', 'training_body'],
  // The demo's organisations are verified: the call shows the limit a real métropole would set.
  verifiedOnly: true,
} as const;

interface Submission {
  by: DemoPerson;
  /** The organisation answered for: one the person belongs to. */
  for: DemoOrganisation;
  kind: ContributionKind;
  payload: (cast: Cast) => unknown;
  /** Days before today it was submitted. */
  submittedDaysAgo: number;
  moderation?: { decision: 'accepted' } | { decision: 'rejected'; reason: string };
}

const SUBMISSIONS: Submission[] = [
  {
    by: 'company',
    for: 'steel',
    kind: 'needs',
    submittedDaysAgo: 8,
    moderation: { decision: 'accepted' },
    payload: () => ({
      needs: [
        {
          romeCode: 'I1309',
          title: 'Électriciens de maintenance en 3×8',
          skills: ['habilitation BR', 'automatismes'],
          headcount: 3,
          horizonMonths: 6,
          communeCode: '57221',
          contract: 'cdi',
          difficulty: 4,
          crossBorder: false,
          comment: 'Remplacement de départs en retraite.',
        },
        {
          romeCode: 'N1101',
          title: 'Pontiers-caristes pour le parc à bobines',
          skills: ['ponts roulants', 'CACES R484'],
          headcount: 2,
          horizonMonths: 3,
          communeCode: '57306',
          contract: 'interim',
          difficulty: 2,
          crossBorder: false,
          comment: '',
        },
      ],
    }),
  },
  {
    by: 'company',
    for: 'steel',
    kind: 'comment',
    submittedDaysAgo: 6,
    moderation: {
      decision: 'rejected',
      reason: "Déjà noté en séance : les Aciéries de la Fensch sont partenaires de l'action.",
    },
    payload: () => ({
      actionId: liveActionId(8),
      text: 'Nous viendrons avec deux techniciens présenter nos métiers.',
    }),
  },
  {
    by: 'school',
    for: 'school',
    kind: 'training_offer',
    submittedDaysAgo: 2,
    payload: (cast) => ({
      offer: {
        title: 'CAP Réalisations industrielles en chaudronnerie ou soudage',
        romeCodes: ['H2913', 'H2902'],
        seatsPerYear: 12,
        durationMonths: 24,
        communeCode: '57306',
        startDate: cast.clock.parisDay(270),
        description: 'Ouverture à la rentrée prochaine si huit entreprises accueillent des apprentis.',
      },
    }),
  },
  {
    by: 'company',
    for: 'automotive',
    kind: 'comment',
    submittedDaysAgo: 1,
    payload: () => ({
      actionId: liveActionId(5),
      text: 'Trémery Pièces Auto propose de financer la rotation de 4 h 30 pendant le test.',
    }),
  },
];

/**
 * The live workshop's call for contributions, open since ten days, with what came in through
 * the repositories the contribute and moderation pages use: drafts submitted inside the call's
 * window, one accepted a week ago and one rejected with a reason (their authors notified), two
 * waiting in the moderation queue (the facilitator notified, unread).
 *
 * @returns the merge entries of the accepted contributions, for the content document
 */
export async function seedCall(
  sql: Queryable,
  options: { workshopId: string; workshopTitle: string; cast: Cast },
): Promise<MergeEntries[]> {
  const { workshopId, workshopTitle, cast } = options;
  const { clock } = cast;
  const facilitator = seatOf(cast.seats, 'facilitator');
  const input = callInputSchema.parse({
    ...CALL,
    opensAt: clock.days(-10),
    closesAt: clock.days(20),
  });
  const call = await calls.create(sql, {
    workshopId,
    title: input.title,
    text: input.text,
    asks: input.asks,
    audienceKinds: input.audienceKinds,
    audienceOrganisationIds: input.audienceOrganisationIds,
    questions: input.questions,
    verifiedOnly: input.verifiedOnly,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    createdBy: facilitator.userId,
    now: clock.minutes(-10 * 24 * 60 - 60),
  });
  await audit.record(sql, {
    actorId: facilitator.userId,
    action: 'call.created',
    subjectType: 'workshop',
    subjectId: workshopId,
    details: { callId: call.id },
    now: clock.minutes(-10 * 24 * 60 - 60),
  });
  const accepted: MergeEntries[] = [];
  for (const submission of SUBMISSIONS) {
    const author = seatOf(cast.seats, submission.by);
    const organisationId = cast.org[submission.for];
    const parsed = parseContributionPayload(submission.kind, submission.payload(cast));
    if (!parsed.ok) throw new Error(`demo contribution: ${JSON.stringify(parsed.issues)}`);
    const submittedAt = clock.minutes(-submission.submittedDaysAgo * 24 * 60);
    const draft = await contributions.save(sql, {
      callId: call.id,
      workshopId,
      authorId: author.userId,
      organisationId,
      kind: submission.kind,
      payload: parsed.payload,
      now: clock.minutes(-submission.submittedDaysAgo * 24 * 60 - 30),
    });
    if (!draft) throw new Error('demo contribution draft not saved');
    const outcome = await contributions.submit(sql, {
      id: draft.id,
      authorId: author.userId,
      now: submittedAt,
    });
    if (outcome !== 'submitted') throw new Error(`demo contribution not submitted: ${outcome}`);
    await notifications.notify(sql, {
      userIds: [facilitator.userId],
      workshopId,
      kind: 'contribution_submitted',
      details: {
        contributionId: draft.id,
        callId: call.id,
        callTitle: input.title,
        workshopTitle,
        organisationName: DEMO_ORGANISATIONS[submission.for].name,
        contributionKind: submission.kind,
      },
      now: submittedAt,
    });
    await audit.record(sql, {
      actorId: author.userId,
      action: 'contribution.submitted',
      subjectType: 'workshop',
      subjectId: workshopId,
      details: { contributionId: draft.id, callId: call.id, kind: submission.kind, organisationId },
      now: submittedAt,
    });
    if (!submission.moderation) continue;
    const moderatedAt = clock.minutes(-submission.submittedDaysAgo * 24 * 60 + 20 * 60);
    const moderation = submission.moderation;
    const moderated = await contributions.moderate(sql, {
      id: draft.id,
      workshopId,
      moderatorId: facilitator.userId,
      now: moderatedAt,
      ...(moderation.decision === 'accepted'
        ? { decision: 'accepted' as const }
        : { decision: 'rejected' as const, reason: moderation.reason }),
    });
    if (!moderated) throw new Error('demo contribution not moderated');
    const details = {
      contributionId: moderated.id,
      callId: call.id,
      callTitle: input.title,
      workshopTitle,
      contributionKind: moderated.kind,
    };
    if (moderation.decision === 'accepted') {
      const entries = contributionEntries({
        contribution: {
          id: moderated.id,
          kind: moderated.kind,
          payload: moderated.payload,
          organisationId: moderated.organisationId,
          authorId: author.userId,
        },
        acceptedBy: facilitator.userId,
        now: moderatedAt,
      });
      accepted.push(entries);
      const added = entries.needs.length + entries.comments.length + entries.trainingOffers.length;
      await audit.record(sql, {
        actorId: facilitator.userId,
        action: 'contribution.accepted',
        subjectType: 'workshop',
        subjectId: workshopId,
        details: { contributionId: moderated.id, edited: false, added, refused: 0 },
        now: moderatedAt,
      });
      await notifications.notify(sql, {
        userIds: [author.userId],
        workshopId,
        kind: 'contribution_accepted',
        details,
        now: moderatedAt,
      });
    } else {
      await audit.record(sql, {
        actorId: facilitator.userId,
        action: 'contribution.rejected',
        subjectType: 'workshop',
        subjectId: workshopId,
        details: { contributionId: moderated.id },
        now: moderatedAt,
      });
      await notifications.notify(sql, {
        userIds: [author.userId],
        workshopId,
        kind: 'contribution_rejected',
        details: { ...details, reason: moderation.reason },
        now: moderatedAt,
      });
    }
    // Moderating, the facilitator read the notice of this submission (the only unread one yet).
    await notifications.markRead(sql, { userId: facilitator.userId, now: moderatedAt });
  }
  return accepted;
}
