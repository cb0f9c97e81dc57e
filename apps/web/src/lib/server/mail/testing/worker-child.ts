// A mail worker in a process of its own, for the restart test (worker-restart.test.ts): the
// test kills it with SIGKILL in the middle of a send and starts another.
import { createDb } from '@atelier/db';
import { smtpTransport } from '../transport.ts';
import { MailWorker } from '../worker.ts';

const db = await createDb({ url: process.env.CHILD_DATABASE_URL, max: 2 });
const worker = new MailWorker({
  sql: db.sql,
  transport: smtpTransport(process.env.CHILD_SMTP_URL ?? ''),
  origin: 'http://atelier.test',
  from: 'no-reply@atelier.test',
  scanEveryMs: 0,
  pollMs: 50,
  batch: 1,
  leaseMs: Number(process.env.CHILD_LEASE_MS ?? 2000),
  onError: (error, context) => console.error(context, error),
});
worker.start();
console.log(`worker ${worker.id} started`);
