import { facilitation, type Db, type StoredBallot, type StoredPoll } from '@atelier/db';
import { tallyBallots, type PollView } from '@atelier/domain';

/** What clients see of a poll: live totals, and who voted what when it is named. */
export function pollView(poll: StoredPoll, ballots: StoredBallot[]): PollView {
  const mine = ballots.filter((ballot) => ballot.pollId === poll.id);
  return {
    id: poll.id,
    question: poll.question,
    options: poll.options,
    kind: poll.kind,
    dotsPerPerson: poll.dotsPerPerson,
    anonymous: poll.anonymous,
    status: poll.status,
    totals: tallyBallots(
      poll.options.length,
      mine.map((ballot) => ballot.allocation),
    ),
    ballots: mine.length,
    ...(poll.anonymous
      ? {}
      : {
          voters: mine.map(({ userId, displayName, allocation }) => ({ userId, displayName, allocation })),
        }),
  };
}

/** Every poll of a workshop, as clients see them. */
export async function pollViews(db: Db, workshopId: string): Promise<PollView[]> {
  const polls = await facilitation.listPolls(db.sql, { workshopId });
  const ballots = await facilitation.ballots(db.sql, { pollIds: polls.map((poll) => poll.id) });
  return polls.map((poll) => pollView(poll, ballots));
}

/** One poll as clients see it, or undefined. */
export async function onePollView(db: Db, workshopId: string, pollId: string): Promise<PollView | undefined> {
  const poll = await facilitation.findPoll(db.sql, { pollId, workshopId });
  if (!poll) return undefined;
  return pollView(poll, await facilitation.ballots(db.sql, { pollIds: [poll.id] }));
}
