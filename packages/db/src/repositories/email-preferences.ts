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

/** A person's delivery for every kind, defaults filled in. */
export async function get(
  sql: Queryable,
  options: { userId: string },
): Promise<Record<EmailNotificationKind, EmailDelivery>> {
  const rows = await sql<{ kind: EmailNotificationKind; delivery: EmailDelivery }[]>`
    select kind, delivery from email_preferences where user_id = ${options.userId}`;
  const chosen = { ...DEFAULT_DELIVERY };
  for (const row of rows) chosen[row.kind] = row.delivery;
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
