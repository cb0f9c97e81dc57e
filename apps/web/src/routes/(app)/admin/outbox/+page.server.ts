import { outbox } from '@atelier/db';
import { requirePlatform } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { publicOrigin } from '$lib/server/mail/links.ts';
import { renderMail, type MailLocale } from '$lib/server/mail/render.ts';
import { mailMode } from '$lib/server/mail/service.ts';
import type { PageServerLoad } from './$types';

// Issue 20: the messages of the outbox for platform administrators. Without SMTP_URL this is
// where e-mails are read (the demo works offline): each with its text and its link.
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  await requirePlatform(sql, user, 'audit.read');
  const messages = await outbox.list(sql, { limit: 100 });
  const origin = publicOrigin();
  return {
    mode: mailMode(),
    counts: await outbox.counts(sql),
    messages: messages.map((message) => {
      const mail = renderMail(
        { kind: message.kind, locale: message.locale as MailLocale, payload: message.payload },
        { origin },
      );
      // Once sent (or given up), a link's secret is gone from the row: no link to show.
      const secretGone =
        (message.kind === 'invitation' || message.kind === 'password_reset') && !message.payload.secret;
      return {
        id: message.id,
        kind: message.kind,
        to: message.toAddress,
        locale: message.locale,
        status: message.status,
        attempts: message.attempts,
        lastError: message.lastError,
        createdAt: message.createdAt.toISOString(),
        dueAt: message.dueAt.toISOString(),
        subject: mail.subject,
        text: mail.text,
        link: secretGone ? undefined : mail.link,
      };
    }),
  };
};
