// Addresses that e-mails point at, and the signed unsubscribe links (no sign-in needed).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { EMAIL_NOTIFICATION_KINDS, NEW_DEVICE_SIGN_IN, type EmailNotificationKind } from '@atelier/db';
import { getConfig } from '../config.ts';

/** What an unsubscribe link turns off: one notification kind, the daily digest, or sign-in alerts. */
export type UnsubscribeTopic = EmailNotificationKind | 'digest' | typeof NEW_DEVICE_SIGN_IN;

const TOPICS: readonly string[] = [...EMAIL_NOTIFICATION_KINDS, 'digest', NEW_DEVICE_SIGN_IN];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The public address of the app, without a trailing slash: ORIGIN, else the local port. */
export function publicOrigin(): string {
  const config = getConfig();
  return (config.ORIGIN ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
}

/** The sender: SMTP_FROM, else no-reply at the ORIGIN's host name. */
export function senderAddress(): string {
  const config = getConfig();
  return config.SMTP_FROM ?? `Atelier <no-reply@${new URL(publicOrigin()).hostname}>`;
}

/**
 * The Message-ID of a message, derived from its idempotency key: a message sent again after a
 * crash carries the same id, so that a receiver can tell it is the same message.
 */
export function messageIdFor(key: string): string {
  const digest = createHash('sha256').update(key).digest('hex').slice(0, 40);
  return `<${digest}@${new URL(publicOrigin()).hostname || 'atelier.invalid'}>`;
}

function signature(secret: string, userId: string, topic: string): string {
  return createHmac('sha256', secret).update(`unsubscribe:${userId}:${topic}`).digest('base64url');
}

/** A token that turns off one topic for one person: `<user id>.<topic>.<HMAC>`. */
export function unsubscribeToken(options: {
  secret: string;
  userId: string;
  topic: UnsubscribeTopic;
}): string {
  return `${options.userId}.${options.topic}.${signature(options.secret, options.userId, options.topic)}`;
}

/** The person and topic of a token whose signature holds, else undefined. */
export function readUnsubscribeToken(
  token: string,
  secret: string,
): { userId: string; topic: UnsubscribeTopic } | undefined {
  const [userId, topic, given, ...rest] = token.split('.');
  if (rest.length > 0 || !userId || !topic || !given || !UUID.test(userId) || !TOPICS.includes(topic))
    return undefined;
  const expected = Buffer.from(signature(secret, userId, topic));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
  return { userId, topic: topic as UnsubscribeTopic };
}
