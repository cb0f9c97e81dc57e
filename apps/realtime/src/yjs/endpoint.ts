import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Db } from '@atelier/db';
import { parseRoomName, roomName, type ContentWriter, type ParsedRoom } from '@atelier/domain';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type * as Y from 'yjs';
import {
  SESSION_COOKIE,
  authenticate,
  readCookie,
  recheckSession,
  type AuthResult,
} from '../auth/authenticate.ts';
import { ConnectionRateLimiter, WriteBudget } from '../auth/rate-limit.ts';
import type { RealtimeLimits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import { concerns, type RevokeRequest } from '../revocation.ts';
import { YjsConnection, closeWith } from './connection.ts';
import type { Fanout } from './fanout.ts';
import { Persister } from './persistence.ts';
import { DocRoom, type UpdateVerdict } from './room.ts';

export interface YjsEndpoint {
  /** Takes an HTTP upgrade whose path starts with `/yjs/`. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, roomPath: string): void;
  /** Checks every connection's session and seat again; closes the revoked ones. */
  recheck(): Promise<void>;
  /** Checks the connections a revocation concerns again, now; returns how many closed. */
  revoke(request: RevokeRequest): Promise<number>;
  /**
   * Makes a change to a room (`DocRoom.change`), loading the room as a connection would when it
   * is not in memory here and holding it until the change is stored. Throws when the room
   * cannot be loaded or the server is closing.
   */
  change<T>(options: {
    room: ParsedRoom;
    build: (doc: Y.Doc) => T;
    writer?: ContentWriter;
    /** Read on the room's document once the change is stored (a read-back). */
    after?: (doc: Y.Doc) => boolean;
  }): Promise<{ verdict: UpdateVerdict; result: T; readBack: boolean }>;
  rooms: ReadonlyMap<string, DocRoom>;
  /** Closes connections (1001), stores pending updates, leaves Redis. */
  close(): Promise<void>;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * The Yjs WebSocket endpoint at `/yjs/<workshopId>/<content|facilitation>`,
 * speaking the standard y-websocket protocol. Lifecycle of a connection:
 * authenticate (cookie, seat, `can()`), load the room, then sync.
 */
export function createYjsEndpoint(options: {
  db: Db;
  log: Logger;
  limits: RealtimeLimits;
  metrics: Metrics;
  fanout: Fanout | undefined;
  /** The revocation epoch (see `Revocation.epoch`). */
  revocationEpoch?: () => number;
}): YjsEndpoint {
  const { db, log, limits, metrics } = options;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: Math.max(limits.maxMessageBytes * 2, limits.maxMessageBytes + 65_536),
    perMessageDeflate: false,
  });
  const persister = new Persister({ db, log, metrics, flushMs: limits.flushMs });
  const rooms = new Map<string, DocRoom>();
  const loading = new Map<string, Promise<DocRoom>>();
  const connections = new Set<YjsConnection>();
  const perIp = new ConnectionRateLimiter(limits.maxConnectionsPerIpPerMinute);
  // One write budget per person over all their connections here (kept while they reconnect).
  const personBudgets = new Map<string, WriteBudget>();
  const personBudget = (userId: string) => {
    let budget = personBudgets.get(userId);
    if (!budget) {
      if (personBudgets.size > 10_000) personBudgets.clear();
      budget = new WriteBudget({
        bytesPerMinute: limits.maxUserWriteBytesPerMinute,
        updatesPerMinute: limits.maxUserWritesPerMinute,
      });
      personBudgets.set(userId, budget);
    }
    return budget;
  };
  let closing = false;
  // Rooms that changed publish their state to the other instances, which repair any gap; while
  // Redis is unreachable, rooms catch up from the database instead (clients of two instances
  // still see each other's stored edits); after Redis comes back, every room re-syncs.
  const peerSync = options.fanout
    ? setInterval(() => {
        const live = options.fanout?.connected() ?? false;
        for (const room of rooms.values()) {
          if (room.unloading) continue;
          if (live) room.peerSyncTick();
          else room.requestCatchUp();
        }
      }, limits.peerSyncMs)
    : undefined;
  peerSync?.unref();
  options.fanout?.onReconnect(() => {
    for (const room of rooms.values()) if (!room.unloading) room.requestCatchUp();
  });
  // Connections opened together by one person (tabs, a reconnect storm after a restart)
  // share one authentication for a second instead of queueing identical queries.
  const recentAuth = new Map<string, { at: number; result: Promise<AuthResult> }>();
  function authenticateOnce(token: string | undefined, workshopId: string): Promise<AuthResult> {
    // Keyed by the revocation epoch too: an answer read before a revocation is never reused after it.
    const key = `${options.revocationEpoch?.() ?? 0} ${token ?? ''} ${workshopId}`;
    const now = performance.now();
    const cached = recentAuth.get(key);
    if (cached && now - cached.at < 1000) return cached.result;
    if (recentAuth.size > 10_000) recentAuth.clear();
    const result = authenticate({ db, token, workshopId, now: new Date() });
    recentAuth.set(key, { at: now, result });
    result.catch(() => recentAuth.delete(key));
    return result;
  }

  async function acquire(parsed: ParsedRoom): Promise<DocRoom> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = rooms.get(parsed.name);
      if (existing && !existing.unloading) return existing;
      if (existing?.unloading) {
        await existing.unloading;
        continue;
      }
      const pending = loading.get(parsed.name);
      if (pending) return pending;
      const promise = load(parsed);
      loading.set(parsed.name, promise);
      void promise.catch(() => {}).finally(() => loading.delete(parsed.name));
      return promise;
    }
    throw new Error(`room ${parsed.name} kept unloading`);
  }

  /**
   * Loads a room. A content room first takes its workshop's facilitation room and
   * holds it while it is in memory: the write rules read its settings (locked
   * sections, day 0), kept current by the other instances through Redis.
   */
  async function load(parsed: ParsedRoom): Promise<DocRoom> {
    let facilitation: DocRoom | undefined;
    if (parsed.kind === 'content') {
      const name = roomName(parsed.workshopId, 'facilitation');
      facilitation = await acquire({ workshopId: parsed.workshopId, kind: 'facilitation', name });
      facilitation.retain();
    }
    const room = new DocRoom(parsed, {
      db,
      log,
      limits,
      metrics,
      fanout: options.fanout,
      persister,
      onUnloaded: (unloaded) => {
        if (rooms.get(unloaded.name) === unloaded) rooms.delete(unloaded.name);
        facilitation?.release();
      },
      settings: facilitation ? () => facilitation.settings() : undefined,
    });
    try {
      await room.load();
    } catch (error) {
      facilitation?.release();
      log.error({ room: parsed.name, err: error }, 'loading a document failed; refusing its connections');
      throw error;
    }
    rooms.set(parsed.name, room);
    return room;
  }

  /** Checks connections' sessions and seats again, one query per session and workshop; returns how many closed. */
  async function recheckConnections(
    selected: Iterable<YjsConnection>,
    mode: 'one by one' | 'at once',
  ): Promise<number> {
    recentAuth.clear();
    let closedCount = 0;
    const byToken = new Map<string, YjsConnection[]>();
    for (const connection of selected) {
      const key = `${connection.identity.token} ${connection.identity.workshop.id}`;
      byToken.set(key, [...(byToken.get(key) ?? []), connection]);
    }
    const check = async (group: YjsConnection[]) => {
      const first = group[0];
      if (!first) return;
      const result = await recheckSession({
        db,
        token: first.identity.token,
        workshopId: first.identity.workshop.id,
      });
      if (!result) return;
      for (const connection of group) {
        if (result.ok) connection.refresh(result.identity);
        else {
          connection.close(result.failure);
          closedCount++;
        }
      }
    };
    // The periodic re-check goes one query at a time, leaving the pool to the updates;
    // a revocation concerns a few sessions and must be quick.
    if (mode === 'at once') await Promise.all([...byToken.values()].map(check));
    else for (const group of byToken.values()) await check(group);
    return closedCount;
  }

  async function onConnection(ws: WebSocket, req: IncomingMessage, roomPath: string): Promise<void> {
    metrics.yjsConnections++;
    const queue: Uint8Array[] = [];
    const state: { connection?: YjsConnection } = {};
    let gone = false;
    ws.on('message', (data) => {
      const bytes = toBytes(data);
      if (state.connection) state.connection.handle(bytes);
      else if (queue.length < 100) queue.push(bytes);
      else closeWith(ws, 'tooManyMessages', metrics);
    });
    ws.on('close', () => {
      gone = true;
      metrics.yjsConnections--;
      if (state.connection) {
        state.connection.closed();
        connections.delete(state.connection);
      }
    });
    ws.on('error', () => ws.terminate());

    if (closing) return closeWith(ws, 'goingAway', metrics);
    if (!perIp.allow(req.socket.remoteAddress ?? '?')) return closeWith(ws, 'tooManyMessages', metrics);
    const parsed = parseRoomName(decodeURIComponent(roomPath.split('?')[0] ?? ''));
    if (!parsed) return closeWith(ws, 'unknownRoom', metrics);
    let auth;
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    const epoch = options.revocationEpoch?.();
    try {
      auth = await authenticateOnce(token, parsed.workshopId);
    } catch (error) {
      log.error({ err: error }, 'authentication failed: database error');
      return closeWith(ws, 'storageUnavailable', metrics);
    }
    if (!auth.ok) return closeWith(ws, auth.failure, metrics);
    let room: DocRoom;
    try {
      room = await acquire(parsed);
    } catch {
      return closeWith(ws, 'storageUnavailable', metrics);
    }
    if (gone || closing) return;
    if (epoch !== options.revocationEpoch?.()) {
      // A session or seat was revoked while this connection was being opened: read it again.
      const again = await authenticate({ db, token, workshopId: parsed.workshopId, now: new Date() }).catch(
        () => undefined,
      );
      if (!again) return closeWith(ws, 'storageUnavailable', metrics);
      if (!again.ok) return closeWith(ws, again.failure, metrics);
      auth = again;
      if (gone || closing) return;
    }
    const connection = new YjsConnection(ws, room, auth.identity, {
      log,
      limits,
      metrics,
      personBudget: personBudget(auth.identity.userId),
    });
    state.connection = connection;
    connections.add(connection);
    room.addPeer(connection);
    connection.start();
    for (const bytes of queue.splice(0)) connection.handle(bytes);
  }

  return {
    rooms,
    async change({ room: parsed, build, writer, after }) {
      if (closing) throw new Error('the realtime server is closing');
      const room = await acquire(parsed);
      room.retain();
      try {
        const { verdict, result } = await room.change({ build, writer });
        const readBack = verdict === 'applied' && (after?.(room.doc) ?? true);
        return { verdict, result, readBack };
      } finally {
        room.release();
      }
    },
    handleUpgrade(req, socket, head, roomPath) {
      wss.handleUpgrade(req, socket, head, (ws) => {
        void onConnection(ws, req, roomPath).catch((error: unknown) => {
          log.error({ err: error }, 'yjs connection setup failed');
          ws.terminate();
        });
      });
    },
    recheck: async () => {
      await recheckConnections(connections, 'one by one');
    },
    async revoke(request) {
      const concerned = [...connections].filter((connection) =>
        concerns(request, {
          token: connection.identity.token,
          userId: connection.identity.userId,
          workshopId: connection.identity.workshop.id,
        }),
      );
      return recheckConnections(concerned, 'at once');
    },
    async close() {
      closing = true;
      clearInterval(peerSync);
      for (const connection of connections) connection.close('goingAway');
      for (const ws of wss.clients) ws.terminate();
      await Promise.allSettled([...loading.values()]);
      await Promise.allSettled([...rooms.values()].map((room) => room.unload()));
      await persister.stop().catch(() => {});
      wss.close();
    },
  };
}
