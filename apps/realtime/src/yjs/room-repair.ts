import { yjsStore, type Db } from '@atelier/db';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Metrics } from '../metrics.ts';
import type { Fanout } from './fanout.ts';
import { decodePeerState, diffFor, differs, encodePeerState } from './peer-sync.ts';

/** The least time between two catch-ups of one room from the database. */
const CATCH_UP_INTERVAL_MS = 1000;

/**
 * How a room finds and repairs a gap with the database and the other instances: its state
 * (digest and state vector, see peer-sync.ts) published after loading, after a lost
 * connection to Redis and periodically after changes; the others answer with the updates
 * it lacks and say what they lack; and a catch-up from the database when an update depends
 * on changes the room does not have.
 */
export class RoomRepair {
  private changed = false;
  private catchUp: { running?: Promise<void>; again: boolean; last: number; timer?: NodeJS.Timeout } = {
    again: false,
    last: -Infinity,
  };

  constructor(
    private readonly room: {
      name: string;
      doc: Y.Doc;
      closed(): boolean;
      /** Applies changes read from the database (already stored) and broadcasts them. */
      applyFromStorage(update: Uint8Array): void;
      /** The room caught up: held-back connections may be asked again. */
      caughtUp(): void;
      /** Another instance loaded the room: publish every awareness state. */
      publishAwareness(): void;
    },
    private readonly deps: { db: Db; log: Logger; metrics: Metrics; fanout: Fanout | undefined },
  ) {}

  /** The document changed: its state goes to the other instances at the next tick. */
  noteChange(): void {
    this.changed = true;
  }

  /** The periodic peer sync: a room that changed since it last published its state publishes it. */
  tick(): void {
    if (this.changed) this.publishState('query');
  }

  /**
   * Publishes the room's state: `query` asks the other instances to send what this lacks
   * and to say what they lack; `sync` only asks.
   */
  publishState(kind: 'query' | 'sync'): void {
    if (!this.deps.fanout || this.room.closed()) return;
    this.changed = false;
    this.deps.fanout.publish(this.room.name, { kind, payload: encodePeerState(this.room.doc) });
  }

  /** Another instance's state: send it what it lacks; a query is also answered with our state. */
  onPeerState(kind: 'query' | 'sync', payload: Uint8Array): void {
    const peer = decodePeerState(payload);
    if (kind === 'query') this.room.publishAwareness();
    if (!differs(this.room.doc, peer)) return;
    this.deps.fanout?.publish(this.room.name, { kind: 'update', payload: diffFor(this.room.doc, peer) });
    if (kind === 'query') this.publishState('sync');
  }

  /**
   * Reads the document again from the database and asks the other instances, to fetch what
   * an update depends on (instead of holding it back forever) or what a lost fan-out
   * message carried. At most one a second per room; then held-back connections are asked
   * for their state again.
   */
  requestCatchUp(): void {
    if (this.room.closed()) return;
    if (this.catchUp.running) {
      this.catchUp.again = true;
      return;
    }
    const wait = this.catchUp.last + CATCH_UP_INTERVAL_MS - performance.now();
    if (wait > 0) {
      this.catchUp.timer ??= setTimeout(() => {
        this.catchUp.timer = undefined;
        this.requestCatchUp();
      }, wait);
      this.catchUp.timer.unref();
      return;
    }
    this.catchUp.again = false;
    this.catchUp.last = performance.now();
    this.deps.metrics.catchUps++;
    this.publishState('query');
    this.catchUp.running = (async () => {
      const stored = await yjsStore.load(this.deps.db.sql, { docName: this.room.name });
      if (this.room.closed()) return;
      const copy = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(copy, stored.snapshot.state);
      for (const row of stored.updates) Y.applyUpdate(copy, row.update);
      const missing = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(this.room.doc));
      copy.destroy();
      this.room.applyFromStorage(missing);
    })()
      .catch((error: unknown) =>
        this.deps.log.warn({ room: this.room.name, err: error }, 'catching up failed'),
      )
      .finally(() => {
        this.catchUp.running = undefined;
        this.room.caughtUp();
        if (this.catchUp.again) this.requestCatchUp();
      });
  }

  /** Stops the timers and waits for a running catch-up. */
  async stop(): Promise<void> {
    clearTimeout(this.catchUp.timer);
    await this.catchUp.running;
  }
}
