import { passwordResets } from '@atelier/db';
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { newPasswordField } from '$lib/server/auth/account-schemas.ts';
import { clientOf, setSessionCookie } from '$lib/server/auth/cookies.ts';
import { deviceOf, setDeviceCookie } from '$lib/server/auth/devices.ts';
import { isResetTokenShaped, resetPassword } from '$lib/server/auth/password-reset.ts';
import { getDb } from '$lib/server/db.ts';
import { parseForm } from '$lib/server/forms.ts';
import { revokeRealtime } from '$lib/server/revoke.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
  if (!isResetTokenShaped(params.token)) error(404, 'Not found');
  const { sql } = await getDb();
  return { usable: await passwordResets.isUsable(sql, { token: params.token, now: new Date() }) };
};

export const actions: Actions = {
  default: async (event) => {
    const parsed = parseForm(
      await event.request.formData(),
      ['newPassword'],
      z.object({ newPassword: newPasswordField }),
    );
    if (!parsed.ok) return fail(400, { errors: parsed.errors });
    const { sql } = await getDb();
    const device = deviceOf(event);
    const result = await resetPassword(sql, {
      token: event.params.token,
      password: parsed.data.newPassword,
      now: new Date(),
      ...clientOf(event),
      device,
    });
    if (!result.ok) return fail(400, { invalid: true });
    // Every session ended in the database; the realtime server closes their open connections.
    await revokeRealtime({ userIds: [result.userId] });
    setSessionCookie(event, result);
    setDeviceCookie(event, device);
    redirect(303, '/workshops');
  },
};
