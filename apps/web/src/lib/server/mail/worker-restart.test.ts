// Issue 20, "Done when": a restart during sending sends nothing twice. A worker runs in a child
// process; the SMTP server holds the third message without answering and the test kills the
// worker there (SIGKILL: no cleanup); a new worker takes over once the dead one's lease expires.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { outbox, users, type Db } from '@atelier/db';
import { testBackends } from '@atelier/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageIdFor } from './links.ts';
import { startSmtpServer, type TestSmtpServer } from './testing/smtp.ts';

const child = fileURLToPath(new URL('./testing/worker-child.ts', import.meta.url));

function startWorker(env: Record<string, string>): ChildProcess {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child], {
    env: { ...process.env, ...env, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  process_.stderr?.on('data', (chunk: Buffer) => console.error(`worker: ${chunk.toString().trim()}`));
  return process_;
}

for (const backend of testBackends()) {
  describe.skipIf(backend.unavailable)(`a worker killed while sending, on ${backend.name}`, () => {
    let db: Db;
    let smtp: TestSmtpServer;
    let held: () => void = () => {};
    const workers: ChildProcess[] = [];

    beforeAll(async () => {
      db = await backend.open();
      smtp = await startSmtpServer({
        verdict: (attempt) => (attempt === 3 ? 'hold' : 'accept'),
        onHold: () => held(),
      });
    });
    afterAll(async () => {
      for (const worker of workers) worker.kill('SIGKILL');
      await smtp?.close();
      await db?.close();
    });

    it('sends every message once: the one in flight again after the lease, the others not', async () => {
      const user = await users.create(db.sql, {
        email: 'kurt@example.org',
        displayName: 'Kurt',
        passwordHash: 'x',
        locale: 'de',
      });
      const start = Date.now();
      for (let i = 0; i < 6; i++) {
        const at = new Date(start - 60_000 + i * 1000);
        await outbox.enqueue(db.sql, {
          key: `restart:${i}`,
          kind: 'contribution_accepted',
          userId: user.id,
          to: 'kurt@example.org',
          locale: 'de',
          payload: { details: { callTitle: `Aufruf ${i}` } },
          dueAt: at,
          now: at,
        });
      }
      const env = { CHILD_DATABASE_URL: db.url, CHILD_SMTP_URL: smtp.url, CHILD_LEASE_MS: '2000' };
      const first = startWorker(env);
      workers.push(first);
      // The third message reaches the server, which does not answer: the worker is killed there.
      await new Promise<void>((resolve) => {
        held = resolve;
      });
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      expect(smtp.received.map((mail) => mail.subject)).toEqual([
        'Ihr Beitrag zu „Aufruf 0“ wurde angenommen',
        'Ihr Beitrag zu „Aufruf 1“ wurde angenommen',
      ]);
      const inFlight = await db.sql<{ status: string; attempts: number }[]>`
        select status, attempts from email_outbox where idempotency_key = 'restart:2'`;
      expect(inFlight[0]).toMatchObject({ status: 'sending', attempts: 1 });

      // The process comes back: the rest goes, the interrupted one once its lease has run out.
      const second = startWorker(env);
      workers.push(second);
      const mails = await smtp.waitFor(6, 30_000);
      const ids = mails.map((mail) => mail.messageId);
      expect(new Set(ids).size).toBe(6);
      expect(ids.sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => messageIdFor(`restart:${i}`)).sort());
      // Seven DATA transfers reached the server: six accepted, one cut off by the kill.
      expect(smtp.attempts).toBe(7);
      // The server answered before the worker recorded it: give the last record a moment.
      const read = () => db.sql<{ idempotencyKey: string; status: string; attempts: number }[]>`
        select idempotency_key, status, attempts from email_outbox order by idempotency_key`;
      let rows = await read();
      for (let i = 0; i < 50 && rows.some((row) => row.status !== 'sent'); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        rows = await read();
      }
      expect(rows.map((row) => row.status)).toEqual(Array(6).fill('sent'));
      expect(rows.find((row) => row.idempotencyKey === 'restart:2')?.attempts).toBe(2);
      // Nothing more arrives later.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(smtp.received).toHaveLength(6);
    }, 60_000);
  });
}
