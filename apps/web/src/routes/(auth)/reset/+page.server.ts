import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { emailField } from '$lib/server/auth/account-schemas.ts';
import { requestPasswordReset } from '$lib/server/auth/password-reset.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { log } from '$lib/server/log.ts';
import { limitAction, PASSWORD_RESET } from '$lib/server/rate-limits.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const parsed = parseForm(await event.request.formData(), ['email'], z.object({ email: emailField }));
    if (!parsed.ok) return fail(400, { values: echo(parsed.values), errors: parsed.errors });
    const limited = await limitAction(event, {
      rule: PASSWORD_RESET,
      account: parsed.data.email,
      extra: { values: echo(parsed.values) },
    });
    if (limited) return limited;
    const { sql } = await getDb();
    // Answered before the work is done: the same answer, in the same time, for any address.
    void requestPasswordReset(sql, { email: parsed.data.email, now: new Date() }).catch((error: unknown) =>
      log.error({ err: error }, 'password reset request failed'),
    );
    return { sent: true };
  },
};
