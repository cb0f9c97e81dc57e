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
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: { db: Db; log: Logger; metrics: Metrics; flushMs: number }) {}

  /** Queues an update; `stored` runs once its row is committed. */
  enqueue(docName: string, update: Uint8Array, stored: () => void): void {
    this.pending.push({ docName, update, at: performance.now(), stored });
    if (!this.timer && !this.stopped)
      this.timer = setTimeout(() => void this.flush().catch(() => {}), this.deps.flushMs);
  }

  /** Stores everything pending now; resolves when stored, rejects when the database failed. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.chain.then(() => this.flushOnce());
    this.chain = next.catch(() => {});
    return next;
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
      if (!this.timer && !this.stopped) {
        this.timer = setTimeout(() => void this.flush().catch(() => {}), 500);
        this.timer.unref();
      }
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
