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

/** Appends running at once: a slow database makes batches bigger, not more numerous. */
const MAX_RUNNING = 3;

/**
 * Appends accepted updates to yjs_updates, batched across every document of the instance
 * (one merged row per document and batch): a batch starts `flushMs` after the first pending
 * update (0: on the next turn of the event loop) when fewer than three appends are running,
 * else as soon as one ends. Updates are broadcast only once stored, so this delay is part
 * of the edit-to-peer latency. A failed append is retried after 500 ms (the updates stay
 * pending, and their authors still hold them).
 */
export class Persister {
  private pending: Pending[] = [];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;
  private retryAt = 0;

  constructor(private readonly deps: { db: Db; log: Logger; metrics: Metrics; flushMs: number }) {}

  /** Queues an update; `stored` runs once its row is committed. */
  enqueue(docName: string, update: Uint8Array, stored: (row: boolean) => void): void {
    this.pending.push({ docName, update, at: performance.now(), stored });
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.stopped || this.pending.length === 0 || this.running.size >= MAX_RUNNING) return;
    const wait = Math.max(this.deps.flushMs, this.retryAt - performance.now());
    const start = () => {
      this.timer = undefined;
      this.startBatch();
    };
    this.timer = wait > 0 ? setTimeout(start, wait) : setImmediate(start);
  }

  private startBatch(): Promise<void> {
    const write = this.append(this.pending.splice(0));
    this.running.add(write);
    void write
      .then(
        () => (this.retryAt = 0),
        () => (this.retryAt = performance.now() + RETRY_MS),
      )
      .finally(() => {
        this.running.delete(write);
        this.schedule();
      });
    return write;
  }

  /**
   * Stores everything pending now and waits for the appends already running; rejects when
   * the database failed (the updates stay pending and are retried).
   */
  async flush(): Promise<void> {
    this.cancelTimer();
    const writes = [...this.running];
    if (this.pending.length > 0) writes.push(this.startBatch());
    const results = await Promise.allSettled(writes);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  /** Stores what is pending and stops scheduling. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.flush();
  }

  private cancelTimer(): void {
    if (this.timer) {
      clearTimeout(this.timer as NodeJS.Timeout);
      clearImmediate(this.timer as NodeJS.Immediate);
    }
    this.timer = undefined;
  }

  private async append(batch: Pending[]): Promise<void> {
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
