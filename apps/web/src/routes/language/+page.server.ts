import { fail, redirect } from '@sveltejs/kit';
import { cookieName, isLocale } from '$lib/paraglide/runtime.js';
import { safeRedirectTarget } from '$lib/server/redirect.ts';
import type { Actions } from './$types';

export const load = () => redirect(303, '/');

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const form = await request.formData();
    const locale = form.get('locale');
    if (typeof locale !== 'string' || !isLocale(locale)) return fail(400, { message: 'Unknown language' });
    cookies.set(cookieName, locale, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'lax',
      httpOnly: false,
    });
    redirect(303, safeRedirectTarget(form.get('redirectTo')));
  },
};
