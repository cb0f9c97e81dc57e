import { fail, redirect } from '@sveltejs/kit';
import { setSessionCookie } from '$lib/server/auth/cookies.ts';
import { signIn, signInSchema } from '$lib/server/auth/sign-in.ts';
import { getDb } from '$lib/server/db.ts';
import { safeRedirectTarget } from '$lib/server/redirect.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/workshops'));
};

export const actions: Actions = {
  default: async ({ request, cookies, url, getClientAddress }) => {
    const form = await request.formData();
    const email = String(form.get('email') ?? '').slice(0, 254);
    const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      return fail(400, {
        email,
        errors: { email: fields.has('email'), password: fields.has('password') },
        invalid: false,
      });
    }
    const { sql } = await getDb();
    const result = await signIn(sql, {
      ...parsed.data,
      now: new Date(),
      userAgent: request.headers.get('user-agent') ?? undefined,
      ip: getClientAddress(),
    });
    if (!result.ok) {
      return fail(400, { email, errors: { email: false, password: false }, invalid: true });
    }
    setSessionCookie({
      cookies,
      token: result.token,
      expiresAt: result.expiresAt,
      secure: url.protocol === 'https:',
    });
    redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/workshops'));
  },
};
