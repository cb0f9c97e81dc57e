import type { Queryable } from '../client.ts';

/** The notification kinds a person may receive by e-mail, and choose how. */
export const EMAIL_NOTIFICATION_KINDS = [
  'call_opened',
  'call_closing',
  'contribution_accepted',
  'contribution_rejected',
  'contribution_submitted',
  'membership_requested',
  'membership_decided',
] as const;
export type EmailNotificationKind = (typeof EMAIL_NOTIFICATION_KINDS)[number];

export const EMAIL_DELIVERIES = ['off', 'immediate', 'digest'] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERIES)[number];

/**
 * What a person gets without having chosen: what concerns their own organisation comes at once;
 * facilitators hear of new contributions once a day (a busy call would otherwise flood them).
 */
export const DEFAULT_DELIVERY: Readonly<Record<EmailNotificationKind, EmailDelivery>> = {
  call_opened: 'immediate',
  call_closing: 'immediate',
  contribution_accepted: 'immediate',
  contribution_rejected: 'immediate',
  contribution_submitted: 'digest',
  // Someone waits for an answer: an organisation's administrators hear of it at once.
  membership_requested: 'immediate',
  membership_decided: 'immediate',
};

export function isEmailNotificationKind(value: string): value is EmailNotificationKind {
  return (EMAIL_NOTIFICATION_KINDS as readonly string[]).includes(value);
}

/**
 * The e-mail sent when a person signs in from a device not seen before: not a notification (it
 * has no entry in the app), off unless the person chose it. Stored as a preference row of this
 * kind whose delivery is 'immediate' (on) or 'off'.
 */
export const NEW_DEVICE_SIGN_IN = 'new_device_sign_in';

/** Whether a person asked to be told of sign-ins from a new device (off by default). */
export async function getNewDeviceAlert(sql: Queryable, options: { userId: string }): Promise<boolean> {
  const [row]: [{ delivery: EmailDelivery }?] = await sql`
    select delivery from email_preferences
    where user_id = ${options.userId} and kind = ${NEW_DEVICE_SIGN_IN}`;
  return row?.delivery === 'immediate';
}

export async function setNewDeviceAlert(
  sql: Queryable,
  options: { userId: string; on: boolean; now: Date },
): Promise<void> {
  const delivery: EmailDelivery = options.on ? 'immediate' : 'off';
  await sql`
    insert into email_preferences (user_id, kind, delivery, updated_at)
    values (${options.userId}, ${NEW_DEVICE_SIGN_IN}, ${delivery}, ${options.now})
    on conflict (user_id, kind) do update set delivery = excluded.delivery, updated_at = excluded.updated_at`;
}

/** A person's delivery for every kind, defaults filled in. */
export async function get(
  sql: Queryable,
  options: { userId: string },
): Promise<Record<EmailNotificationKind, EmailDelivery>> {
  const rows = await sql<{ kind: EmailNotificationKind; delivery: EmailDelivery }[]>`
    select kind, delivery from email_preferences where user_id = ${options.userId}`;
  const chosen = { ...DEFAULT_DELIVERY };
  for (const row of rows) if (isEmailNotificationKind(row.kind)) chosen[row.kind] = row.delivery;
  return chosen;
}

/** Sets the delivery of some kinds for one person (the others keep theirs). */
export async function set(
  sql: Queryable,
  options: {
    userId: string;
    deliveries: Partial<Record<EmailNotificationKind, EmailDelivery>>;
    now: Date;
  },
): Promise<void> {
  for (const [kind, delivery] of Object.entries(options.deliveries)) {
    if (!delivery || !isEmailNotificationKind(kind)) continue;
    await sql`
      insert into email_preferences (user_id, kind, delivery, updated_at)
      values (${options.userId}, ${kind}, ${delivery}, ${options.now})
      on conflict (user_id, kind) do update set delivery = excluded.delivery, updated_at = excluded.updated_at`;
  }
}
