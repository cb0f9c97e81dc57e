// The SMTP side: nodemailer, one pooled connection per worker.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  locale: string;
  /** The one-click unsubscribe URL, announced in List-Unsubscribe and List-Unsubscribe-Post. */
  unsubscribe?: string;
}

export interface MailTransport {
  /** Resolves once the SMTP server accepted the message; throws with its answer otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * A transport to the SMTP server of a URL (`smtp://user:password@host:587`, `smtps://…:465`).
 * Timeouts are bounded so that a hung server costs one attempt, not the worker.
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 1,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: {
          'Content-Language': mail.locale,
          'Auto-Submitted': 'auto-generated',
          // RFC 8058: a mail provider's own "unsubscribe" button posts to the link, no page shown.
          ...(mail.unsubscribe
            ? {
                'List-Unsubscribe': `<${mail.unsubscribe}>`,
                'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
              }
            : {}),
        },
      });
    },
    close() {
      transporter.close();
    },
  };
}
