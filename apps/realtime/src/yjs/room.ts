import { yjsStore, type Db } from '@atelier/db';
import {
  checkAwarenessState,
  checkTransaction,
  defineDocument,
  readSettings,
  type ContentWriter,
  type ParsedRoom,
  type RuleViolation,
  type WriteRuleSettings,
} from '@atelier/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RealtimeLimits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout, FanoutMessage } from './fanout.ts';
import type { Persister } from './persistence.ts';
import { awarenessMessage, updateMessage } from './messages.ts';

/** A local connection to a room: something the room can send messages to. */
export interface RoomPeer {
  send(message: Uint8Array): void;
}

/** Origin of changes that came from another instance through Redis: broadcast, not stored again. */
export const FROM_FANOUT = Symbol('fanout');
/** Origin of awareness removals done by the room itself when a peer leaves. */
const FROM_CLEANUP = Symbol('cleanup');

/**
 * `invalid`: refused by the document schema; `forbidden`: valid, but refused by the
 * write rules of the writer's seat; `incomplete`: depends on changes the server does
 * not have yet (Yjs would keep it pending, to integrate it later under someone else's
 * update), so it is refused too.
 */
export type UpdateVerdict = 'applied' | 'malformed' | 'invalid' | 'forbidden' | 'incomplete' | 'too-large';

/** Builds a snapshot: every update applied to one document, re-encoded (deleted content collected). */
function mergeToState(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * One Yjs document in memory, with its connections. Updates are checked on a
 * scratch copy (the shadow) before they touch the document; accepted local updates
 * are broadcast, fanned out to other instances and appended to yjs_updates within
 * `flushMs`.
 */
export class DocRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly peers = new Set<RoomPeer>();
  /** The room is leaving memory; a new connection waits for this, then loads it again. */
  unloading: Promise<void> | undefined;
  private shadow = new Y.Doc();
  private readonly awarenessOf = new Map<RoomPeer, Set<number>>();
  private unloadTimer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private logRows = 0;
  private compacting = false;
  private bytes = 0;
  private closed = false;
  private holders = 0;
  private cachedSettings: WriteRuleSettings | undefined;

  constructor(
    readonly room: ParsedRoom,
    private readonly deps: {
      db: Db;
      log: Logger;
      limits: RealtimeLimits;
      metrics: Metrics;
      fanout: Fanout | undefined;
      persister: Persister;
      onUnloaded: (room: DocRoom) => void;
      /** The workshop's facilitation settings, read by the write rules of a `content` room. */
      settings?: () => WriteRuleSettings;
    },
  ) {
    this.awareness.setLocalState(null);
  }

  get name(): string {
    return this.room.name;
  }

  /**
   * Loads the document: subscribe to the other instances first (so nothing they send
   * during the load is missed), then the last snapshot and the log's tail. Throws
   * when storage fails: the caller must then refuse connections, never serve an
   * empty document.
   */
  async load(): Promise<void> {
    const early: FanoutMessage[] = [];
    let loaded = false;
    await this.deps.fanout?.join(this.name, (message) => {
      if (loaded) this.onFanout(message);
      else early.push(message);
    });
    try {
      const stored = await yjsStore.load(this.deps.db.sql, { docName: this.name });
      const parts = [
        ...(stored.snapshot ? [stored.snapshot.state] : []),
        ...stored.updates.map((row) => row.update),
      ];
      defineDocument(this.doc, this.room.kind);
      this.doc.transact(() => {
        for (const part of parts) Y.applyUpdate(this.doc, part);
      }, FROM_FANOUT);
      this.bytes = parts.reduce((sum, part) => sum + part.length, 0);
      this.logRows = stored.updates.length;
      this.rebuildShadow();
    } catch (error) {
      await this.deps.fanout?.leave(this.name);
      throw error;
    }
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.onAwareness(change, origin),
    );
    loaded = true;
    for (const message of early) this.onFanout(message);
    this.deps.fanout?.publish(this.name, { kind: 'query', payload: Y.encodeStateVector(this.doc) });
    this.deps.metrics.roomsLoaded++;
  }

  /**
   * Applies an update if it decodes, applies cleanly to the scratch copy and keeps
   * the document within its schema and size; otherwise leaves the document untouched.
   */
  receive(update: Uint8Array, origin: RoomPeer | typeof FROM_FANOUT, writer?: ContentWriter): UpdateVerdict {
    if (this.bytes + update.length > this.deps.limits.maxDocumentBytes) return 'too-large';
    let violations: RuleViolation[] = [];
    let integrated = false;
    const settings = writer && this.deps.settings ? this.deps.settings() : undefined;
    const check = (transaction: Y.Transaction) => {
      integrated ||= transaction.deleteSet.clients.size > 0 || changedState(transaction);
      violations = checkTransaction({
        doc: this.shadow,
        kind: this.room.kind,
        transaction,
        writer,
        settings,
      });
    };
    const store = this.shadow.store;
    const wasComplete = store.pendingStructs === null && store.pendingDs === null;
    this.shadow.on('afterTransaction', check);
    try {
      Y.applyUpdate(this.shadow, update);
    } catch {
      this.rebuildShadow();
      return 'malformed';
    } finally {
      this.shadow.off('afterTransaction', check);
    }
    if (violations.length > 0) {
      this.deps.log.debug({ room: this.name, violations }, 'update refused by the document rules');
      this.rebuildShadow();
      return violations.every((violation) => violation.rule === 'write') ? 'forbidden' : 'invalid';
    }
    if (writer && wasComplete && (store.pendingStructs !== null || store.pendingDs !== null)) {
      // Nothing integrated: dropping what Yjs kept pending restores the scratch copy.
      if (integrated) this.rebuildShadow();
      else store.pendingStructs = store.pendingDs = null;
      return 'incomplete';
    }
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      this.deps.log.error({ room: this.name, err: error }, 'an update that passed the scratch copy failed');
      this.rebuildShadow();
      return 'malformed';
    }
    this.bytes += update.length;
    return 'applied';
  }

  addPeer(peer: RoomPeer): void {
    clearTimeout(this.unloadTimer);
    this.unloadTimer = undefined;
    this.peers.add(peer);
    this.awarenessOf.set(peer, new Set());
  }

  removePeer(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    const controlled = this.awarenessOf.get(peer);
    this.awarenessOf.delete(peer);
    if (controlled && controlled.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], FROM_CLEANUP);
    }
    this.scheduleUnload();
  }

  /** Keeps the room in memory without a connection (a content room holds its facilitation room). */
  retain(): void {
    clearTimeout(this.unloadTimer);
    this.unloadTimer = undefined;
    this.holders++;
  }

  release(): void {
    this.holders = Math.max(0, this.holders - 1);
    this.scheduleUnload();
  }

  /** The facilitation settings of this (facilitation) document, read again after each change. */
  settings(): WriteRuleSettings {
    this.cachedSettings ??= readSettings(this.doc);
    return this.cachedSettings;
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
  receiveAwareness(update: Uint8Array, origin: RoomPeer, userId: string): number {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const kept: { clientId: number; clock: number; json: string }[] = [];
    let dropped = 0;
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      // Providers send back every state they receive: an echo changes nothing, skip it unchecked.
      if (!this.awarenessChanges(clientId, clock, json)) continue;
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

  /** Whether y-protocols would apply this state (a newer clock, or a removal at the same clock). */
  private awarenessChanges(clientId: number, clock: number, json: string): boolean {
    const current = this.awareness.meta.get(clientId)?.clock ?? 0;
    return current < clock || (current === clock && json === 'null' && this.awareness.states.has(clientId));
  }

  private controlledByAnother(clientId: number, peer: RoomPeer): boolean {
    if (this.awarenessOf.get(peer)?.has(clientId)) return false;
    for (const [other, ids] of this.awarenessOf) if (other !== peer && ids.has(clientId)) return true;
    return false;
  }

  private scheduleUnload(): void {
    if (this.peers.size > 0 || this.holders > 0 || this.closed || this.unloadTimer) return;
    this.unloadTimer = setTimeout(() => void this.unload(), this.deps.limits.idleUnloadMs);
    this.unloadTimer.unref();
  }

  /** Appends every pending update now (of every room: the persister batches them). */
  flush(): Promise<void> {
    return this.deps.persister.flush();
  }

  /** Folds the log into a snapshot. */
  compact(): Promise<void> {
    this.compacting = true;
    const next = this.chain.then(async () => {
      const folded = await yjsStore.compact(this.deps.db.sql, { docName: this.name, merge: mergeToState });
      this.logRows = Math.max(0, this.logRows - folded);
      this.deps.metrics.compactions++;
    });
    void next.then(
      () => (this.compacting = false),
      () => (this.compacting = false),
    );
    this.chain = next.catch((error: unknown) =>
      this.deps.log.error({ room: this.name, err: error }, 'compaction failed'),
    );
    return next;
  }

  /** Stores what is pending, compacts, and leaves memory. */
  unload(): Promise<void> {
    this.unloading ??= (async () => {
      this.closed = true;
      clearTimeout(this.unloadTimer);
      try {
        await this.flush();
        if (this.logRows > 0) await this.compact();
      } catch (error) {
        this.deps.log.error({ room: this.name, err: error }, 'storing a document before unloading it failed');
      }
      await this.deps.fanout?.leave(this.name).catch(() => {});
      this.awareness.destroy();
      this.doc.destroy();
      this.shadow.destroy();
      this.deps.metrics.roomsLoaded--;
      this.deps.onUnloaded(this);
    })();
    return this.unloading;
  }

  private rebuildShadow(): void {
    this.shadow.destroy();
    this.shadow = new Y.Doc();
    defineDocument(this.shadow, this.room.kind);
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.cachedSettings = undefined;
    this.deps.metrics.updatesAccepted++;
    const message = updateMessage(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
    if (origin === FROM_FANOUT) return;
    this.deps.fanout?.publish(this.name, { kind: 'update', payload: update });
    this.deps.persister.enqueue(this.name, update, this.onStored);
  }

  private onAwareness(change: AwarenessChange, origin: unknown): void {
    const changed = [...change.added, ...change.updated, ...change.removed];
    const controlled = this.awarenessOf.get(origin as RoomPeer);
    if (controlled) {
      for (const id of [...change.added, ...change.updated]) controlled.add(id);
      for (const id of change.removed) controlled.delete(id);
    }
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = awarenessMessage(update);
    for (const peer of this.peers) peer.send(message);
    if (origin !== FROM_FANOUT) this.deps.fanout?.publish(this.name, { kind: 'awareness', payload: update });
  }

  private onFanout(message: FanoutMessage): void {
    if (this.closed) return;
    try {
      switch (message.kind) {
        case 'update': {
          const verdict = this.receive(message.payload, FROM_FANOUT);
          if (verdict !== 'applied')
            this.deps.log.warn({ room: this.name, verdict }, 'update from another instance refused');
          return;
        }
        case 'awareness':
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.payload, FROM_FANOUT);
          return;
        case 'query': {
          // Another instance just loaded this document: send it what it lacks, which
          // may include updates not yet stored here.
          const diff = Y.encodeStateAsUpdate(this.doc, message.payload);
          if (diff.length > 2) this.deps.fanout?.publish(this.name, { kind: 'update', payload: diff });
          const states = [...this.awareness.getStates().keys()];
          if (states.length > 0) {
            this.deps.fanout?.publish(this.name, {
              kind: 'awareness',
              payload: awarenessProtocol.encodeAwarenessUpdate(this.awareness, states),
            });
          }
          return;
        }
        default: {
          const unreachable: never = message.kind;
          return unreachable;
        }
      }
    } catch (error) {
      this.deps.log.warn({ room: this.name, err: error }, 'malformed message from another instance');
    }
  }

  private readonly onStored = (): void => {
    this.logRows++;
    if (this.logRows >= this.deps.limits.compactAfter && !this.closed && !this.compacting) {
      void this.compact().catch(() => {});
    }
  };
}

function changedState(transaction: Y.Transaction): boolean {
  for (const [client, clock] of transaction.afterState) {
    if ((transaction.beforeState.get(client) ?? 0) !== clock) return true;
  }
  return false;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
