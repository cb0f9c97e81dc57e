import { contributions } from '@atelier/db';
import { needsFromCsv } from '@atelier/domain';
import { error, fail } from '@sveltejs/kit';
import { valuesFromPayload } from '$lib/contributions/payload-form.ts';
import { storedRoadmapActions } from '$lib/server/contributions/content.ts';
import {
  contributorCall,
  MAX_CSV_BYTES,
  ownContribution,
  saveContribution,
  withdrawContribution,
} from '$lib/server/contributions/contribute.ts';
import { decodeCsv } from '$lib/server/contributions/csv-file.ts';
import { resolvePickedValues } from '$lib/server/contributions/resolve-values.ts';
import { getDb } from '$lib/server/db.ts';
import { CONTRIBUTION, limitAction } from '$lib/server/rate-limits.ts';
import { requireUser } from '$lib/server/guard.ts';
import { findCommune } from '$lib/territory/communes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const { params } = event;
  const user = requireUser(event);
  const { sql } = await getDb();
  const target = await contributorCall(sql, { userId: user.id, callId: params.callId, now: new Date() });
  if (!target) error(404, 'Not found');
  const { call } = target;
  const [mine, actions] = await Promise.all([
    contributions.listForAuthor(sql, { authorId: user.id, callId: call.id }),
    call.asks.includes('comment') ? storedRoadmapActions(sql, { workshopId: call.workshopId }) : [],
  ]);
  const editable = (kind: string) => {
    const found = mine.find((c) => c.kind === kind && (c.status === 'draft' || c.status === 'submitted'));
    return found
      ? {
          id: found.id,
          status: found.status,
          organisationId: found.organisationId,
          values: valuesFromPayload(found.kind, found.payload),
        }
      : undefined;
  };
  return {
    userId: user.id,
    call: {
      id: call.id,
      title: call.title,
      text: call.text,
      asks: call.asks,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      state: target.state,
      workshopTitle: target.workshopTitle,
    },
    questions: target.questions,
    organisations: target.organisations.map((o) => ({ id: o.id, name: o.name })),
    actions,
    editable: Object.fromEntries(call.asks.map((kind) => [kind, editable(kind)])),
    mine: mine.map(ownContribution),
  };
};

type ActionEvent = Parameters<Actions[string]>[0];

/**
 * The person and the call of a contribution action: 404 unless the person may answer the
 * call, then one attempt counted against the person and the address (429 beyond the limit).
 */
async function contributionAction(event: ActionEvent) {
  const user = requireUser(event);
  const { sql } = await getDb();
  const target = await contributorCall(sql, {
    userId: user.id,
    callId: event.params.callId ?? '',
    now: new Date(),
  });
  if (!target) error(404, 'Not found');
  const limited = await limitAction(event, { rule: CONTRIBUTION, account: user.id });
  return { user, sql, target, limited };
}

async function submitOrSave(event: ActionEvent, submit: boolean) {
  const { user, sql, target, limited } = await contributionAction(event);
  const form = await event.request.formData();
  const posted: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === 'string') posted[key] = value.slice(0, 6000);
  const values = resolvePickedValues(posted);
  if (limited) return fail(429, { ...limited.data, kind: values.kind ?? '', values });
  const now = new Date();
  const outcome = await saveContribution(sql, {
    userId: user.id,
    target,
    kind: values.kind ?? '',
    organisationId: values.organisationId ?? '',
    contributionId: values.contributionId || undefined,
    values,
    submit,
    now,
  });
  // The kind and the values come back so that, without JavaScript, the page shows them again.
  const kind = values.kind ?? '';
  if (outcome.ok) return { kind, contributionId: outcome.contributionId, status: outcome.status };
  const status =
    outcome.code === 'invalid'
      ? 400
      : outcome.code === 'rate_limited'
        ? 429
        : outcome.code === 'not_member'
          ? 403
          : 409;
  return fail(status, { ...outcome, kind, values });
}

export const actions: Actions = {
  save: (event) => submitOrSave(event, false),
  submit: (event) => submitOrSave(event, true),
  withdraw: async (event) => {
    const { user, sql, limited } = await contributionAction(event);
    if (limited) return limited;
    const contributionId = String((await event.request.formData()).get('contributionId') ?? '');
    const withdrawn = await withdrawContribution(sql, { userId: user.id, contributionId, now: new Date() });
    if (!withdrawn) return fail(409, { code: 'not_editable' });
    return { withdrawn: true };
  },
  csv: async (event) => {
    const { target, limited } = await contributionAction(event);
    if (!target.call.asks.includes('needs')) error(404, 'Not found');
    if (limited) return limited;
    const file = (await event.request.formData()).get('file');
    if (!(file instanceof File) || file.size === 0) return fail(400, { code: 'csv_missing' });
    if (file.size > MAX_CSV_BYTES) return fail(413, { code: 'csv_too_large' });
    // UTF-8, or Excel's Windows-1252 read as such; anything else is refused with a message.
    const decoded = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return fail(400, { code: decoded.code });
    const report = needsFromCsv(decoded.text, { isKnownCommune: (code) => findCommune(code) !== undefined });
    return {
      csv: {
        fileName: file.name.slice(0, 200),
        encoding: decoded.encoding,
        accepted: report.accepted,
        rejected: report.rejected,
        errors: report.errors.slice(0, 500),
        rows: report.rows.map((row) => row.need),
      },
    };
  },
};
