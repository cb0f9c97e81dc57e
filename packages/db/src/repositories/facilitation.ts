import type { SpeakingQueue, TimerState } from '@atelier/domain';
import type { Queryable, Sql } from '../client.ts';

/** The live facilitation state of a workshop that is stored in one row. */
export interface LiveState {
  agendaStepId: string | null;
  timer: TimerState;
  speakerUserId: string | null;
}

export interface StoredPoll {
  id: string;
  workshopId: string;
  question: string;
  options: string[];
  kind: 'poll' | 'dots';
  dotsPerPerson: number;
  anonymous: boolean;
  status: 'open' | 'closed';
  createdAt: Date;
}

export interface StoredBallot {
  pollId: string;
  userId: string;
  displayName: string;
  allocation: Record<string, number>;
}

/** The agenda step, timer and speaker of a workshop; the defaults when nothing was stored yet. */
export async function liveState(sql: Queryable, options: { workshopId: string }): Promise<LiveState> {
  const [row]: [LiveState?] = await sql`
    select agenda_step_id, timer, speaker_user_id from workshop_live_state
    where workshop_id = ${options.workshopId}`;
  return row ?? { agendaStepId: null, timer: { status: 'idle' }, speakerUserId: null };
}

/** Sets the current agenda step. */
export async function setAgendaStep(
  sql: Queryable,
  options: { workshopId: string; stepId: string | null },
): Promise<void> {
  await sql`
    insert into workshop_live_state (workshop_id, agenda_step_id) values (${options.workshopId}, ${options.stepId})
    on conflict (workshop_id) do update set agenda_step_id = excluded.agenda_step_id, updated_at = now()`;
}

/**
 * Changes the timer under a row lock, so that two facilitators on two instances
 * cannot interleave; `next` computes the new state from the stored one.
 */
export async function updateTimer(
  sql: Sql,
  options: { workshopId: string; next: (timer: TimerState) => TimerState },
): Promise<TimerState> {
  return sql.begin(async (tx) => {
    await tx`insert into workshop_live_state (workshop_id) values (${options.workshopId}) on conflict do nothing`;
    const [row]: [{ timer: TimerState }?] = await tx`
      select timer from workshop_live_state where workshop_id = ${options.workshopId} for update`;
    const timer = options.next(row?.timer ?? { status: 'idle' });
    await tx`
      update workshop_live_state set timer = ${tx.json(timer as unknown as Parameters<typeof tx.json>[0])}, updated_at = now()
      where workshop_id = ${options.workshopId}`;
    return timer;
  });
}

/** The speaking queue (oldest hand first) and the speaker, with names. */
export async function speaking(sql: Queryable, options: { workshopId: string }): Promise<SpeakingQueue> {
  const queue = await sql<{ userId: string; displayName: string; raisedAt: Date }[]>`
    select q.user_id, u.display_name, q.raised_at from speaking_queue q join users u on u.id = q.user_id
    where q.workshop_id = ${options.workshopId} order by q.raised_at, q.user_id`;
  const [speaker]: [{ userId: string; displayName: string }?] = await sql`
    select u.id as user_id, u.display_name from workshop_live_state s join users u on u.id = s.speaker_user_id
    where s.workshop_id = ${options.workshopId}`;
  return {
    queue: queue.map((row) => ({ ...row, raisedAt: row.raisedAt.getTime() })),
    speaker: speaker ?? null,
  };
}

/** Raises a person's hand; raising it twice keeps the first place. */
export async function raiseHand(
  sql: Queryable,
  options: { workshopId: string; userId: string },
): Promise<void> {
  await sql`
    insert into speaking_queue (workshop_id, user_id) values (${options.workshopId}, ${options.userId})
    on conflict do nothing`;
}

export async function lowerHand(
  sql: Queryable,
  options: { workshopId: string; userId: string },
): Promise<void> {
  await sql`delete from speaking_queue where workshop_id = ${options.workshopId} and user_id = ${options.userId}`;
}

/** Gives the floor to a person (lowering their hand), or takes it back with null. */
export async function giveFloor(
  sql: Sql,
  options: { workshopId: string; userId: string | null },
): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`
      insert into workshop_live_state (workshop_id, speaker_user_id) values (${options.workshopId}, ${options.userId})
      on conflict (workshop_id) do update set speaker_user_id = excluded.speaker_user_id, updated_at = now()`;
    if (options.userId) await lowerHand(tx, { workshopId: options.workshopId, userId: options.userId });
  });
}

export async function createPoll(
  sql: Queryable,
  options: Omit<StoredPoll, 'id' | 'status' | 'createdAt'> & { createdBy: string },
): Promise<StoredPoll> {
  const [row]: [StoredPoll?] = await sql`
    insert into polls (workshop_id, question, options, kind, dots_per_person, anonymous, created_by)
    values (${options.workshopId}, ${options.question}, ${sql.json(options.options)}, ${options.kind},
            ${options.dotsPerPerson}, ${options.anonymous}, ${options.createdBy})
    returning id, workshop_id, question, options, kind, dots_per_person, anonymous, status, created_at`;
  if (!row) throw new Error('poll insert returned no row');
  return row;
}

export async function findPoll(
  sql: Queryable,
  options: { pollId: string; workshopId: string },
): Promise<StoredPoll | undefined> {
  const [row]: [StoredPoll?] = await sql`
    select id, workshop_id, question, options, kind, dots_per_person, anonymous, status, created_at
    from polls where id = ${options.pollId} and workshop_id = ${options.workshopId}`;
  return row;
}

/** A workshop's polls, oldest first. */
export async function listPolls(sql: Queryable, options: { workshopId: string }): Promise<StoredPoll[]> {
  return sql<StoredPoll[]>`
    select id, workshop_id, question, options, kind, dots_per_person, anonymous, status, created_at
    from polls where workshop_id = ${options.workshopId} order by created_at, id`;
}

/**
 * Records a person's ballot, replacing their previous one; false when the poll is
 * closed (or not in this workshop), in which case nothing changes.
 */
export async function castBallot(
  sql: Queryable,
  options: { pollId: string; workshopId: string; userId: string; allocation: Record<string, number> },
): Promise<boolean> {
  const rows = await sql`
    insert into poll_ballots (poll_id, user_id, allocation)
    select id, ${options.userId}, ${sql.json(options.allocation)} from polls
    where id = ${options.pollId} and workshop_id = ${options.workshopId} and status = 'open'
    on conflict (poll_id, user_id) do update set allocation = excluded.allocation, updated_at = now()
    returning poll_id`;
  return rows.length > 0;
}

export async function closePoll(
  sql: Queryable,
  options: { pollId: string; workshopId: string },
): Promise<boolean> {
  const rows = await sql`
    update polls set status = 'closed', closed_at = now()
    where id = ${options.pollId} and workshop_id = ${options.workshopId} and status = 'open' returning id`;
  return rows.length > 0;
}

export async function ballots(sql: Queryable, options: { pollIds: string[] }): Promise<StoredBallot[]> {
  if (options.pollIds.length === 0) return [];
  return sql<StoredBallot[]>`
    select b.poll_id, b.user_id, u.display_name, b.allocation
    from poll_ballots b join users u on u.id = b.user_id
    where b.poll_id = any(${options.pollIds}) order by b.updated_at, b.user_id`;
}
