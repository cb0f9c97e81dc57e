import { users } from '@atelier/db';
import { fail, redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime.js';
import { getDb } from '$lib/server/db.ts';
import { safeRedirectTarget } from '$lib/server/redirect.ts';
import type { Actions } from './$types';

export const load = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ request, cookies, locals }) => {
    const form = await request.formData();
    const locale = form.get('locale');
    if (typeof locale !== 'string' || !isLocale(locale)) return fail(400, { message: 'Unknown language' });
    cookies.set(cookieName, locale, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'lax',
      httpOnly: false,
    });
    // A signed-in person's choice also follows them to other devices and into their exports.
    if (locals.user) await users.updateLocale((await getDb()).sql, { id: locals.user.id, locale });
    redirect(303, safeRedirectTarget(form.get('redirectTo')));
  },
};
