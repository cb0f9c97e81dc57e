import { yjsStore, type Db } from '@atelier/db';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Metrics } from '../metrics.ts';

interface Pending {
  docName: string;
  update: Uint8Array;
  at: number;
  stored: () => void;
}

/**
 * Appends accepted updates to yjs_updates, batched across every document of the
 * instance: at most `flushMs` after the first pending update, one INSERT carries
 * one merged row per document. A failed append is retried (the updates stay
 * pending, and the clients that sent them still hold them).
 */
export class Persister {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: { db: Db; log: Logger; metrics: Metrics; flushMs: number }) {}

  /** Queues an update; `stored` runs once its row is committed. */
  enqueue(docName: string, update: Uint8Array, stored: () => void): void {
    this.pending.push({ docName, update, at: performance.now(), stored });
    this.schedule(this.deps.flushMs);
  }

  /** At most three appends run at once; a slow database makes batches bigger, not more numerous. */
  private schedule(delayMs: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.inFlight.size >= 3) this.schedule(this.deps.flushMs);
      else void this.flush().catch(() => {});
    }, delayMs);
  }

  /**
   * Stores everything pending now, and waits for the appends already running (Yjs
   * updates commute, so batches may commit in any order); rejects when the database
   * failed (the updates stay pending and are retried).
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const write = this.flushOnce();
    this.inFlight.add(write);
    void write.catch(() => {}).finally(() => this.inFlight.delete(write));
    const results = await Promise.allSettled([...this.inFlight]);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  /** Stores what is pending and stops scheduling. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  private async flushOnce(): Promise<void> {
    const batch = this.pending.splice(0);
    if (batch.length === 0) return;
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
      this.schedule(500);
      throw error;
    }
    const now = performance.now();
    const notified = new Set<() => void>();
    for (const entry of batch) {
      this.deps.metrics.persisted(now - entry.at);
      if (!notified.has(entry.stored)) {
        notified.add(entry.stored);
        entry.stored();
      }
    }
  }
}
