import { calls, contributions } from '@atelier/db';
import { fail } from '@sveltejs/kit';
import { workshopAccess } from '$lib/server/access.ts';
import { questionsOf } from '$lib/server/contributions/contribute.ts';
import { storedNeeds, storedRoadmapActions } from '$lib/server/contributions/content.ts';
import { duplicatesOf, mergeChoices } from '$lib/server/contributions/duplicates.ts';
import { mergeIntoContent } from '$lib/server/contributions/merge.ts';
import {
  acceptAllFrom,
  acceptContribution,
  rejectContribution,
} from '$lib/server/contributions/moderation.ts';
import { previewOf } from '$lib/contributions/preview.ts';
import { getDb } from '$lib/server/db.ts';
import { requireUser } from '$lib/server/guard.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.moderate' });
  const workshopId = access.workshop.id;
  const [queue, list, actions, existing] = await Promise.all([
    contributions.listByStatus(sql, { workshopId, status: 'submitted' }),
    calls.listForWorkshop(sql, { workshopId }),
    storedRoadmapActions(sql, { workshopId }),
    storedNeeds(sql, { workshopId }),
  ]);
  return {
    queue: queue.map((contribution) => {
      const call = list.find((c) => c.id === contribution.callId);
      return {
        id: contribution.id,
        kind: contribution.kind,
        authorName: contribution.authorName,
        organisationId: contribution.organisationId,
        organisationName: contribution.organisationName,
        callTitle: contribution.callTitle,
        submittedAt: (contribution.submittedAt ?? contribution.updatedAt).toISOString(),
        preview: previewOf({
          contribution,
          questions: call ? questionsOf(call) : [],
          actions,
          moderatorId: user.id,
        }),
        duplicates: duplicatesOf({ contribution, existing }),
      };
    }),
  };
};

const id = (form: FormData) => String(form.get('contributionId') ?? '');

export const actions: Actions = {
  accept: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.moderate' });
    const form = await request.formData();
    const contributionId = id(form);
    // A needs contribution's rows come with "keep" checkboxes: the unchecked ones are refused.
    const partial = form.has('needsCount')
      ? {
          keep: form.getAll('keep').map((value) => Number(value)),
          reason: String(form.get('partialReason') ?? '').slice(0, 2000),
        }
      : undefined;
    if (partial && partial.keep.length < Number(form.get('needsCount')) && !partial.reason.trim()) {
      return fail(400, { contributionId, outcome: 'reason_required' });
    }
    const outcome = await acceptContribution(sql, {
      workshopId: access.workshop.id,
      contributionId,
      moderatorId: user.id,
      partial,
      mergeInto: mergeChoices(form),
      merge: mergeIntoContent,
      now: new Date(),
    });
    if (outcome !== 'accepted')
      return fail(outcome === 'merge_failed' ? 502 : 409, { contributionId, outcome });
    return { contributionId, outcome };
  },
  reject: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.moderate' });
    const form = await request.formData();
    const contributionId = id(form);
    const reason = String(form.get('reason') ?? '').trim();
    if (reason.length === 0 || reason.length > 2000) {
      return fail(400, { contributionId, outcome: 'reason_required', reason: reason.slice(0, 2000) });
    }
    const outcome = await rejectContribution(sql, {
      workshopId: access.workshop.id,
      contributionId,
      moderatorId: user.id,
      reason,
      now: new Date(),
    });
    if (outcome !== 'rejected') return fail(409, { contributionId, outcome });
    return { contributionId, outcome };
  },
  bulk: async ({ request, locals, url, params }) => {
    const user = requireUser({ locals, url });
    const { sql } = await getDb();
    const access = await workshopAccess(sql, { user, workshopId: params.id, action: 'workshop.moderate' });
    const form = await request.formData();
    const organisationId = String(form.get('organisationId') ?? '');
    if (form.get('trusted') !== 'on') return fail(400, { outcome: 'trust_required', organisationId });
    const result = await acceptAllFrom(sql, {
      workshopId: access.workshop.id,
      organisationId,
      moderatorId: user.id,
      merge: mergeIntoContent,
      now: new Date(),
    });
    return { outcome: 'bulk', ...result };
  },
};
