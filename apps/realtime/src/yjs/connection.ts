import { CLOSE_CODES, READ_ONLY_REASON, can, writeActionOf, type CloseCodeName } from '@atelier/domain';
import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import * as syncProtocol from 'y-protocols/sync';
import type WebSocket from 'ws';
import type { Identity } from '../auth/authenticate.ts';
import { TokenBucket } from '../auth/rate-limit.ts';
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

/**
 * One authenticated WebSocket in one room: reads y-websocket messages, enforces the
 * role (writes from read-only connections are dropped and the client is told), the
 * frame size and the message rate.
 */
export class YjsConnection implements RoomPeer {
  private readonly bucket: TokenBucket;
  private lastDenied = 0;
  private ended = false;
  canWrite: boolean;

  constructor(
    readonly ws: WebSocket,
    readonly room: DocRoom,
    public identity: Identity,
    private readonly deps: { log: Logger; limits: RealtimeLimits; metrics: Metrics },
  ) {
    this.bucket = new TokenBucket(deps.limits.maxMessagesPerSecond, deps.limits.maxMessagesPerSecond * 2);
    this.canWrite = this.computeCanWrite();
  }

  /** Sends sync step 1 and the current awareness, as the stock server does. */
  start(): void {
    this.send(syncStep1(this.room.doc));
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
    closeWith(this.ws, name, this.deps.metrics);
    this.room.removePeer(this);
  }

  /** The socket closed (either side): leave the room. */
  closed(): void {
    this.ended = true;
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
        } else if (
          syncType === syncProtocol.messageYjsSyncStep2 ||
          syncType === syncProtocol.messageYjsUpdate
        ) {
          this.write(decoding.readVarUint8Array(decoder));
        } else {
          this.refuse('malformedMessage', 'malformed');
        }
        return;
      }
      case MESSAGE_AWARENESS:
        this.room.receiveAwareness(decoding.readVarUint8Array(decoder), this);
        return;
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

  private write(update: Uint8Array): void {
    if (!this.canWrite) {
      if (isEmptyUpdate(update)) return;
      this.deps.metrics.refused('read-only');
      const now = performance.now();
      if (now - this.lastDenied > 1000) {
        this.lastDenied = now;
        this.send(permissionDenied(READ_ONLY_REASON));
      }
      return;
    }
    const verdict = this.room.receive(update, this);
    switch (verdict) {
      case 'applied':
        return;
      case 'too-large':
        return this.refuse('messageTooLarge', 'document-too-large');
      case 'malformed':
      case 'invalid':
        return this.refuse('malformedMessage', verdict);
      default: {
        const unreachable: never = verdict;
        return unreachable;
      }
    }
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
