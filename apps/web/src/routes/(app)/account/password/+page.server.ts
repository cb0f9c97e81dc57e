import { fail } from '@sveltejs/kit';
import { changePassword } from '$lib/server/auth/account.ts';
import { changePasswordSchema } from '$lib/server/auth/account-schemas.ts';
import { clientOf, setSessionCookie } from '$lib/server/auth/cookies.ts';
import { getDb } from '$lib/server/db.ts';
import { parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async (event) => {
    const user = requireUser(event);
    const parsed = parseForm(
      await event.request.formData(),
      ['currentPassword', 'newPassword'],
      changePasswordSchema,
    );
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const { sql } = await getDb();
    const result = await changePassword(sql, {
      userId: user.id,
      ...parsed.data,
      now: new Date(),
      ...clientOf(event),
    });
    if (!result.ok) return fail(400, { errors: result.errors });
    await revokeRealtime({ userIds: [user.id] });
    setSessionCookie(event, result);
    return { changed: true };
  },
};
