import { audit, users } from '@atelier/db';
import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { displayNameField } from '$lib/server/auth/account-schemas.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
  const user = requireUser(event);
  return { account: { email: user.email, displayName: user.displayName } };
};

export const actions: Actions = {
  profile: async ({ request, locals, url }) => {
    const user = requireUser({ locals, url });
    const parsed = parseForm(
      await request.formData(),
      ['displayName'],
      z.object({ displayName: displayNameField }),
    );
    if (!parsed.ok) return fail(400, { values: echo(parsed.values), errors: parsed.errors });
    const { sql } = await getDb();
    await sql.begin(async (tx) => {
      await users.updateProfile(tx, { id: user.id, displayName: parsed.data.displayName });
      await audit.record(tx, {
        actorId: user.id,
        action: 'user.renamed',
        subjectType: 'user',
        subjectId: user.id,
        now: new Date(),
      });
    });
    return { saved: true };
  },
};
