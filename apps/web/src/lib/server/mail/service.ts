// The web server's one mail worker: started with the server (hooks.server.ts), stopped with it.
import { getConfig } from '../config.ts';
import { getDb } from '../db.ts';
import { log } from '../log.ts';
import { announceUnread } from '../notifications.ts';
import { publicOrigin, senderAddress } from './links.ts';
import { smtpTransport } from './transport.ts';
import { MailWorker } from './worker.ts';

let worker: MailWorker | undefined;

/** `smtp` when SMTP_URL is set; `kept` otherwise (messages shown on /admin/outbox). */
export function mailMode(): 'smtp' | 'kept' {
  return getConfig().SMTP_URL ? 'smtp' : 'kept';
}

/** Starts the outbox worker of this process (several web instances may each run one). */
export async function startMailWorker(): Promise<void> {
  if (worker) return;
  const config = getConfig();
  const { sql } = await getDb();
  worker = new MailWorker({
    sql,
    transport: config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null,
    origin: publicOrigin(),
    from: senderAddress(),
    onNotified: (userIds) => void announceUnread(userIds).catch(() => undefined),
    onError: (error, context) => log.warn({ err: error, context }, 'mail worker'),
  });
  worker.start();
  log.info({ mode: mailMode(), worker: worker.id }, 'mail worker started');
}

export async function stopMailWorker(): Promise<void> {
  const running = worker;
  worker = undefined;
  await running?.stop();
}
