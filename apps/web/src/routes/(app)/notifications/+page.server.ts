import { notifications } from '@atelier/db';
import { isUuid } from '$lib/server/access.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import { markNotificationsRead } from '$lib/server/notifications.ts';
import type { Actions, PageServerLoad } from './$types';

const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 2000) : '');

export const load: PageServerLoad = async (event) => {
  const { depends } = event;
  const user = requireUser(event);
  // The header reloads this list when the live unread count moves.
  depends('app:notifications');
  const { sql } = await getDb();
  const list = await notifications.listForUser(sql, { userId: user.id, limit: 100 });
  return {
    notifications: list.map((notification) => ({
      id: notification.id,
      kind: notification.kind,
      workshopId: notification.workshopId,
      createdAt: notification.createdAt.toISOString(),
      read: notification.readAt !== null,
      callId: text(notification.details.callId),
      callTitle: text(notification.details.callTitle),
      workshopTitle: text(notification.details.workshopTitle),
      organisationName: text(notification.details.organisationName),
      contributionKind: text(notification.details.contributionKind),
      reason: text(notification.details.reason),
      closesAt: text(notification.details.closesAt),
      organisationId: text(notification.details.organisationId),
      requesterName: text(notification.details.requesterName),
      decision: text(notification.details.decision),
      refusedNeeds: Array.isArray(notification.details.refusedNeeds)
        ? notification.details.refusedNeeds.map(text).slice(0, 200)
        : [],
    })),
  };
};

export const actions: Actions = {
  read: async ({ request, locals, url }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const id = String((await request.formData()).get('id') ?? '');
    if (!isUuid(id)) return { read: 0 };
    return { read: await markNotificationsRead(sql, { userId: user.id, ids: [id], now: new Date() }) };
  },
  readAll: async ({ locals, url }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    return { read: await markNotificationsRead(sql, { userId: user.id, now: new Date() }) };
  },
};
