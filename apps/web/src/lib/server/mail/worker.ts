// The outbox worker. It runs in the web server process (which has the database; the realtime
// server stays focused on rooms): a loop that claims due messages, renders them in their
// recipient's language and sends them, with retries and back-off; and, once a minute, the
// scheduler's scan (call notices and daily digests), which is idempotent, so that nothing
// scheduled is lost across restarts or given twice by several instances.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { callNotices, emailSecrets, outbox, type OutboxMessage, type Sql } from '@atelier/db';
// Relative imports (no $lib): the worker also runs outside Vite, e.g. in a test's child process.
import { parisLocalToDate } from '../../dates.ts';
import { messageIdFor, unsubscribeToken, type UnsubscribeTopic } from './links.ts';
import { isEssential, renderMail, type MailLocale } from './render.ts';
import type { MailTransport } from './transport.ts';

export interface RetryPolicy {
  /** Wait after the first failure; it doubles after each further one. */
  baseMs: number;
  maxMs: number;
  /** Attempts before a message is given up as failed. */
  maxAttempts: number;
}

export const DEFAULT_RETRY: RetryPolicy = { baseMs: 30_000, maxMs: 60 * 60_000, maxAttempts: 8 };

export interface MailWorkerOptions {
  sql: Sql;
  /** Where messages go; null keeps them for the administrators' outbox page. */
  transport: MailTransport | null;
  origin: string;
  from: string;
  pollMs?: number;
  leaseMs?: number;
  batch?: number;
  retry?: RetryPolicy;
  /** How often call notices and digests are looked for; 0 turns the scan off. */
  scanEveryMs?: number;
  now?: () => Date;
  /** Called with the people whose notifications the scan added (live unread counts). */
  onNotified?: (userIds: string[]) => void;
  onError?: (error: unknown, context: string) => void;
}

export interface TickResult {
  sent: number;
  kept: number;
  retried: number;
  failed: number;
}

/** The wait before the next attempt after `attempts` attempts. */
export function backoff(attempts: number, policy: RetryPolicy): number {
  return Math.min(policy.baseMs * 2 ** Math.max(0, attempts - 1), policy.maxMs);
}

/** The last daily digest period ended at `now`: from 07:00 Paris the day before to 07:00 Paris. */
export function digestPeriod(now: Date): { since: Date; until: Date } {
  const parisDay = (at: Date) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(at);
  const dayBefore = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
  };
  let day = parisDay(now);
  let until = parisLocalToDate(`${day}T07:00`)!;
  if (until > now) {
    day = dayBefore(day);
    until = parisLocalToDate(`${day}T07:00`)!;
  }
  return { since: parisLocalToDate(`${dayBefore(day)}T07:00`)!, until };
}

export class MailWorker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly options: Required<Omit<MailWorkerOptions, 'transport' | 'onNotified' | 'onError'>> &
    Pick<MailWorkerOptions, 'transport' | 'onNotified' | 'onError'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;
  /** Set by stop(): a tick in progress hands back what it has not sent yet. */
  private halting = false;
  private lastScan = 0;
  private secret: string | undefined;

  constructor(options: MailWorkerOptions) {
    this.options = {
      pollMs: 2000,
      leaseMs: 120_000,
      batch: 10,
      retry: DEFAULT_RETRY,
      scanEveryMs: 60_000,
      now: () => new Date(),
      ...options,
    };
  }

  /** Starts polling; a tick that fails is reported and the next one comes as planned. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halting = false;
    const loop = async () => {
      if (this.stopped) return;
      this.running = this.tick().catch((error: unknown) => this.options.onError?.(error, 'tick'));
      await this.running;
      if (!this.stopped) this.timer = setTimeout(() => void loop(), this.options.pollMs);
    };
    void loop();
  }

  /** Stops after the message being sent (if any); what it had claimed is claimed again later. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halting = true;
    clearTimeout(this.timer);
    await this.running;
    this.options.transport?.close();
  }

  /** One round: the scan when due, then every due message until none is left (or stopped). */
  async tick(): Promise<TickResult> {
    const now = this.options.now();
    if (this.options.scanEveryMs > 0 && now.getTime() - this.lastScan >= this.options.scanEveryMs) {
      this.lastScan = now.getTime();
      await this.scan(now);
    }
    const total: TickResult = { sent: 0, kept: 0, retried: 0, failed: 0 };
    for (;;) {
      const claimed = await outbox.claim(this.options.sql, {
        worker: this.id,
        now: this.options.now(),
        leaseMs: this.options.leaseMs,
        limit: this.options.batch,
      });
      for (const [index, message] of claimed.entries()) {
        if (this.halting) {
          // Stopping: what was claimed and not sent goes back at once, for this or another instance.
          for (const rest of claimed.slice(index)) {
            await outbox.settle(this.options.sql, {
              id: rest.id,
              worker: this.id,
              now: this.options.now(),
              outcome: 'retry',
              retryAt: this.options.now(),
              error: rest.lastError ?? undefined,
            });
          }
          return total;
        }
        total[await this.deliver(message)]++;
      }
      if (claimed.length < this.options.batch || this.halting) return total;
    }
  }

  /** Gives the call notices that are due and enqueues the digests of the last period. */
  async scan(now: Date): Promise<void> {
    const { sql } = this.options;
    const notified = await sql.begin((tx) => callNotices.announceDue(tx, { now }));
    if (notified.userIds.length > 0) this.options.onNotified?.(notified.userIds);
    await outbox.enqueueDigests(sql, { ...digestPeriod(now), now });
  }

  private async unsubscribeUrl(message: OutboxMessage): Promise<string | undefined> {
    if (isEssential(message.kind) || !message.userId) return undefined;
    this.secret ??= await emailSecrets.unsubscribeKey(this.options.sql);
    const topic = message.kind as UnsubscribeTopic;
    return `${this.options.origin}/unsubscribe/${unsubscribeToken({ secret: this.secret, userId: message.userId, topic })}`;
  }

  private async deliver(message: OutboxMessage): Promise<keyof TickResult> {
    const { sql, transport, retry } = this.options;
    const settle = (
      outcome: 'sent' | 'kept' | 'failed' | 'retry',
      extra: { retryAt?: Date; error?: string } = {},
    ) => outbox.settle(sql, { id: message.id, worker: this.id, now: this.options.now(), outcome, ...extra });
    if (!transport) {
      await settle('kept');
      return 'kept';
    }
    try {
      const unsubscribe = await this.unsubscribeUrl(message);
      const mail = renderMail(
        { kind: message.kind, locale: message.locale as MailLocale, payload: message.payload },
        { origin: this.options.origin, unsubscribe },
      );
      await transport.send({
        from: this.options.from,
        to: message.toAddress,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdFor(message.idempotencyKey),
        locale: message.locale,
        unsubscribe,
      });
    } catch (error) {
      const text = describe(error);
      if (message.attempts >= retry.maxAttempts) {
        await settle('failed', { error: text });
        this.options.onError?.(error, `message ${message.id} failed for good`);
        return 'failed';
      }
      const retryAt = new Date(this.options.now().getTime() + backoff(message.attempts, retry));
      await settle('retry', { retryAt, error: text });
      return 'retried';
    }
    await settle('sent');
    return 'sent';
  }
}

/** The SMTP server's answer or the network error, without the message's content. */
function describe(error: unknown): string {
  const { code, responseCode, response, message } = error as {
    code?: string;
    responseCode?: number;
    response?: string;
    message?: string;
  };
  return [code, responseCode, response ?? message].filter(Boolean).join(' ').slice(0, 1000);
}
