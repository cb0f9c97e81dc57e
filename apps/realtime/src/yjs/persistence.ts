import { yjsStore, type Db } from '@atelier/db';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Metrics } from '../metrics.ts';

interface Pending {
  docName: string;
  update: Uint8Array;
  at: number;
  /** `row`: this update's document got a new row in this append (the first of its batch). */
  stored: (row: boolean) => void;
}

/** Wait before appending again after the database failed. */
const RETRY_MS = 500;

/**
 * Appends accepted updates to yjs_updates, batched across every document of the instance
 * (group commit): when no append is running, one starts at most `flushMs` after the first
 * pending update (at once with 0); while one runs, updates wait and go together in the
 * next, one merged row per document. Updates are broadcast only once stored, so this
 * delay is part of the edit-to-peer latency. A failed append is retried (the updates stay
 * pending, and their authors still hold them).
 */
export class Persister {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly deps: { db: Db; log: Logger; metrics: Metrics; flushMs: number }) {}

  /** Queues an update; `stored` runs once its row is committed (in the order updates were queued). */
  enqueue(docName: string, update: Uint8Array, stored: (row: boolean) => void): void {
    this.pending.push({ docName, update, at: performance.now(), stored });
    this.schedule(this.deps.flushMs);
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.running || this.stopped || this.pending.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch(() => {});
    }, delayMs);
  }

  /**
   * Stores everything pending now, after the append already running; rejects when the
   * database failed (the updates stay pending and are retried).
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.running) await this.running.catch(() => {});
    if (this.pending.length === 0) return;
    const write = this.append(this.pending.splice(0));
    this.running = write;
    let failed = false;
    try {
      await write;
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      this.running = undefined;
      this.schedule(failed ? RETRY_MS : 0);
    }
  }

  /** Stores what is pending and stops scheduling. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  private async append(batch: Pending[]): Promise<void> {
    const byDoc = new Map<string, Uint8Array[]>();
    for (const entry of batch) byDoc.set(entry.docName, [...(byDoc.get(entry.docName) ?? []), entry.update]);
    try {
      await yjsStore.appendMany(this.deps.db.sql, {
        rows: [...byDoc].map(([docName, updates]) => ({
          docName,
          update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates),
        })),
      });
    } catch (error) {
      this.deps.metrics.persistFailures++;
      this.deps.log.error({ err: error, rows: byDoc.size }, 'appending to yjs_updates failed; retrying');
      this.pending.unshift(...batch);
      throw error;
    }
    const now = performance.now();
    const rowCounted = new Set<string>();
    for (const entry of batch) {
      this.deps.metrics.persisted(now - entry.at);
      const row = !rowCounted.has(entry.docName);
      rowCounted.add(entry.docName);
      entry.stored(row);
    }
  }
}
