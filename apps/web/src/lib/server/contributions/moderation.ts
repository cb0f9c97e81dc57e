// The facilitator's side: accepting a contribution (moderated once, then merged into the
// live content document), accepting with edits, rejecting with a reason, bulk accepting
// the contributions of an organisation the facilitator trusts.
import { audit, calls, contributions, type ContributionDetails, type Queryable, type Sql } from '@atelier/db';
import {
  contributionEntries,
  findDuplicateNeeds,
  parseContributionPayload,
  type MergeEntries,
} from '@atelier/domain';
import { isUuid } from '../access.ts';
import { notifyPeople } from '../notifications.ts';
import { storedNeeds } from './content.ts';
import { questionsOf } from './contribute.ts';

/** Writes a contribution's entries into the live document in the name of `actorId` (see merge.ts). */
export type Merge = (options: {
  workshopId: string;
  actorId: string;
  entries: MergeEntries;
}) => Promise<{ added: number }>;

export type AcceptOutcome = 'accepted' | 'already_moderated' | 'not_found' | 'invalid' | 'merge_failed';

async function submittedIn(
  sql: Queryable,
  options: { workshopId: string; contributionId: string },
): Promise<ContributionDetails | undefined> {
  if (!isUuid(options.contributionId)) return undefined;
  const contribution = await contributions.findById(sql, { id: options.contributionId });
  return contribution?.workshopId === options.workshopId ? contribution : undefined;
}

/**
 * Accepts a submitted contribution: first the moderation (of two facilitators at the same
 * moment, one wins; the other gets `already_moderated`), then the merge into the content
 * document. A failed merge puts the contribution back in the queue (`merge_failed`).
 *
 * @param options.mergedPayload - accept with edits: the edited payload (validated here)
 * @param options.merge - writes the entries into the live document (see merge.ts)
 */
export async function acceptContribution(
  sql: Sql,
  options: {
    workshopId: string;
    contributionId: string;
    moderatorId: string;
    mergedPayload?: unknown;
    /** Accept only some needs: the indexes kept, and why the others are refused (told to the author). */
    partial?: { keep: readonly number[]; reason: string };
    /**
     * Contributed needs (by index in the contribution) to merge into the existing need they
     * repeat (by id) instead of adding them (issue 20): the existing need records the contribution.
     */
    mergeInto?: ReadonlyMap<number, string>;
    merge: Merge;
    now: Date;
  },
): Promise<AcceptOutcome> {
  const { now } = options;
  const found = await submittedIn(sql, options);
  if (!found) return 'not_found';
  let mergedPayload: unknown;
  let refused: string[] = [];
  let edited = options.mergedPayload;
  if (options.partial) {
    const parsed = parseContributionPayload('needs', found.payload);
    if (found.kind !== 'needs' || !parsed.ok) return 'invalid';
    const keep = new Set(options.partial.keep);
    const kept = parsed.payload.needs.filter((_, index) => keep.has(index));
    refused = parsed.payload.needs.filter((_, index) => !keep.has(index)).map((need) => need.title);
    if (kept.length === 0 || (refused.length > 0 && !options.partial.reason.trim())) return 'invalid';
    if (refused.length > 0) edited = { needs: kept };
  }
  // Merges name duplicates the page showed: each target must still be one (the same
  // organisation, occupation, commune and a similar title), or nothing is accepted.
  let mergeInto: Map<number, string> | undefined;
  if (options.mergeInto && options.mergeInto.size > 0) {
    const parsed = parseContributionPayload('needs', found.payload);
    if (found.kind !== 'needs' || !parsed.ok || (edited !== undefined && !options.partial)) return 'invalid';
    const duplicates = findDuplicateNeeds({
      organisationId: found.organisationId,
      drafts: parsed.payload.needs,
      existing: await storedNeeds(sql, { workshopId: options.workshopId }),
    });
    const kept = options.partial ? [...new Set(options.partial.keep)].sort((a, b) => a - b) : undefined;
    mergeInto = new Map();
    for (const [index, needId] of options.mergeInto) {
      if (!duplicates.some((d) => d.index === index && d.need.id === needId)) return 'invalid';
      // After a partial acceptance the kept needs are renumbered.
      const at = kept ? kept.indexOf(index) : index;
      if (at < 0) continue;
      mergeInto.set(at, needId);
    }
  }
  if (edited !== undefined) {
    const call = found.callId ? await calls.find(sql, { id: found.callId }) : undefined;
    const parsed = parseContributionPayload(found.kind, edited, call ? questionsOf(call) : []);
    if (!parsed.ok) return 'invalid';
    mergedPayload = parsed.payload;
  }
  const moderated = await contributions.moderate(sql, {
    id: found.id,
    workshopId: options.workshopId,
    moderatorId: options.moderatorId,
    now,
    decision: 'accepted',
    mergedPayload,
  });
  if (!moderated) return 'already_moderated';
  try {
    const entries = contributionEntries({
      contribution: {
        id: moderated.id,
        kind: moderated.kind,
        payload: moderated.mergedPayload ?? moderated.payload,
        organisationId: moderated.organisationId,
        authorId: moderated.authorId ?? options.moderatorId,
      },
      acceptedBy: options.moderatorId,
      now,
      mergeInto,
    });
    const { added } = await options.merge({
      workshopId: options.workshopId,
      actorId: options.moderatorId,
      entries,
    });
    await audit.record(sql, {
      actorId: options.moderatorId,
      action: 'contribution.accepted',
      subjectType: 'workshop',
      subjectId: options.workshopId,
      details: {
        contributionId: moderated.id,
        edited: mergedPayload !== undefined,
        added,
        refused: refused.length,
        mergedInto: entries.needMerges?.map((merge) => merge.needId).join(',') ?? '',
      },
      now,
    });
  } catch (error) {
    await contributions.reopen(sql, { id: moderated.id, now: new Date() });
    await audit.record(sql, {
      actorId: options.moderatorId,
      action: 'contribution.merge_failed',
      subjectType: 'workshop',
      subjectId: options.workshopId,
      details: { contributionId: moderated.id, error: (error as Error).name },
      now,
    });
    return 'merge_failed';
  }
  if (moderated.authorId) {
    await notifyPeople(sql, {
      userIds: [moderated.authorId],
      workshopId: options.workshopId,
      kind: 'contribution_accepted',
      details: {
        contributionId: moderated.id,
        callId: found.callId,
        callTitle: found.callTitle ?? '',
        workshopTitle: found.workshopTitle,
        contributionKind: found.kind,
      },
      now,
    });
    if (refused.length > 0 && options.partial) {
      await notifyPeople(sql, {
        userIds: [moderated.authorId],
        workshopId: options.workshopId,
        kind: 'contribution_rejected',
        details: {
          contributionId: moderated.id,
          callId: found.callId,
          callTitle: found.callTitle ?? '',
          workshopTitle: found.workshopTitle,
          contributionKind: found.kind,
          reason: options.partial.reason.trim(),
          refusedNeeds: refused,
        },
        now,
      });
    }
  }
  return 'accepted';
}

/** Rejects a submitted contribution with a reason, told to its author. */
export async function rejectContribution(
  sql: Sql,
  options: { workshopId: string; contributionId: string; moderatorId: string; reason: string; now: Date },
): Promise<'rejected' | 'already_moderated' | 'not_found'> {
  const { now } = options;
  const found = await submittedIn(sql, options);
  if (!found) return 'not_found';
  const moderated = await contributions.moderate(sql, {
    id: found.id,
    workshopId: options.workshopId,
    moderatorId: options.moderatorId,
    now,
    decision: 'rejected',
    reason: options.reason,
  });
  if (!moderated) return 'already_moderated';
  await audit.record(sql, {
    actorId: options.moderatorId,
    action: 'contribution.rejected',
    subjectType: 'workshop',
    subjectId: options.workshopId,
    details: { contributionId: moderated.id },
    now,
  });
  if (moderated.authorId) {
    await notifyPeople(sql, {
      userIds: [moderated.authorId],
      workshopId: options.workshopId,
      kind: 'contribution_rejected',
      details: {
        contributionId: moderated.id,
        callId: found.callId,
        callTitle: found.callTitle ?? '',
        workshopTitle: found.workshopTitle,
        contributionKind: found.kind,
        reason: options.reason,
      },
      now,
    });
  }
  return 'rejected';
}

/**
 * Accepts every submitted contribution of an organisation the facilitator marked as
 * trusted for this action, one after the other (each merged in its own transaction).
 */
export async function acceptAllFrom(
  sql: Sql,
  options: { workshopId: string; organisationId: string; moderatorId: string; merge: Merge; now: Date },
): Promise<{ accepted: number; failed: number }> {
  const queue = await contributions.listByStatus(sql, {
    workshopId: options.workshopId,
    status: 'submitted',
  });
  let accepted = 0;
  let failed = 0;
  for (const contribution of queue.filter((c) => c.organisationId === options.organisationId)) {
    const outcome = await acceptContribution(sql, {
      workshopId: options.workshopId,
      contributionId: contribution.id,
      moderatorId: options.moderatorId,
      merge: options.merge,
      now: new Date(),
    });
    if (outcome === 'accepted') accepted += 1;
    else if (outcome === 'merge_failed') failed += 1;
  }
  await audit.record(sql, {
    actorId: options.moderatorId,
    action: 'contribution.bulk_accepted',
    subjectType: 'workshop',
    subjectId: options.workshopId,
    details: { organisationId: options.organisationId, trusted: true, accepted, failed },
    now: options.now,
  });
  return { accepted, failed };
}
