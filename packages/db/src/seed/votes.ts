import { checkBallot, pollCreatePayload, type PollCreate } from '@atelier/domain';
import type { Queryable } from '../client.ts';
import * as facilitation from '../repositories/facilitation.ts';
import type { DemoPerson } from './accounts.ts';
import { seatOf, type Seats } from './workshops.ts';

/**
 * A vote that took place and was closed, as the facilitation namespace records one: the poll
 * created by the facilitator (validated as the `poll:create` payload), each participant's ballot
 * checked against it (`checkBallot`), then closed.
 *
 * @param options.ballots - each voter's allocation (option index → dots)
 * @returns the poll's id
 */
export async function closedVote(
  sql: Queryable,
  options: {
    workshopId: string;
    seats: Seats;
    poll: PollCreate;
    ballots: Partial<Record<DemoPerson, Record<string, number>>>;
  },
): Promise<string> {
  const payload = pollCreatePayload.parse(options.poll);
  const poll = await facilitation.createPoll(sql, {
    workshopId: options.workshopId,
    question: payload.question,
    options: payload.options,
    kind: payload.kind,
    dotsPerPerson: payload.kind === 'poll' ? 1 : payload.dotsPerPerson,
    anonymous: payload.anonymous,
    createdBy: seatOf(options.seats, 'facilitator').userId,
  });
  for (const [person, allocation] of Object.entries(options.ballots)) {
    const voter = seatOf(options.seats, person as DemoPerson);
    if (voter.role !== 'participant') throw new Error(`${person} may not vote`);
    checkBallot(poll, allocation);
    const cast = await facilitation.castBallot(sql, {
      pollId: poll.id,
      workshopId: options.workshopId,
      userId: voter.userId,
      allocation,
    });
    if (!cast) throw new Error('a demo ballot was refused');
  }
  await facilitation.closePoll(sql, { pollId: poll.id, workshopId: options.workshopId });
  return poll.id;
}

/** The live workshop's dot-vote on the ideas board's leads: three dots each, closed. */
export function liveDotVote(sql: Queryable, options: { workshopId: string; seats: Seats }): Promise<string> {
  return closedVote(sql, {
    ...options,
    poll: {
      question: 'Quelles pistes prioriser pour les 100 jours ?',
      options: [
        'Mutualiser les plateaux techniques entre lycées et CFA',
        "Navettes d'entreprise calées sur les horaires des postes",
        "Groupement d'employeurs entre sites",
        'Découverte des ateliers dès la quatrième',
        "Modules courts du soir à l'université",
      ],
      kind: 'dots',
      dotsPerPerson: 3,
      anonymous: true,
    },
    ballots: {
      company: { '0': 2, '1': 1 },
      school: { '0': 3 },
      automotive: { '1': 2, '2': 1 },
      logistics: { '2': 2, '1': 1 },
      software: { '4': 2, '3': 1 },
      boilermaking: { '0': 1, '3': 2 },
      maintenance: { '0': 2, '4': 1 },
      forges: { '0': 1, '1': 1, '3': 1 },
      electromechanics: { '1': 2, '0': 1 },
      schoolYutz: { '3': 2, '0': 1 },
      schoolLongwy: { '1': 2, '3': 1 },
      cfa: { '0': 2, '2': 1 },
      university: { '4': 2, '0': 1 },
    },
  });
}

/** The closed workshop's poll on the lever to study first. */
export function closedPoll(sql: Queryable, options: { workshopId: string; seats: Seats }): Promise<string> {
  return closedVote(sql, {
    ...options,
    poll: {
      question: 'Quel levier étudier en premier ?',
      options: [
        'Parking-relais à Thionville',
        'Covoiturage entre entreprises',
        'Télétravail des frontaliers',
      ],
      kind: 'poll',
      anonymous: false,
    },
    ballots: {
      company: { '2': 1 },
      school: { '0': 1 },
      automotive: { '1': 1 },
      logistics: { '2': 1 },
      cfa: { '2': 1 },
    },
  });
}
