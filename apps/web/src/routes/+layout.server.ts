import { notifications } from '@atelier/db';
import { getConfig } from '$lib/server/config.ts';
import { getDb } from '$lib/server/db.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
  user: locals.user
    ? {
        displayName: locals.user.displayName,
        email: locals.user.email,
        isAdmin: locals.user.isAdmin,
        guest: locals.user.kind === 'guest',
      }
    : null,
  // The header's unread count as of this page load; the page then keeps it live through the
  // realtime server's `/me` namespace, found at this address.
  unreadNotifications:
    locals.user?.kind === 'account'
      ? await notifications.unreadCount((await getDb()).sql, { userId: locals.user.id })
      : 0,
  realtime:
    locals.user?.kind === 'account'
      ? { url: getConfig().REALTIME_PUBLIC_URL ?? null, port: getConfig().REALTIME_PORT }
      : null,
});
