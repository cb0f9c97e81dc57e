// One-click unsubscribing from a kind of e-mail, by a signed link (no sign-in needed).
import {
  EMAIL_NOTIFICATION_KINDS,
  NEW_DEVICE_SIGN_IN,
  emailPreferences,
  emailSecrets,
  type Sql,
} from '@atelier/db';
import { readUnsubscribeToken, type UnsubscribeTopic } from './links.ts';

/** The person and topic of an unsubscribe link, or undefined when it is not one of ours. */
export async function readUnsubscribeLink(
  sql: Sql,
  token: string,
): Promise<{ userId: string; topic: UnsubscribeTopic } | undefined> {
  if (token.length > 200) return undefined;
  return readUnsubscribeToken(token, await emailSecrets.unsubscribeKey(sql));
}

/**
 * Turns a topic off: one kind, sign-in alerts, or, for the digest, every kind the person gets
 * once a day. Doing it twice changes nothing more.
 */
export async function unsubscribe(
  sql: Sql,
  options: { userId: string; topic: UnsubscribeTopic; now: Date },
): Promise<void> {
  if (options.topic === NEW_DEVICE_SIGN_IN) {
    await emailPreferences.setNewDeviceAlert(sql, { userId: options.userId, on: false, now: options.now });
    return;
  }
  if (options.topic !== 'digest') {
    await emailPreferences.set(sql, {
      userId: options.userId,
      deliveries: { [options.topic]: 'off' },
      now: options.now,
    });
    return;
  }
  const current = await emailPreferences.get(sql, { userId: options.userId });
  const off = Object.fromEntries(
    EMAIL_NOTIFICATION_KINDS.filter((kind) => current[kind] === 'digest').map((kind) => [
      kind,
      'off' as const,
    ]),
  );
  await emailPreferences.set(sql, { userId: options.userId, deliveries: off, now: options.now });
}
