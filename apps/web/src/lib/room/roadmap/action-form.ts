// Validation of the roadmap form: each error tied to its field, the start/due rule from the
// domain (`roadmapDatesInOrder`, the same check the realtime server applies), nothing
// written to the document before the whole action passes the schema.
import {
  ROADMAP_STATUSES,
  roadmapActionSchema,
  roadmapDatesInOrder,
  type RoadmapAction,
  type RoadmapStatus,
} from '@atelier/domain';
import { parseText, type FieldError, type FieldResult } from '../needs/need-form.ts';

export const ACTION_FIELDS = [
  'title',
  'description',
  'ownerOrganisationId',
  'partnerOrganisationIds',
  'start',
  'due',
  'status',
  'needIds',
] as const;
export type ActionField = (typeof ACTION_FIELDS)[number];

export const ACTION_LIMITS = { title: 200, description: 5000, partners: 50, needs: 200 } as const;

export interface ActionDraft {
  title: string;
  description: string;
  ownerOrganisationId: string;
  partnerOrganisationIds: string[];
  start: string;
  due: string;
  status: string;
  needIds: string[];
}

/** Why an action field is refused. */
export type ActionFieldError = FieldError | { code: 'date_format' } | { code: 'due_before_start' };

export type ActionErrors = Partial<Record<ActionField, ActionFieldError>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RELATIVE = /^J\+(\d{1,4})$/i;

/**
 * A roadmap date as typed: `J+N` (days after day 0) or a real ISO date `YYYY-MM-DD`.
 *
 * @example parseRoadmapDate(' j+30 ') // { ok: true, value: 'J+30' }
 */
export function parseRoadmapDate(
  raw: string,
): { ok: true; value: string } | { ok: false; error: ActionFieldError } {
  const value = raw.trim();
  if (value === '') return { ok: false, error: { code: 'required' } };
  const relative = RELATIVE.exec(value);
  if (relative) return { ok: true, value: `J+${Number(relative[1])}` };
  const iso = ISO_DATE.exec(value);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return { ok: true, value };
    }
  }
  return { ok: false, error: { code: 'date_format' } };
}

function pickIds(options: {
  ids: readonly string[];
  allowed: readonly string[];
  max: number;
}): FieldResult<string[]> {
  const ids = [...new Set(options.ids)];
  if (ids.length > options.max) return { ok: false, error: { code: 'too_many', max: options.max } };
  if (ids.some((id) => !options.allowed.includes(id)))
    return { ok: false, error: { code: 'unknown_choice' } };
  return { ok: true, value: ids };
}

/**
 * A whole action from the form, or the errors of each refused field. Status `committed`
 * is only kept when the writer's organisation owns the action (they commit, as
 * `committedBy`); otherwise the action stays proposed with a commitment request.
 *
 * @param options.ownerOrganisationIds - organisations this person may create actions for
 * @param options.organisationIds - the workshop's organisations (partners)
 * @param options.needIds - the needs that exist (linked needs)
 * @param options.dayZero - the workshop's day 0, to compare a `J+N` date with an ISO one
 * @param options.previous - the action being edited, when it is an edit
 */
export function validateAction(options: {
  draft: ActionDraft;
  id: string;
  writer: { userId: string; organisationId: string | null };
  now: Date;
  ownerOrganisationIds: readonly string[];
  organisationIds: readonly string[];
  needIds: readonly string[];
  dayZero?: string;
  previous?: RoadmapAction;
}): { ok: true; action: RoadmapAction } | { ok: false; errors: ActionErrors } {
  const { draft } = options;
  const errors: ActionErrors = {};
  const title = parseText({ raw: draft.title, max: ACTION_LIMITS.title });
  const description = parseText({ raw: draft.description, max: ACTION_LIMITS.description, required: false });
  const owner = draft.ownerOrganisationId;
  const start = parseRoadmapDate(draft.start);
  const due = parseRoadmapDate(draft.due);
  const partners = pickIds({
    ids: draft.partnerOrganisationIds.filter((id) => id !== owner),
    allowed: options.organisationIds,
    max: ACTION_LIMITS.partners,
  });
  const needs = pickIds({ ids: draft.needIds, allowed: options.needIds, max: ACTION_LIMITS.needs });
  if (!title.ok) errors.title = title.error;
  if (!description.ok) errors.description = description.error;
  if (owner === '') errors.ownerOrganisationId = { code: 'required' };
  else if (!options.ownerOrganisationIds.includes(owner))
    errors.ownerOrganisationId = { code: 'unknown_organisation' };
  if (!partners.ok) errors.partnerOrganisationIds = partners.error;
  if (!needs.ok) errors.needIds = needs.error;
  if (!start.ok) errors.start = start.error;
  if (!due.ok) errors.due = due.error;
  if (
    start.ok &&
    due.ok &&
    !roadmapDatesInOrder({ start: start.value, due: due.value, dayZero: options.dayZero })
  ) {
    errors.due = { code: 'due_before_start' };
  }
  if (!(ROADMAP_STATUSES as readonly string[]).includes(draft.status))
    errors.status = { code: 'unknown_choice' };
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const previous = options.previous;
  const action: Record<string, unknown> = {
    ...(previous ?? {}),
    id: options.id,
    title: title.ok ? title.value : '',
    description: description.ok ? description.value : '',
    ownerOrganisationId: owner,
    partnerOrganisationIds: partners.ok ? partners.value : [],
    start: start.ok ? start.value : '',
    due: due.ok ? due.value : '',
    needIds: needs.ok ? needs.value : [],
    createdBy: previous?.createdBy ?? options.writer.userId,
    updatedAt: options.now.toISOString(),
    ...statusFields({
      action: { ownerOrganisationId: owner, status: previous?.status ?? 'proposed', ...commitOf(previous) },
      status: draft.status as RoadmapStatus,
      writer: options.writer,
    }),
  };
  const parsed = roadmapActionSchema.safeParse(action);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((ACTION_FIELDS as readonly unknown[]).includes(field))
        errors[field as ActionField] = { code: 'invalid' };
    }
    return { ok: false, errors: Object.keys(errors).length > 0 ? errors : { title: { code: 'invalid' } } };
  }
  return { ok: true, action: parsed.data as RoadmapAction };
}

function commitOf(
  action: RoadmapAction | undefined,
): Pick<RoadmapAction, 'commitRequestedBy' | 'committedBy'> {
  return {
    ...(action?.commitRequestedBy ? { commitRequestedBy: action.commitRequestedBy } : {}),
    ...(action?.committedBy ? { committedBy: action.committedBy } : {}),
  };
}

/**
 * The fields a status change writes. Committing is the owner organisation's: a member of
 * it sets `committed` and `committedBy`; anyone else asking for `committed` sets
 * `commitRequestedBy` and leaves the status as it was, for the owner to confirm.
 *
 * @example statusFields({ action, status: 'committed', writer: { userId, organisationId: 'other' } }) // { status: action.status, commitRequestedBy: userId }
 */
export function statusFields(options: {
  action: Pick<RoadmapAction, 'ownerOrganisationId' | 'status' | 'commitRequestedBy' | 'committedBy'>;
  status: RoadmapStatus;
  writer: { userId: string; organisationId: string | null };
}): Partial<Pick<RoadmapAction, 'status' | 'commitRequestedBy' | 'committedBy'>> {
  const { action, status, writer } = options;
  const owner = writer.organisationId !== null && action.ownerOrganisationId === writer.organisationId;
  if (status !== 'committed' || action.status === 'committed') return { status };
  if (owner) return { status: 'committed', committedBy: writer.userId };
  return { status: action.status, commitRequestedBy: writer.userId };
}

/** Whether the action waits for its owner organisation to confirm a commitment request. */
export function awaitsConfirmation(action: Pick<RoadmapAction, 'status' | 'commitRequestedBy'>): boolean {
  return action.commitRequestedBy !== undefined && action.status !== 'committed';
}

/** An empty form for an owner organisation. */
export function emptyActionDraft(ownerOrganisationId: string): ActionDraft {
  return {
    title: '',
    description: '',
    ownerOrganisationId,
    partnerOrganisationIds: [],
    start: 'J+0',
    due: 'J+100',
    status: 'proposed',
    needIds: [],
  };
}

/** The form's values for an existing action. */
export function actionDraft(action: RoadmapAction): ActionDraft {
  return {
    title: action.title,
    description: action.description,
    ownerOrganisationId: action.ownerOrganisationId,
    partnerOrganisationIds: [...action.partnerOrganisationIds],
    start: action.start,
    due: action.due,
    status: action.status,
    needIds: [...action.needIds],
  };
}

/**
 * An action as a participant may add it back (undo of a delete): in their name, and
 * without a commitment or request by someone else, which only they could have written.
 *
 * @example asWritersAdd(action, userId).createdBy === userId
 */
export function asWritersAdd(action: RoadmapAction, userId: string): RoadmapAction {
  const { commitRequestedBy, committedBy, ...rest } = action;
  return {
    ...rest,
    createdBy: userId,
    ...(commitRequestedBy === userId ? { commitRequestedBy } : {}),
    ...(committedBy === userId ? { committedBy } : {}),
  };
}
