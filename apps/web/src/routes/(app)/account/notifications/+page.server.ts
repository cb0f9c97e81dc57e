import {
  EMAIL_DELIVERIES,
  EMAIL_NOTIFICATION_KINDS,
  emailPreferences,
  users,
  type EmailDelivery,
  type EmailNotificationKind,
} from '@atelier/db';
import { fail } from '@sveltejs/kit';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

const LOCALES = ['fr', 'en', 'de'] as const;

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const { sql } = await getDb();
  const account = await users.findById(sql, { id: user.id });
  return {
    kinds: EMAIL_NOTIFICATION_KINDS,
    options: EMAIL_DELIVERIES,
    deliveries: await emailPreferences.get(sql, { userId: user.id }),
    newDeviceAlert: await emailPreferences.getNewDeviceAlert(sql, { userId: user.id }),
    locale: account?.locale ?? 'fr',
  };
};

export const actions: Actions = {
  default: async (event) => {
    const user = requireUser(event);
    const form = await event.request.formData();
    const deliveries: Partial<Record<EmailNotificationKind, EmailDelivery>> = {};
    for (const kind of EMAIL_NOTIFICATION_KINDS) {
      const value = form.get(`delivery_${kind}`);
      if (value === null) continue;
      if (!(EMAIL_DELIVERIES as readonly unknown[]).includes(value)) return fail(400, { invalid: kind });
      deliveries[kind] = value as EmailDelivery;
    }
    // The checkbox follows a hidden 'off': unchecked posts ['off'], checked ['off', 'on'].
    const newDevice = form.getAll('new_device_sign_in');
    const locale = form.get('locale');
    if (locale !== null && !(LOCALES as readonly unknown[]).includes(locale))
      return fail(400, { invalid: 'locale' });
    const { sql } = await getDb();
    const now = new Date();
    await sql.begin(async (tx) => {
      await emailPreferences.set(tx, { userId: user.id, deliveries, now });
      if (newDevice.length > 0)
        await emailPreferences.setNewDeviceAlert(tx, { userId: user.id, on: newDevice.includes('on'), now });
      if (locale !== null)
        await users.updateLocale(tx, { id: user.id, locale: locale as (typeof LOCALES)[number] });
    });
    return { saved: true };
  },
};
