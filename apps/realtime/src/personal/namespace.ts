import { notifications, sessions, type Db } from '@atelier/db';
import { CLOSE_CODES, PERSONAL_NAMESPACE, type PersonalServerToClientEvents } from '@atelier/domain';
import type { Logger } from 'pino';
import type { Namespace, Server, Socket } from 'socket.io';
import { SESSION_COOKIE, connectRefusal, readCookie } from '../auth/authenticate.ts';
import type { Metrics } from '../metrics.ts';
import { concerns, type RevokeRequest } from '../revocation.ts';

interface PersonalSocketData {
  token: string;
  userId: string;
}

type PersonalServer = Server<
  Record<string, never>,
  PersonalServerToClientEvents,
  Record<string, never>,
  PersonalSocketData
>;
type PersonalNamespace = Namespace<
  Record<string, never>,
  PersonalServerToClientEvents,
  Record<string, never>,
  PersonalSocketData
>;

type PersonalSocket = Socket<
  Record<string, never>,
  PersonalServerToClientEvents,
  Record<string, never>,
  PersonalSocketData
>;

const roomOf = (userId: string) => `user:${userId}`;

export interface PersonalChannel {
  /** Counts each person's unread notifications again and sends it to their open pages. */
  unreadChanged(userIds: readonly string[]): Promise<void>;
  /** Disconnects sockets whose session has ended (the periodic re-check). */
  recheck(): Promise<void>;
  /** Checks the sockets a revocation concerns again, now; returns how many closed. */
  revoke(request: RevokeRequest): Promise<number>;
}

/**
 * The `/me` namespace: a signed-in person's own live figures on every page (today the
 * unread notification count). The session cookie authenticates; each socket joins its
 * person's room only, so nobody can listen to someone else's count. Clients send nothing.
 */
export function attachPersonalNamespace(options: {
  io: PersonalServer;
  db: Db;
  log: Logger;
  metrics: Metrics;
  /** The revocation epoch (see `Revocation.epoch`). */
  revocationEpoch?: () => number;
}): PersonalChannel {
  const { db, log, metrics } = options;
  const nsp: PersonalNamespace = options.io.of(PERSONAL_NAMESPACE);

  const fail = (next: (error?: Error) => void, name: 'unauthenticated' | 'storageUnavailable') =>
    next(connectRefusal(name));

  nsp.use((socket, next) => {
    const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token) return fail(next, 'unauthenticated');
    const read = () => sessions.validate(db.sql, { token, now: new Date() });
    const epoch = options.revocationEpoch?.();
    // A revocation handled while the first reading was under way: read again.
    read()
      .then((first) => (epoch === options.revocationEpoch?.() ? first : read()))
      .then(
        (session) => {
          if (!session) return fail(next, 'unauthenticated');
          socket.data.token = token;
          socket.data.userId = session.user.id;
          next();
        },
        (error: unknown) => {
          log.error({ err: error }, 'socket.io /me authentication failed: database error');
          fail(next, 'storageUnavailable');
        },
      );
  });

  const sendCount = async (userId: string) => {
    const count = await notifications.unreadCount(db.sql, { userId });
    nsp.to(roomOf(userId)).emit('notifications:unread', { count });
  };

  nsp.on('connection', (socket) => {
    metrics.socketOpened(nsp.name);
    socket.on('disconnect', () => {
      metrics.socketClosed(nsp.name);
    });
    const { userId } = socket.data;
    void socket.join(roomOf(userId));
    notifications.unreadCount(db.sql, { userId }).then(
      (count) => socket.emit('notifications:unread', { count }),
      (error: unknown) => log.error({ err: error }, 'unread count failed'),
    );
  });

  /** Reads a socket's session again; disconnects it when the session has ended. */
  async function recheckSocket(socket: PersonalSocket): Promise<boolean> {
    const session = await sessions
      .validate(db.sql, { token: socket.data.token, now: new Date() })
      .catch(() => 'unknown' as const);
    if (session === 'unknown' || session) return false;
    const { code, reason } = CLOSE_CODES.unauthenticated;
    socket.emit('session:ended', { code, message: reason });
    socket.disconnect(true);
    return true;
  }

  return {
    async unreadChanged(userIds) {
      await Promise.all([...new Set(userIds)].map((userId) => sendCount(userId)));
    },
    async recheck() {
      for (const socket of nsp.sockets.values()) await recheckSocket(socket);
    },
    async revoke(request) {
      // Seats do not matter here: /me is the person's own channel.
      const concerned = [...nsp.sockets.values()].filter((socket) =>
        concerns(
          { ...request, workshops: undefined },
          { token: socket.data.token, userId: socket.data.userId },
        ),
      );
      const closed = await Promise.all(concerned.map((socket) => recheckSocket(socket)));
      return closed.filter(Boolean).length;
    },
  };
}
