import type { Db } from '@atelier/db';
import { facilitation } from '@atelier/db';
import {
  BallotError,
  CLOSE_CODES,
  TimerTransitionError,
  agendaStepPayload,
  can,
  checkBallot,
  emptyPayload,
  floorPayload,
  handPayload,
  nextTimer,
  pollCreatePayload,
  pollIdPayload,
  pollVotePayload,
  reactionPayload,
  timerStartPayload,
  type Ack,
  type ClientToServerEvents,
  type PresenceEntry,
  type RealtimeErrorCode,
  type ServerToClientEvents,
  type TimerCommand,
  type WorkshopAction,
} from '@atelier/domain';
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import {
  SESSION_COOKIE,
  authenticate,
  connectRefusal,
  readCookie,
  recheckSession,
  type Identity,
} from '../auth/authenticate.ts';
import { TokenBucket } from '../auth/rate-limit.ts';
import type { Metrics } from '../metrics.ts';
import { concerns, type RevokeRequest } from '../revocation.ts';
import { onePollView, pollViews } from './state.ts';

interface ServerSocketData {
  identity: Identity;
  bucket: TokenBucket;
}

type WorkshopServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  ServerSocketData
>;
type WorkshopNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  ServerSocketData
>;
type WorkshopSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  ServerSocketData
>;

/** A refusal carried to the client's acknowledgement. */
class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    readonly code: RealtimeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const roomOf = (workshopId: string) => `workshop:${workshopId}`;
const handshakeSchema = z.object({ workshopId: z.uuid() });

/**
 * The `/workshop` namespace: presence, agenda step, timer, speaking queue, polls
 * and reactions of one workshop per room. Every event is validated with its zod
 * schema and authorised with `can()`; facilitation state lives in PostgreSQL, so it
 * survives a restart and is the same on every instance.
 */
export function attachWorkshopNamespace(options: {
  io: WorkshopServer;
  db: Db;
  log: Logger;
  metrics: Metrics;
  /** The revocation epoch (see `Revocation.epoch`). */
  revocationEpoch?: () => number;
}): { recheck(): Promise<void>; revoke(request: RevokeRequest): Promise<number> } {
  const { db, log, metrics } = options;
  const nsp: WorkshopNamespace = options.io.of('/workshop');

  nsp.use((socket, next) => {
    const handshake = handshakeSchema.safeParse(socket.handshake.auth);
    const fail = (name: 'unauthenticated' | 'forbidden' | 'unknownRoom' | 'storageUnavailable') =>
      next(connectRefusal(name));
    if (!handshake.success) return fail('unknownRoom');
    const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    const read = () => authenticate({ db, token, workshopId: handshake.data.workshopId, now: new Date() });
    const epoch = options.revocationEpoch?.();
    // A revocation handled while the first reading was under way: read again.
    read()
      .then((first) => (epoch === options.revocationEpoch?.() ? first : read()))
      .then(
        (result) => {
          if (!result.ok) return fail(result.failure);
          socket.data.identity = result.identity;
          socket.data.bucket = new TokenBucket(20, 40);
          next();
        },
        (error: unknown) => {
          log.error({ err: error }, 'socket.io authentication failed: database error');
          fail('storageUnavailable');
        },
      );
  });

  async function presence(workshopId: string): Promise<PresenceEntry[]> {
    const sockets = await nsp.in(roomOf(workshopId)).fetchSockets();
    const byUser = new Map<string, PresenceEntry>();
    for (const socket of sockets) {
      const identity = socket.data.identity;
      const entry = byUser.get(identity.userId);
      if (entry) entry.connections++;
      else
        byUser.set(identity.userId, {
          userId: identity.userId,
          displayName: identity.displayName,
          role: identity.workshop.seat?.role ?? 'observer',
          connections: 1,
        });
    }
    return [...byUser.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  const broadcastPresence = async (workshopId: string) => {
    nsp.to(roomOf(workshopId)).emit('presence', await presence(workshopId));
  };

  const broadcastSpeaking = async (workshopId: string) => {
    nsp.to(roomOf(workshopId)).emit('speaking', await facilitation.speaking(db.sql, { workshopId }));
  };

  nsp.on('connection', (socket: WorkshopSocket) => {
    metrics.socketOpened(nsp.name);
    const workshopId = socket.data.identity.workshop.id;
    void socket.join(roomOf(workshopId));
    void broadcastPresence(workshopId).catch(() => {});
    socket.on('disconnect', () => {
      metrics.socketClosed(nsp.name);
      void broadcastPresence(workshopId).catch(() => {});
    });

    /**
     * Registers one event: validate the payload, check the policy, run, acknowledge.
     * A bad payload, a refusal or an error is acknowledged, never thrown.
     */
    function handle<S extends z.ZodType, R extends Record<string, unknown>>(
      event: keyof ClientToServerEvents,
      schema: S,
      action: WorkshopAction | ((payload: z.output<S>, identity: Identity) => WorkshopAction),
      run: (payload: z.output<S>, identity: Identity) => Promise<R>,
    ): void {
      (socket as unknown as Socket).on(event, (payload: unknown, ack: unknown) => {
        const reply = (result: Ack<R>) => {
          if (typeof ack === 'function') (ack as (result: Ack<R>) => void)(result);
        };
        const refuse = (code: RealtimeErrorCode, message: string) =>
          reply({ ok: false, error: { code, message } });
        if (!socket.data.bucket.take()) return refuse('rate_limited', 'too many events; slow down');
        const parsed = schema.safeParse(payload ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return refuse(
            'invalid_payload',
            `${issue?.path.join('.') || 'payload'}: ${issue?.message ?? 'invalid'}`,
          );
        }
        const identity = socket.data.identity;
        const needed = typeof action === 'function' ? action(parsed.data, identity) : action;
        if (!can(identity.actor, needed, identity.workshop)) {
          return refuse('forbidden', `your role may not do ${needed} in this workshop`);
        }
        run(parsed.data, identity).then(
          (result) => reply({ ok: true, ...result }),
          (error: unknown) => {
            if (error instanceof Refusal) return refuse(error.code, error.message);
            log.error({ err: error, event }, 'socket.io handler failed');
            refuse('internal', 'the server could not do this; try again');
          },
        );
      });
    }

    handle('state:get', emptyPayload, 'workshop.read', async (_payload, identity) => {
      const live = await facilitation.liveState(db.sql, { workshopId });
      return {
        state: {
          workshopId,
          agendaStepId: live.agendaStepId,
          timer: live.timer,
          speaking: await facilitation.speaking(db.sql, { workshopId }),
          polls: await pollViews(db, workshopId),
          presence: await presence(workshopId),
          serverNow: Date.now(),
          you: { userId: identity.userId, role: identity.workshop.seat?.role ?? 'observer' },
        },
      };
    });

    handle('agenda:step', agendaStepPayload, 'workshop.writeFacilitation', async ({ stepId }) => {
      await facilitation.setAgendaStep(db.sql, { workshopId, stepId });
      nsp.to(roomOf(workshopId)).emit('agenda:step', { stepId, serverNow: Date.now() });
      return {};
    });

    const timer =
      (command: (payload: Record<string, unknown>) => TimerCommand) =>
      async (payload: Record<string, unknown>) => {
        try {
          const next = await facilitation.updateTimer(db.sql, {
            workshopId,
            next: (current) => nextTimer({ timer: current, command: command(payload), now: Date.now() }),
          });
          nsp.to(roomOf(workshopId)).emit('timer', { timer: next, serverNow: Date.now() });
          return { timer: next };
        } catch (error) {
          if (error instanceof TimerTransitionError) throw new Refusal('conflict', error.message);
          throw error;
        }
      };
    handle(
      'timer:start',
      timerStartPayload,
      'workshop.writeFacilitation',
      timer((payload) => ({ type: 'start', durationMs: payload.durationMs as number })),
    );
    handle(
      'timer:pause',
      emptyPayload,
      'workshop.writeFacilitation',
      timer(() => ({ type: 'pause' })),
    );
    handle(
      'timer:resume',
      emptyPayload,
      'workshop.writeFacilitation',
      timer(() => ({ type: 'resume' })),
    );
    handle(
      'timer:stop',
      emptyPayload,
      'workshop.writeFacilitation',
      timer(() => ({ type: 'stop' })),
    );

    handle('hand:raise', emptyPayload, 'workshop.raiseHand', async (_payload, identity) => {
      await facilitation.raiseHand(db.sql, { workshopId, userId: identity.userId });
      await broadcastSpeaking(workshopId);
      return {};
    });
    handle(
      'hand:lower',
      handPayload,
      (payload, identity) =>
        payload.userId && payload.userId !== identity.userId
          ? 'workshop.writeFacilitation'
          : 'workshop.raiseHand',
      async (payload, identity) => {
        await facilitation.lowerHand(db.sql, { workshopId, userId: payload.userId ?? identity.userId });
        await broadcastSpeaking(workshopId);
        return {};
      },
    );
    handle('floor:give', floorPayload, 'workshop.writeFacilitation', async ({ userId }) => {
      await facilitation.giveFloor(db.sql, { workshopId, userId });
      await broadcastSpeaking(workshopId);
      return {};
    });

    handle('poll:create', pollCreatePayload, 'workshop.writeFacilitation', async (payload, identity) => {
      const poll = await facilitation.createPoll(db.sql, {
        workshopId,
        question: payload.question,
        options: payload.options,
        kind: payload.kind,
        dotsPerPerson: payload.kind === 'poll' ? 1 : payload.dotsPerPerson,
        anonymous: payload.anonymous,
        createdBy: identity.userId,
      });
      const view = await onePollView(db, workshopId, poll.id);
      if (view) nsp.to(roomOf(workshopId)).emit('poll', view);
      return { pollId: poll.id };
    });
    handle('poll:vote', pollVotePayload, 'workshop.vote', async ({ pollId, allocation }, identity) => {
      const poll = await facilitation.findPoll(db.sql, { pollId, workshopId });
      if (!poll) throw new Refusal('not_found', 'no such poll in this workshop');
      if (poll.status !== 'open') throw new Refusal('conflict', 'this poll is closed');
      try {
        checkBallot(poll, allocation);
      } catch (error) {
        if (error instanceof BallotError) throw new Refusal('invalid_payload', error.message);
        throw error;
      }
      const cast = await facilitation.castBallot(db.sql, {
        pollId,
        workshopId,
        userId: identity.userId,
        allocation,
      });
      if (!cast) throw new Refusal('conflict', 'this poll is closed');
      const view = await onePollView(db, workshopId, pollId);
      if (view) nsp.to(roomOf(workshopId)).emit('poll', view);
      return {};
    });
    handle('poll:close', pollIdPayload, 'workshop.writeFacilitation', async ({ pollId }) => {
      if (!(await facilitation.closePoll(db.sql, { pollId, workshopId }))) {
        throw new Refusal('not_found', 'no open poll with this id in this workshop');
      }
      const view = await onePollView(db, workshopId, pollId);
      if (view) nsp.to(roomOf(workshopId)).emit('poll', view);
      return {};
    });

    handle('reaction', reactionPayload, 'workshop.react', async ({ reaction }, identity) => {
      nsp.to(roomOf(workshopId)).emit('reaction', {
        userId: identity.userId,
        displayName: identity.displayName,
        reaction,
        at: Date.now(),
      });
      return {};
    });
  });

  /** Reads a socket's session and seat again; disconnects it when they no longer hold. */
  async function recheckSocket(socket: WorkshopSocket): Promise<boolean> {
    const identity = socket.data.identity;
    const result = await recheckSession({ db, token: identity.token, workshopId: identity.workshop.id });
    if (!result) return false;
    if (result.ok) {
      socket.data.identity = result.identity;
      return false;
    }
    const { code, reason } = CLOSE_CODES[result.failure];
    socket.emit('session:ended', { code, message: reason });
    socket.disconnect(true);
    return true;
  }

  return {
    async recheck() {
      for (const socket of nsp.sockets.values()) await recheckSocket(socket);
    },
    async revoke(request) {
      const concerned = [...nsp.sockets.values()].filter((socket) =>
        concerns(request, {
          token: socket.data.identity.token,
          userId: socket.data.identity.userId,
          workshopId: socket.data.identity.workshop.id,
        }),
      );
      const closed = await Promise.all(concerned.map((socket) => recheckSocket(socket)));
      return closed.filter(Boolean).length;
    },
  };
}
