import { calls, contributions } from '@atelier/db';
import { error, fail, redirect } from '@sveltejs/kit';
import { validateValues, valuesFromPayload } from '$lib/contributions/payload-form.ts';
import { isUuid, workshopAccess } from '$lib/server/access.ts';
import { questionsOf } from '$lib/server/contributions/contribute.ts';
import { storedRoadmapActions } from '$lib/server/contributions/content.ts';
import { mergeIntoContent } from '$lib/server/contributions/merge.ts';
import { acceptContribution } from '$lib/server/contributions/moderation.ts';
import { resolvePickedValues } from '$lib/server/contributions/resolve-values.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, {
    user: user,
    workshopId: params.id,
    action: 'workshop.moderate',
  });
  const contribution = isUuid(params.contributionId)
    ? await contributions.findById(sql, { id: params.contributionId })
    : undefined;
  if (!contribution || contribution.workshopId !== access.workshop.id) error(404, 'Not found');
  const call = contribution.callId ? await calls.find(sql, { id: contribution.callId }) : undefined;
  return {
    contribution: {
      id: contribution.id,
      kind: contribution.kind,
      status: contribution.status,
      authorName: contribution.authorName,
      organisationName: contribution.organisationName,
      callTitle: contribution.callTitle,
      values: valuesFromPayload(contribution.kind, contribution.payload),
    },
    questions: call ? questionsOf(call) : [],
    actions:
      contribution.kind === 'comment'
        ? await storedRoadmapActions(sql, { workshopId: access.workshop.id })
        : [],
  };
};

export const actions: Actions = {
  default: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.moderate' });
    const contribution = isUuid(params.contributionId)
      ? await contributions.findById(sql, { id: params.contributionId })
      : undefined;
    if (!contribution || contribution.workshopId !== access.workshop.id) error(404, 'Not found');
    const call = contribution.callId ? await calls.find(sql, { id: contribution.callId }) : undefined;
    const posted: Record<string, string> = {};
    for (const [key, value] of await request.formData())
      if (typeof value === 'string') posted[key] = value.slice(0, 6000);
    const values = resolvePickedValues(posted);
    const parsed = validateValues(contribution.kind, values, call ? questionsOf(call) : []);
    if (!parsed.ok) return fail(400, { errors: parsed.errors, values });
    const outcome = await acceptContribution(sql, {
      workshopId: access.workshop.id,
      contributionId: contribution.id,
      moderatorId: user.id,
      mergedPayload: parsed.payload,
      merge: mergeIntoContent,
      now: new Date(),
    });
    if (outcome !== 'accepted') return fail(outcome === 'merge_failed' ? 502 : 409, { outcome, values });
    redirect(303, `/workshops/${access.workshop.id}/calls/moderation?accepted=${contribution.id}`);
  },
};
