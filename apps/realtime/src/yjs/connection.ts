import {
  CLOSE_CODES,
  HELD_BACK_REASON,
  READ_ONLY_REASON,
  can,
  writeActionOf,
  type CloseCodeName,
  type ContentWriter,
} from '@atelier/domain';
import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import { writerOf, type Identity } from '../auth/authenticate.ts';
import { TokenBucket, WriteBudget } from '../auth/rate-limit.ts';
import type { RealtimeLimits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import {
  MESSAGE_AUTH,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
  awarenessStatesMessage,
  isEmptyUpdate,
  permissionDenied,
  syncStep1,
  syncStep2,
} from './messages.ts';
import type { DocRoom, RoomPeer } from './room.ts';

/** Closes a WebSocket with one of the named codes. */
export function closeWith(ws: WebSocket, name: CloseCodeName, metrics?: Metrics): void {
  const { code, reason } = CLOSE_CODES[name];
  metrics?.closed(code);
  if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(code, reason);
}

/** First and longest wait before asking a held-back client for its state again. */
const RESYNC_FIRST_MS = 1000;
const RESYNC_MAX_MS = 30_000;

/**
 * One authenticated WebSocket in one room: reads y-websocket messages, enforces the
 * role (writes from read-only connections are dropped and the client is told), the
 * write rules of its seat, the frame size and the message rate.
 *
 * An update the server cannot take from this writer now is held back rather than
 * fatal in two cases: it depends on changes the server lacks (`incomplete`), or it is
 * the client's answer to the server's sync step 1 and carries someone else's changes
 * that this writer may not make. Clients hold only stored changes (see DocRoom), so
 * the room catches up (database, other instances) and the client is asked for its
 * state again at once. The client is told once (`HELD_BACK_REASON`); the connection
 * ignores its updates until an answer to a sync step 1 is accepted, asking again after
 * the catch-up, then after 1 s, doubling up to 30 s. Any other refused update closes
 * the connection with 4400.
 */
export class YjsConnection implements RoomPeer {
  private readonly bucket: TokenBucket;
  private lastDenied = 0;
  private ended = false;
  /** Sync step 1 messages sent that the client has not answered yet. */
  private unansweredStep1 = 0;
  private heldBack = false;
  /** Held back, and the room is catching up for it: ask the client again as soon as it has. */
  private awaitingCatchUp = false;
  /** A catch-up was asked for during this held-back spell. */
  private caughtUpOnce = false;
  private resyncDelay = RESYNC_FIRST_MS;
  private resyncTimer: NodeJS.Timeout | undefined;
  canWrite: boolean;

  private readonly budget: WriteBudget;

  constructor(
    readonly ws: WebSocket,
    readonly room: DocRoom,
    public identity: Identity,
    private readonly deps: {
      log: Logger;
      limits: RealtimeLimits;
      metrics: Metrics;
      /** What the person may still write this minute over all their connections here. */
      personBudget: WriteBudget;
    },
  ) {
    this.bucket = new TokenBucket(deps.limits.maxMessagesPerSecond, deps.limits.maxMessagesPerSecond * 2);
    this.budget = new WriteBudget({
      bytesPerMinute: deps.limits.maxWriteBytesPerMinute,
      updatesPerMinute: deps.limits.maxWritesPerMinute,
    });
    this.canWrite = this.computeCanWrite();
  }

  /** Sends sync step 1 and the current awareness, as the stock server does. */
  start(): void {
    this.requestState();
    const awareness = awarenessStatesMessage(this.room.awareness);
    if (awareness) this.send(awareness);
  }

  /** Takes a new view of the person's session and seat (periodic re-check). */
  refresh(identity: Identity): void {
    this.identity = identity;
    this.canWrite = this.computeCanWrite();
  }

  send(message: Uint8Array): void {
    if (this.ended || this.ws.readyState !== this.ws.OPEN) return;
    this.ws.send(message, (error) => {
      if (error) this.close('goingAway');
    });
  }

  close(name: CloseCodeName): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.resyncTimer);
    closeWith(this.ws, name, this.deps.metrics);
    this.room.removePeer(this);
  }

  /** The socket closed (either side): leave the room. */
  closed(): void {
    this.ended = true;
    clearTimeout(this.resyncTimer);
    this.room.removePeer(this);
  }

  handle(data: Uint8Array): void {
    if (this.ended) return;
    if (data.byteLength > this.deps.limits.maxMessageBytes)
      return this.refuse('messageTooLarge', 'too-large');
    if (!this.bucket.take()) return this.refuse('tooManyMessages', 'rate');
    try {
      this.dispatch(data);
    } catch {
      this.refuse('malformedMessage', 'malformed');
    }
  }

  private dispatch(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          this.send(syncStep2(this.room.doc, decoding.readVarUint8Array(decoder)));
        } else if (syncType === syncProtocol.messageYjsSyncStep2) {
          const answer = this.unansweredStep1 > 0;
          if (answer) this.unansweredStep1--;
          this.write(decoding.readVarUint8Array(decoder), answer);
        } else if (syncType === syncProtocol.messageYjsUpdate) {
          this.write(decoding.readVarUint8Array(decoder), false);
        } else {
          this.refuse('malformedMessage', 'malformed');
        }
        return;
      }
      case MESSAGE_AWARENESS: {
        const dropped = this.room.presence.receive(
          decoding.readVarUint8Array(decoder),
          this,
          this.identity.userId,
        );
        if (dropped > 0) this.deps.metrics.refused('awareness');
        return;
      }
      case MESSAGE_QUERY_AWARENESS: {
        const awareness = awarenessStatesMessage(this.room.awareness);
        if (awareness) this.send(awareness);
        return;
      }
      case MESSAGE_AUTH:
        return;
      default:
        this.refuse('malformedMessage', 'malformed');
    }
  }

  private write(update: Uint8Array, answer: boolean): void {
    // Counted by what is received, whatever it changes: what an abuser's connection costs the server.
    const now = performance.now();
    if (!this.budget.spend(update.length, now) || !this.deps.personBudget.spend(update.length, now)) {
      return this.refuse('tooManyMessages', 'write-budget');
    }
    if (!this.canWrite) {
      if (isEmptyUpdate(update)) return;
      this.deps.metrics.refused('read-only');
      if (now - this.lastDenied > 1000) {
        this.lastDenied = now;
        this.send(permissionDenied(READ_ONLY_REASON));
      }
      return;
    }
    if (this.heldBack && !answer) {
      // Its answer to the next sync step 1 carries this update too.
      this.deps.metrics.refused('held-back');
      return;
    }
    const verdict = this.room.receive(update, this, this.writer());
    switch (verdict) {
      case 'applied':
        if (answer) {
          this.heldBack = false;
          this.awaitingCatchUp = false;
          this.caughtUpOnce = false;
          this.resyncDelay = RESYNC_FIRST_MS;
        }
        return;
      case 'too-large':
        return this.refuse('messageTooLarge', 'document-too-large');
      case 'incomplete':
        // A provider that edits while it reconnects sends an edit that follows its offline
        // ones before its answer to our sync step 1, which carries both: no catch-up needed.
        return this.holdBack(verdict, { catchUp: answer || this.unansweredStep1 === 0 });
      case 'forbidden':
        return answer ? this.holdBack(verdict, { catchUp: true }) : this.refuse('malformedMessage', verdict);
      case 'invalid':
      case 'malformed':
        return this.refuse('malformedMessage', verdict);
      default: {
        const unreachable: never = verdict;
        return unreachable;
      }
    }
  }

  /** Ignores this connection's updates until its answer to a later sync step 1 is accepted. */
  private holdBack(reason: string, options: { catchUp: boolean }): void {
    this.deps.metrics.refused(`held-back-${reason}`);
    this.deps.log.info(
      { room: this.room.name, userId: this.identity.userId, reason },
      'yjs update held back; asking the client for its state again later',
    );
    if (!this.heldBack) {
      this.send(permissionDenied(HELD_BACK_REASON));
      this.heldBack = true;
    }
    if (options.catchUp && !this.caughtUpOnce) {
      // Fetch what the update depends on (stored, or on its way from another instance), then ask
      // again at once; later attempts follow the back-off (once per held-back spell: what no
      // catch-up brings was never stored).
      this.caughtUpOnce = true;
      this.awaitingCatchUp = true;
      this.room.requestCatchUp();
    }
    if (this.resyncTimer) return;
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = undefined;
      if (!this.heldBack || this.ended) return;
      this.resyncDelay = Math.min(this.resyncDelay * 2, RESYNC_MAX_MS);
      this.requestState();
    }, this.resyncDelay);
    this.resyncTimer.unref();
  }

  /** The room caught up with storage and the other instances: a held-back client is asked again at once. */
  caughtUp(): void {
    if (!this.awaitingCatchUp || !this.heldBack || this.ended) return;
    this.awaitingCatchUp = false;
    clearTimeout(this.resyncTimer);
    this.resyncTimer = undefined;
    this.requestState();
  }

  private requestState(): void {
    this.unansweredStep1++;
    this.send(syncStep1(this.room.doc));
  }

  /** The writer the content rules see (without a seat, nothing passes them). */
  private writer(): ContentWriter {
    return writerOf(this.identity.userId, this.identity.workshop);
  }

  private refuse(name: CloseCodeName, reason: string): void {
    this.deps.metrics.refused(reason);
    this.deps.log.info(
      { room: this.room.name, userId: this.identity.userId, reason },
      'yjs connection refused a message',
    );
    this.close(name);
  }

  private computeCanWrite(): boolean {
    return can(this.identity.actor, writeActionOf(this.room.room.kind), this.identity.workshop);
  }
}
