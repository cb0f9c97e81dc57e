import { fail, redirect } from '@sveltejs/kit';
import { clientOf, setSessionCookie } from '$lib/server/auth/cookies.ts';
import { deviceOf, setDeviceCookie } from '$lib/server/auth/devices.ts';
import { demoSignIn } from '$lib/server/demo-accounts.ts';
import { signIn, signInSchema } from '$lib/server/auth/sign-in.ts';
import { getDb } from '$lib/server/db.ts';
import { retryAfter } from '$lib/server/rate-limits.ts';
import { safeRedirectTarget } from '$lib/server/redirect.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  const redirectTo = safeRedirectTarget(url.searchParams.get('redirectTo'), '/workshops');
  // A guest may sign in with an account (after being invited to make one).
  if (locals.user?.kind === 'account') redirect(303, redirectTo);
  // A demo database offers its accounts (issue 16); any other shows nothing of the kind.
  return { redirectTo, demo: await demoSignIn((await getDb()).sql) };
};

export const actions: Actions = {
  default: async (event) => {
    const { request, url } = event;
    const form = await request.formData();
    const email = String(form.get('email') ?? '').slice(0, 254);
    const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      return fail(400, {
        email,
        errors: { email: fields.has('email'), password: fields.has('password') },
        invalid: false,
        retryAfterSeconds: 0,
      });
    }
    const { sql } = await getDb();
    // Issue 20: a sign-in from a device not seen before is told by e-mail, if the person chose so.
    const device = deviceOf(event);
    const result = await signIn(sql, { ...parsed.data, now: new Date(), ...clientOf(event), device });
    if (!result.ok) {
      const retryAfterSeconds = result.reason === 'throttled' ? result.retryAfterSeconds : 0;
      if (retryAfterSeconds > 0) retryAfter(event, retryAfterSeconds);
      return fail(result.reason === 'throttled' ? 429 : 400, {
        email,
        errors: { email: false, password: false },
        invalid: result.reason === 'invalid_credentials',
        retryAfterSeconds,
      });
    }
    setSessionCookie(event, result);
    setDeviceCookie(event, device);
    redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), '/workshops'));
  },
};
