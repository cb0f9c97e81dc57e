import { yjsStore, type Db } from '@atelier/db';
import {
  checkTransaction,
  defineDocument,
  readSettings,
  type ContentWriter,
  type ParsedRoom,
  type RuleViolation,
  type WriteRuleSettings,
} from '@atelier/domain';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { RealtimeLimits } from '../config.ts';
import type { Metrics } from '../metrics.ts';
import type { Fanout, FanoutMessage } from './fanout.ts';
import type { Persister } from './persistence.ts';
import { updateMessage } from './messages.ts';
import { RoomAwareness } from './room-awareness.ts';
import { RoomRepair } from './room-repair.ts';

/** A local connection to a room: something the room can send messages to. */
export interface RoomPeer {
  send(message: Uint8Array): void;
  /** The room caught up with the database and the other instances: a held-back client may be asked again. */
  caughtUp?(): void;
}

/** Origin of changes that came from another instance through Redis: stored there, broadcast here. */
export const FROM_FANOUT = Symbol('fanout');
/** Origin of changes read back from the database (a catch-up): broadcast, not stored again. */
export const FROM_STORAGE = Symbol('storage');
/** Origin of the server's own changes (`DocRoom.change`): no connection wrote them, every one gets them. */
const FROM_SERVER: RoomPeer = { send: () => {} };

/**
 * `invalid`: refused by the document schema; `forbidden`: valid, but refused by the
 * write rules of the writer's seat; `incomplete`: depends on changes the server does
 * not have yet (Yjs would keep it pending, to integrate it later under someone else's
 * update), so it is refused too; `too-large`: the document would be above its size
 * limit, measured by what it would store.
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
 * One Yjs document in memory, with its connections.
 *
 * An update is acknowledged (sent to anyone but its author) only once it is stored. A
 * writer's update is checked on a scratch copy (the shadow); if it passes, what it changes
 * (its effect, re-encoded by Yjs: nothing for an update that changes nothing) is appended
 * to yjs_updates; once the row is committed it is applied to the document, broadcast to
 * the room and published to the other instances. So `doc` holds only stored changes (ours
 * and the other instances'), and `shadow` holds `doc` plus the updates being stored: a
 * crash loses only updates nobody but their author has seen, and the author's provider
 * offers them again when it reconnects.
 */
export class DocRoom {
  readonly doc = new Y.Doc();
  readonly presence: RoomAwareness;
  readonly peers = new Set<RoomPeer>();
  /** The room is leaving memory; a new connection waits for this, then loads it again. */
  unloading: Promise<void> | undefined;
  private shadow = new Y.Doc();
  /** Accepted updates (their effect) being stored, in order; applied to `doc` from the head once stored. */
  private readonly unstored: { update: Uint8Array; origin: RoomPeer; stored: boolean }[] = [];
  private unloadTimer: NodeJS.Timeout | undefined;
  private chain: Promise<unknown> = Promise.resolve();
  private logRows = 0;
  private compacting = false;
  /** The size of the document as stored (its state encoded), kept as an upper estimate between measurements. */
  private bytes = 0;
  private closed = false;
  private holders = 0;
  private cachedSettings: WriteRuleSettings | undefined;
  private readonly repair: RoomRepair;

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
    this.repair = new RoomRepair(
      {
        name: room.name,
        doc: this.doc,
        closed: () => this.closed,
        applyFromStorage: (update) => this.applyStored(update, FROM_STORAGE),
        caughtUp: () => {
          for (const peer of this.peers) peer.caughtUp?.();
        },
        publishAwareness: () => this.presence.publishAll(),
      },
      deps,
    );
    this.presence = new RoomAwareness({
      doc: this.doc,
      peers: this.peers,
      publish: (payload) => this.deps.fanout?.publish(this.name, { kind: 'awareness', payload }),
    });
  }

  get name(): string {
    return this.room.name;
  }

  /** The awareness of the room (who is here). */
  get awareness() {
    return this.presence.awareness;
  }

  /**
   * Loads the document: subscribe to the other instances first (so nothing they publish
   * during the load is missed: they publish only what is stored), then the last snapshot
   * and the log's tail; then ask the other instances for what they have and this lacks.
   * Throws when storage fails: the caller must then refuse connections, never serve an
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
      defineDocument(this.doc, this.room.kind);
      this.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot.state);
        for (const row of stored.updates) Y.applyUpdate(this.doc, row.update);
      }, FROM_STORAGE);
      this.bytes = Y.encodeStateAsUpdate(this.doc).length;
      this.logRows = stored.updates.length;
      this.rebuildShadow();
    } catch (error) {
      await this.deps.fanout?.leave(this.name);
      throw error;
    }
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onUpdate(update, origin));
    this.presence.start();
    loaded = true;
    for (const message of early) this.onFanout(message);
    this.repair.publishState('query');
    this.deps.metrics.roomsLoaded++;
  }

  /**
   * Takes a writer's update if it decodes, applies cleanly to the scratch copy, passes the
   * document's schema and the writer's rules and keeps the document within its size;
   * otherwise leaves everything untouched. What it changes is stored, then applied and
   * broadcast (see the class). An update that changes nothing is taken and costs nothing.
   *
   * @param onStored - called once an `applied` update is stored and applied (at once when it changes nothing)
   */
  receive(
    update: Uint8Array,
    origin: RoomPeer,
    writer?: ContentWriter,
    onStored?: () => void,
  ): UpdateVerdict {
    const settings = writer && this.deps.settings ? this.deps.settings() : undefined;
    const store = this.shadow.store;
    const before = { structs: store.pendingStructs?.update, ds: store.pendingDs };
    const tried = this.tryOnShadow(update, writer, settings);
    if (tried.verdict !== 'applied') return tried.verdict;
    const pendingGrew =
      (store.pendingStructs !== null && store.pendingStructs.update !== before.structs) ||
      (store.pendingDs !== null && store.pendingDs !== before.ds);
    if (pendingGrew) {
      // Nothing integrated and nothing was pending: dropping what Yjs kept restores the scratch copy.
      if (!tried.effect && before.structs === undefined && before.ds === null) {
        store.pendingStructs = store.pendingDs = null;
      } else {
        this.rebuildShadow();
      }
      return 'incomplete';
    }
    const effect = tried.effect;
    if (!effect) {
      onStored?.();
      return 'applied';
    }
    if (this.bytes + effect.length > this.deps.limits.maxDocumentBytes) {
      // The estimate only grows (deletions shrink what is stored): measure before refusing.
      const measured = Y.encodeStateAsUpdate(this.shadow).length;
      if (measured > this.deps.limits.maxDocumentBytes) {
        this.rebuildShadow();
        return 'too-large';
      }
      this.bytes = measured;
    } else {
      this.bytes += effect.length;
    }
    const entry = { update: effect, origin, stored: false };
    this.unstored.push(entry);
    this.deps.persister.enqueue(this.name, effect, (row) => {
      entry.stored = true;
      if (row) this.logRows++;
      this.releaseStored();
      onStored?.();
    });
    return 'applied';
  }

  /**
   * A change the server makes itself (the web server's internal requests, `POST
   * /internal/docs/apply`). `build` runs in one transaction on a copy of the document as it will
   * be once what is being stored is, so it sees every accepted edit and overwrites none (it
   * changes entries, not the document); what it changed then goes the way of a writer's update
   * (`receive`: schema, the writer's rules, size; stored, then applied, sent to every connection
   * and published to the other instances). Resolves once stored, with what `build` returned.
   *
   * @param options.writer - whose write rules apply (content rooms); none: the schema only
   */
  change<T>(options: {
    build: (doc: Y.Doc) => T;
    writer?: ContentWriter;
  }): Promise<{ verdict: UpdateVerdict; result: T }> {
    if (this.closed) return Promise.reject(new Error(`room ${this.name} is unloaded`));
    const scratch = new Y.Doc();
    const updates: Uint8Array[] = [];
    let result: T;
    try {
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.shadow));
      scratch.on('update', (update: Uint8Array) => updates.push(update));
      result = scratch.transact(() => options.build(scratch));
    } finally {
      scratch.destroy();
    }
    const [first] = updates;
    if (!first) return Promise.resolve({ verdict: 'applied', result });
    const update = updates.length === 1 ? first : Y.mergeUpdates(updates);
    return new Promise((resolve) => {
      const verdict = this.receive(update, FROM_SERVER, options.writer, () =>
        resolve({ verdict: 'applied', result }),
      );
      if (verdict !== 'applied') resolve({ verdict, result });
    });
  }

  /** Applies an update on the shadow, collecting rule violations and what it changed. */
  private tryOnShadow(
    update: Uint8Array,
    writer: ContentWriter | undefined,
    settings: WriteRuleSettings | undefined,
  ): { verdict: UpdateVerdict; effect?: Uint8Array } {
    let violations: RuleViolation[] = [];
    const effects: Uint8Array[] = [];
    const check = (transaction: Y.Transaction) => {
      violations = checkTransaction({
        doc: this.shadow,
        kind: this.room.kind,
        transaction,
        writer,
        settings,
      });
    };
    const collect = (effect: Uint8Array) => effects.push(effect);
    this.shadow.on('afterTransaction', check);
    this.shadow.on('update', collect);
    try {
      Y.applyUpdate(this.shadow, update);
    } catch {
      this.rebuildShadow();
      return { verdict: 'malformed' };
    } finally {
      this.shadow.off('afterTransaction', check);
      this.shadow.off('update', collect);
    }
    if (violations.length > 0) {
      this.deps.log.debug({ room: this.name, violations }, 'update refused by the document rules');
      this.rebuildShadow();
      return {
        verdict: violations.every((violation) => violation.rule === 'write') ? 'forbidden' : 'invalid',
      };
    }
    const effect =
      effects.length === 0 ? undefined : effects.length === 1 ? effects[0] : Y.mergeUpdates(effects);
    return { verdict: 'applied', effect };
  }

  /** Applies the stored head of the queue to the document, in the order the updates were accepted. */
  private releaseStored(): void {
    while (this.unstored[0]?.stored) {
      const entry = this.unstored.shift()!;
      if (this.closed) continue;
      try {
        Y.applyUpdate(this.doc, entry.update, entry.origin);
      } catch (error) {
        this.deps.log.error({ room: this.name, err: error }, 'a stored update failed on the document');
      }
      // Published even if a catch-up brought it to the document first: the other instances take it from Redis.
      this.deps.fanout?.publish(this.name, { kind: 'update', payload: entry.update });
    }
    if (this.logRows >= this.deps.limits.compactAfter && !this.closed && !this.compacting) {
      void this.compact().catch(() => {});
    }
  }

  /**
   * Applies changes that are already stored (another instance's, or read back from the
   * database) to the document and the shadow, and broadcasts them here. Changes whose
   * dependencies are missing make the room catch up.
   */
  private applyStored(update: Uint8Array, origin: typeof FROM_FANOUT | typeof FROM_STORAGE): void {
    const tried = this.tryOnShadow(update, undefined, undefined);
    if (tried.verdict !== 'applied') {
      this.deps.log.warn(
        { room: this.name, verdict: tried.verdict, origin: String(origin) },
        'stored update refused',
      );
      return;
    }
    if (tried.effect) this.bytes += tried.effect.length;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (error) {
      this.deps.log.error({ room: this.name, err: error }, 'a stored update failed on the document');
      this.rebuildShadow();
    }
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) this.requestCatchUp();
  }

  /** See RoomRepair.requestCatchUp. */
  requestCatchUp(): void {
    this.repair.requestCatchUp();
  }

  /** The periodic peer sync (see RoomRepair.tick). */
  peerSyncTick(): void {
    this.repair.tick();
  }

  addPeer(peer: RoomPeer): void {
    clearTimeout(this.unloadTimer);
    this.unloadTimer = undefined;
    this.peers.add(peer);
    this.presence.addPeer(peer);
  }

  removePeer(peer: RoomPeer): void {
    if (!this.peers.delete(peer)) return;
    this.presence.removePeer(peer);
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
      clearTimeout(this.unloadTimer);
      try {
        await this.flush();
        this.closed = true;
        if (this.logRows > 0) await this.compact();
      } catch (error) {
        this.deps.log.error({ room: this.name, err: error }, 'storing a document before unloading it failed');
      }
      this.closed = true;
      await this.repair.stop();
      await this.deps.fanout?.leave(this.name).catch(() => {});
      this.presence.destroy();
      this.doc.destroy();
      this.shadow.destroy();
      this.deps.metrics.roomsLoaded--;
      this.deps.onUnloaded(this);
    })();
    return this.unloading;
  }

  /** The shadow again from the document and the updates being stored. */
  private rebuildShadow(): void {
    this.shadow.destroy();
    this.shadow = new Y.Doc();
    defineDocument(this.shadow, this.room.kind);
    Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
    for (const entry of this.unstored) Y.applyUpdate(this.shadow, entry.update);
  }

  private onUpdate(update: Uint8Array, origin: unknown): void {
    this.cachedSettings = undefined;
    this.repair.noteChange();
    this.deps.metrics.updatesAccepted++;
    const message = updateMessage(update);
    for (const peer of this.peers) if (peer !== origin) peer.send(message);
  }

  private onFanout(message: FanoutMessage): void {
    if (this.closed) return;
    try {
      switch (message.kind) {
        case 'update':
          this.applyStored(message.payload, FROM_FANOUT);
          return;
        case 'awareness':
          this.presence.applyFromFanout(message.payload);
          return;
        case 'query':
        case 'sync':
          this.repair.onPeerState(message.kind, message.payload);
          return;
        default: {
          const unreachable: never = message.kind;
          return unreachable;
        }
      }
    } catch (error) {
      this.deps.log.warn({ room: this.name, err: error }, 'malformed message from another instance');
    }
  }
}
