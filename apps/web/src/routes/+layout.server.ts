import { notifications } from '@atelier/db';
import { getDb } from '$lib/server/db.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
  user: locals.user
    ? { displayName: locals.user.displayName, email: locals.user.email, isAdmin: locals.user.isAdmin }
    : null,
  // The header's unread count, as of this page load (contributions issue).
  unreadNotifications: locals.user
    ? await notifications.unreadCount((await getDb()).sql, { userId: locals.user.id })
    : 0,
});
