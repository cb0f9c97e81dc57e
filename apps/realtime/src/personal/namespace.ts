import { notifications, sessions, type Db } from '@atelier/db';
import { CLOSE_CODES, PERSONAL_NAMESPACE, type PersonalServerToClientEvents } from '@atelier/domain';
import type { Logger } from 'pino';
import type { Namespace, Server } from 'socket.io';
import { SESSION_COOKIE, connectRefusal, readCookie } from '../auth/authenticate.ts';
import type { Metrics } from '../metrics.ts';

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

const roomOf = (userId: string) => `user:${userId}`;

export interface PersonalChannel {
  /** Counts each person's unread notifications again and sends it to their open pages. */
  unreadChanged(userIds: readonly string[]): Promise<void>;
  /** Disconnects sockets whose session has ended (the periodic re-check). */
  recheck(): Promise<void>;
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
}): PersonalChannel {
  const { db, log, metrics } = options;
  const nsp: PersonalNamespace = options.io.of(PERSONAL_NAMESPACE);

  const fail = (next: (error?: Error) => void, name: 'unauthenticated' | 'storageUnavailable') =>
    next(connectRefusal(name));

  nsp.use((socket, next) => {
    const token = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
    if (!token) return fail(next, 'unauthenticated');
    sessions.validate(db.sql, { token, now: new Date() }).then(
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

  return {
    async unreadChanged(userIds) {
      await Promise.all([...new Set(userIds)].map((userId) => sendCount(userId)));
    },
    async recheck() {
      for (const socket of nsp.sockets.values()) {
        const session = await sessions
          .validate(db.sql, { token: socket.data.token, now: new Date() })
          .catch(() => 'unknown' as const);
        if (session === 'unknown' || session) continue;
        const { code, reason } = CLOSE_CODES.unauthenticated;
        socket.emit('session:ended', { code, message: reason });
        socket.disconnect(true);
      }
    },
  };
}
