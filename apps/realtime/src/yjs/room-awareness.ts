import { checkAwarenessState } from '@atelier/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { awarenessMessage } from './messages.ts';

/** A local connection, as awareness sees it. */
interface Peer {
  send(message: Uint8Array): void;
}

/** Origin of awareness states that came from another instance. */
const FROM_FANOUT = Symbol('fanout');
/** Origin of awareness removals done by the room itself when a peer leaves. */
const FROM_CLEANUP = Symbol('cleanup');

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * Who is in a room and what they edit (y-protocols awareness), checked: a state is
 * relayed only if it passes the awareness schema, speaks for the connected person and
 * belongs to a client id no other connection controls.
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly controlledBy = new Map<Peer, Set<number>>();

  constructor(
    private readonly deps: {
      doc: Y.Doc;
      peers: ReadonlySet<Peer>;
      /** Publishes an awareness update to the other instances. */
      publish: (update: Uint8Array) => void;
    },
  ) {
    this.awareness = new awarenessProtocol.Awareness(deps.doc);
    this.awareness.setLocalState(null);
  }

  /** Starts relaying changes (once the document is loaded). */
  start(): void {
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => this.onChange(change, origin));
  }

  addPeer(peer: Peer): void {
    this.controlledBy.set(peer, new Set());
  }

  /** Removes the states a leaving connection controlled. */
  removePeer(peer: Peer): void {
    const controlled = this.controlledBy.get(peer);
    this.controlledBy.delete(peer);
    if (controlled && controlled.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], FROM_CLEANUP);
    }
  }

  /**
   * Applies an awareness update from a peer, keeping only the states that pass the
   * awareness schema and speak for the peer's person, for client ids no other peer
   * controls; `null` (leaving) always passes. States that would change nothing (the
   * echoes providers send back) are skipped before any parsing. Throws on an
   * undecodable update.
   *
   * @returns how many states were dropped
   */
  receive(update: Uint8Array, origin: Peer, userId: string): number {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: { clientId: number; clock: number; json: string }[] = [];
    let dropped = 0;
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      // Providers send back every state they receive: an echo changes nothing, skip it unchecked.
      if (!this.changes(clientId, clock, json)) continue;
      if (this.controlledByAnother(clientId, origin)) {
        dropped++;
        continue;
      }
      if (checkAwarenessState({ json, userId }).ok) kept.push({ clientId, clock, json });
      else dropped++;
    }
    if (kept.length > 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, kept.length);
      for (const state of kept) {
        encoding.writeVarUint(encoder, state.clientId);
        encoding.writeVarUint(encoder, state.clock);
        encoding.writeVarString(encoder, state.json);
      }
      awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), origin);
    }
    return dropped;
  }

  /** States another instance relayed (it checked them). */
  applyFromFanout(update: Uint8Array): void {
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, FROM_FANOUT);
  }

  /** Publishes every state known here (an instance that just loaded the room asked). */
  publishAll(): void {
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.deps.publish(awarenessProtocol.encodeAwarenessUpdate(this.awareness, states));
  }

  destroy(): void {
    this.awareness.destroy();
  }

  /** Whether y-protocols would apply this state (a newer clock, or a removal at the same clock). */
  private changes(clientId: number, clock: number, json: string): boolean {
    const current = this.awareness.meta.get(clientId)?.clock ?? 0;
    return current < clock || (current === clock && json === 'null' && this.awareness.states.has(clientId));
  }

  private controlledByAnother(clientId: number, peer: Peer): boolean {
    if (this.controlledBy.get(peer)?.has(clientId)) return false;
    for (const [other, ids] of this.controlledBy) if (other !== peer && ids.has(clientId)) return true;
    return false;
  }

  private onChange(change: AwarenessChange, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const controlled = this.controlledBy.get(origin as Peer);
    if (controlled) {
      for (const id of [...change.added, ...change.updated]) controlled.add(id);
      for (const id of change.removed) controlled.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = awarenessMessage(update);
    for (const peer of this.deps.peers) peer.send(message);
    if (origin !== FROM_FANOUT) this.deps.publish(update);
  }
}
