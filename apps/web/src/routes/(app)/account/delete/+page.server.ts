import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { deleteAccount } from '$lib/server/auth/account.ts';
import { deleteSessionCookie } from '$lib/server/auth/cookies.ts';
import { getDb } from '$lib/server/db.ts';
import { parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import type { Actions } from './$types';

const schema = z.object({ password: z.string().min(1, 'required').max(1000, 'too_long') });

export const actions: Actions = {
  default: async ({ request, locals, url, cookies }) => {
    const user = requireUser({ locals, url });
    const parsed = parseForm(await request.formData(), ['password'], schema);
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const { sql } = await getDb();
    const result = await deleteAccount(sql, {
      userId: user.id,
      password: parsed.data.password,
      now: new Date(),
    });
    if (!result.ok) return fail(400, { errors: result.errors });
    await revokeRealtime({ userIds: [user.id] });
    deleteSessionCookie({ cookies, url });
    redirect(303, '/?deleted=1');
  },
};
