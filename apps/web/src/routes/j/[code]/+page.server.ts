import { guests, sessions, workshops } from '@atelier/db';
import { normaliseJoinCode } from '@atelier/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { getLocale } from '$lib/paraglide/runtime.js';
import { clientOf } from '$lib/server/auth/cookies.ts';
import { getDb } from '$lib/server/db.ts';
import { echo, parseForm } from '$lib/server/forms.ts';
import { codeGuessAllowed, JOIN_FIELDS, joinAsGuest, joinSchema } from '$lib/server/guests.ts';
import { retryAfter } from '$lib/server/rate-limits.ts';
import type { Actions, PageServerLoad } from './$types';

/** The join page of a code (`/j/<code>`, the QR code's link): who you are, then the room. */
export const load: PageServerLoad = async (event) => {
  const { params, locals } = event;
  const code = normaliseJoinCode(params.code);
  if (!code) error(404, { message: 'Unknown code', code: 'join_unknown' });
  if (code !== params.code) redirect(303, `/j/${code}`);
  const { sql } = await getDb();
  const now = new Date();
  const { ip } = clientOf(event);
  const target = await guests.findByCode(sql, { code, now });
  const verdict = await codeGuessAllowed(sql, { ip, now, wrong: !target });
  if (!verdict.allowed) {
    // After a refused form post, the action has set it already (the page is rendered after it).
    try {
      retryAfter(event, verdict.retryAfterSeconds);
    } catch {
      // already set by the action
    }
    error(429, { message: 'Too many codes tried', code: 'join_rate_limited' });
  }
  if (!target) error(404, { message: 'Unknown code', code: 'join_unknown' });
  const user = locals.user;
  if (user?.kind === 'guest' && (await guests.workshopOf(sql, { userId: user.id })) === target.workshopId)
    redirect(303, `/workshops/${target.workshopId}`);
  const seated =
    user?.kind === 'account'
      ? (await workshops.seatOf(sql, { workshopId: target.workshopId, userId: user.id })) !== undefined
      : false;
  return {
    code,
    workshop: { id: target.workshopId, title: target.workshopTitle },
    allowNeeds: target.allowNeeds,
    // Someone signed in with an account keeps it: the page says where to go instead.
    account: user?.kind === 'account' ? { seated } : null,
    organisations: await guests.organisationsOf(sql, { workshopId: target.workshopId }),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const { params, locals, request } = event;
    const code = normaliseJoinCode(params.code);
    // Not a code at all: a 400 page (the page's load would make it a 404 after a failed action).
    if (!code) error(400, { message: 'Unknown code', code: 'join_unknown' });
    if (locals.user?.kind === 'account') return fail(403, { values: {}, errors: { form: 'account' } });
    const parsed = parseForm(await request.formData(), JOIN_FIELDS, joinSchema);
    if (!parsed.ok) return fail(400, { values: echo(parsed.values), errors: parsed.errors });
    const { sql } = await getDb();
    const locale = getLocale();
    const outcome = await joinAsGuest(sql, event, { code, input: parsed.data, locale, now: new Date() });
    if (!outcome.ok) {
      if (outcome.retryAfterSeconds) retryAfter(event, outcome.retryAfterSeconds);
      return fail(outcome.status, {
        values: echo(parsed.values),
        errors: outcome.errors,
        retryAfterSeconds: outcome.retryAfterSeconds ?? 0,
      });
    }
    // A guest of another workshop joining this one: their former guest session ends here.
    if (locals.user?.kind === 'guest' && locals.session)
      await sessions.invalidate(sql, { sessionId: locals.session.id });
    redirect(303, `/workshops/${outcome.workshopId}`);
  },
};
