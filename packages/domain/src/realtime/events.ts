import { z } from 'zod';
import type { WorkshopRole } from '../workshop/workshop.ts';

/**
 * Socket.IO events of the `/workshop` namespace. A client connects with
 * `io(url + '/workshop', { auth: { workshopId }, withCredentials: true })`; the
 * `atelier_session` cookie authenticates it. Every client event carries one payload
 * (validated with the schema below) and an acknowledgement callback receiving an
 * {@link Ack}: a bad payload or a refused action gets `{ ok: false, error }`.
 */

const id = z.string().min(1).max(100);

export const REACTIONS = ['👍', '👏', '❤️', '😮', '🤔', '❓'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const agendaStepPayload = z.object({ stepId: id.nullable() }).strict();
export const timerStartPayload = z
  .object({
    durationMs: z
      .number()
      .int()
      .min(1000)
      .max(8 * 3600_000),
  })
  .strict();
export const emptyPayload = z.object({}).strict();
export const handPayload = z.object({ userId: z.uuid().optional() }).strict();
export const floorPayload = z.object({ userId: z.uuid().nullable() }).strict();
export const pollCreatePayload = z
  .object({
    question: z.string().trim().min(1).max(500),
    options: z.array(z.string().trim().min(1).max(200)).min(2).max(20),
    kind: z.enum(['poll', 'dots']),
    /** Dots per person for a dot-vote; a poll gives one choice. */
    dotsPerPerson: z.number().int().min(1).max(20).default(1),
    anonymous: z.boolean().default(true),
  })
  .strict();
export const pollVotePayload = z
  .object({
    pollId: z.uuid(),
    /** Option index → dots (a poll: exactly one option with 1). */
    allocation: z.record(z.string().regex(/^\d{1,2}$/), z.number().int().min(1).max(20)),
  })
  .strict();
export const pollIdPayload = z.object({ pollId: z.uuid() }).strict();
export const reactionPayload = z.object({ reaction: z.enum(REACTIONS) }).strict();

export type PollCreate = z.input<typeof pollCreatePayload>;
export type PollVote = z.output<typeof pollVotePayload>;

export const ERROR_CODES = [
  'invalid_payload',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
] as const;
export type RealtimeErrorCode = (typeof ERROR_CODES)[number];

export type Ack<T = Record<string, never>> =
  ({ ok: true } & T) | { ok: false; error: { code: RealtimeErrorCode; message: string } };

export interface PresenceEntry {
  userId: string;
  displayName: string;
  role: WorkshopRole;
  /** Open connections of this person (tabs, devices). */
  connections: number;
}

/** The timer, stated with the server's clock so every client shows the same remaining time. */
export type TimerState =
  | { status: 'idle' }
  | { status: 'running'; durationMs: number; endsAt: number }
  | { status: 'paused'; durationMs: number; remainingMs: number };

export interface SpeakingQueue {
  /** Hands raised, oldest first. */
  queue: { userId: string; displayName: string; raisedAt: number }[];
  /** Who has the floor. */
  speaker: { userId: string; displayName: string } | null;
}

export interface PollView {
  id: string;
  question: string;
  options: string[];
  kind: 'poll' | 'dots';
  dotsPerPerson: number;
  anonymous: boolean;
  status: 'open' | 'closed';
  /** Dots per option, live. */
  totals: number[];
  ballots: number;
  /** Named polls only: who voted what. */
  voters?: { userId: string; displayName: string; allocation: Record<string, number> }[];
}

export interface WorkshopLiveState {
  workshopId: string;
  agendaStepId: string | null;
  timer: TimerState;
  speaking: SpeakingQueue;
  polls: PollView[];
  presence: PresenceEntry[];
  /** The server's clock (epoch ms) when this state was sent. */
  serverNow: number;
  you: { userId: string; role: WorkshopRole };
}

type Callback<T = Record<string, never>> = (ack: Ack<T>) => void;

export interface ClientToServerEvents {
  'state:get': (payload: z.input<typeof emptyPayload>, ack: Callback<{ state: WorkshopLiveState }>) => void;
  'agenda:step': (payload: z.input<typeof agendaStepPayload>, ack: Callback) => void;
  'timer:start': (payload: z.input<typeof timerStartPayload>, ack: Callback<{ timer: TimerState }>) => void;
  'timer:pause': (payload: z.input<typeof emptyPayload>, ack: Callback<{ timer: TimerState }>) => void;
  'timer:resume': (payload: z.input<typeof emptyPayload>, ack: Callback<{ timer: TimerState }>) => void;
  'timer:stop': (payload: z.input<typeof emptyPayload>, ack: Callback<{ timer: TimerState }>) => void;
  'hand:raise': (payload: z.input<typeof emptyPayload>, ack: Callback) => void;
  /** Lower one's own hand, or (facilitator) someone else's. */
  'hand:lower': (payload: z.input<typeof handPayload>, ack: Callback) => void;
  /** Facilitator: give the floor to someone (their hand is lowered), or take it back with null. */
  'floor:give': (payload: z.input<typeof floorPayload>, ack: Callback) => void;
  'poll:create': (payload: PollCreate, ack: Callback<{ pollId: string }>) => void;
  /** One ballot per person, replaced by a new vote until the poll is closed. */
  'poll:vote': (payload: z.input<typeof pollVotePayload>, ack: Callback) => void;
  'poll:close': (payload: z.input<typeof pollIdPayload>, ack: Callback) => void;
  reaction: (payload: z.input<typeof reactionPayload>, ack: Callback) => void;
}

export interface ServerToClientEvents {
  presence: (presence: PresenceEntry[]) => void;
  'agenda:step': (update: { stepId: string | null; serverNow: number }) => void;
  timer: (update: { timer: TimerState; serverNow: number }) => void;
  speaking: (speaking: SpeakingQueue) => void;
  poll: (poll: PollView) => void;
  reaction: (reaction: { userId: string; displayName: string; reaction: Reaction; at: number }) => void;
  /** The session was revoked or the seat removed: the server disconnects right after. */
  'session:ended': (reason: { code: number; message: string }) => void;
}

/** What the server keeps on each socket (Socket.IO `socket.data`). */
export interface SocketData {
  userId: string;
  displayName: string;
  role: WorkshopRole;
  workshopId: string;
}

/**
 * Remaining time of a timer, in ms, at a given server time.
 *
 * @param timer - the timer state as sent by the server
 * @param serverNow - the server's clock (a client adds its measured offset to Date.now())
 * @example remainingMs({ status: 'running', durationMs: 60000, endsAt: 1000 }, 400) // 600
 */
export function remainingMs(timer: TimerState, serverNow: number): number {
  switch (timer.status) {
    case 'idle':
      return 0;
    case 'running':
      return Math.max(0, timer.endsAt - serverNow);
    case 'paused':
      return timer.remainingMs;
    default: {
      const unreachable: never = timer;
      return unreachable;
    }
  }
}
