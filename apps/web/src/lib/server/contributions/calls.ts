// Calls for contributions as a facilitator writes them: the form, its validation with the
// domain's `callInputSchema`, and the call's creation with its audit entry.
import { audit, calls, callNotices, type Sql } from '@atelier/db';
import { callInputSchema, type CallInput } from '@atelier/domain';
import { parisLocalToDate } from '$lib/dates.ts';
import { announceInBackground } from '../notifications.ts';

/** The text fields of the call form (kinds and audience are repeated checkboxes). */
export const CALL_TEXT_FIELDS = ['title', 'text', 'opensAt', 'closesAt', 'questions'] as const;

/**
 * A `datetime-local` value in Paris time, to the minute or to the second (the form lets a
 * facilitator close a call at a precise second).
 */
export function parisLocalWithSeconds(value: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/.exec(value.trim());
  if (!match) return undefined;
  const minute = parisLocalToDate(match[1]!);
  const seconds = Number(match[2] ?? '0');
  if (!minute || seconds > 59) return undefined;
  return new Date(minute.getTime() + seconds * 1000);
}

/**
 * Questions typed one per line: `Label` for a free answer, `Label | option | option` for a
 * choice among options.
 *
 * @example questionsFromText('Effectif total ?\nSecteur | industrie | services')
 */
export function questionsFromText(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => {
      const [label = '', ...options] = line.split('|').map((part) => part.trim());
      const choices = options.filter(Boolean);
      return { id: `q${index + 1}`, label, kind: choices.length ? 'choice' : 'text', options: choices };
    });
}

export type CallFormResult =
  | { ok: true; input: CallInput; values: Record<string, string | string[]> }
  | { ok: false; errors: Record<string, string>; values: Record<string, string | string[]> };

/** Reads and validates the call form; errors are keyed by field (`title`, `closesAt`, `audienceKinds`…). */
export function parseCallForm(form: FormData): CallFormResult {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const many = (name: string) =>
    form.getAll(name).filter((value): value is string => typeof value === 'string');
  const values: Record<string, string | string[]> = {
    ...Object.fromEntries(CALL_TEXT_FIELDS.map((field) => [field, text(field).slice(0, 6000)])),
    asks: many('asks'),
    audienceKinds: many('audienceKinds'),
    audienceOrganisationIds: many('audienceOrganisationIds'),
    verifiedOnly: many('verifiedOnly'),
  };
  const errors: Record<string, string> = {};
  const opensAt = parisLocalWithSeconds(text('opensAt'));
  const closesAt = parisLocalWithSeconds(text('closesAt'));
  if (!opensAt) errors.opensAt = 'invalid_date';
  if (!closesAt) errors.closesAt = 'invalid_date';
  const parsed = callInputSchema.safeParse({
    title: text('title'),
    text: text('text'),
    asks: values.asks,
    audienceKinds: values.audienceKinds,
    audienceOrganisationIds: values.audienceOrganisationIds,
    verifiedOnly: form.get('verifiedOnly') === 'on',
    opensAt: opensAt ?? new Date(0),
    closesAt: closesAt ?? new Date(0),
    questions: questionsFromText(text('questions')),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= 'invalid';
  }
  if (!parsed.success || Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, input: parsed.data, values };
}

/** Opens a call on a workshop and records it in the audit log. */
export async function createCall(
  sql: Sql,
  options: { workshopId: string; userId: string; input: CallInput; now: Date },
): Promise<{ id: string }> {
  const { input, now } = options;
  const created = await sql.begin(async (tx) => {
    const call = await calls.create(tx, {
      workshopId: options.workshopId,
      title: input.title,
      text: input.text,
      asks: input.asks,
      audienceKinds: input.audienceKinds,
      audienceOrganisationIds: input.audienceOrganisationIds,
      questions: input.questions,
      verifiedOnly: input.verifiedOnly,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      createdBy: options.userId,
      now,
    });
    await audit.record(tx, {
      actorId: options.userId,
      action: 'call.created',
      subjectType: 'workshop',
      subjectId: options.workshopId,
      details: {
        callId: call.id,
        asks: input.asks.join(','),
        opensAt: input.opensAt.toISOString(),
        closesAt: input.closesAt.toISOString(),
      },
      now,
    });
    // Issue 20: a call that opens now tells its organisations in this same transaction (their
    // notifications and e-mails); one that opens later is told by the mail worker's scan.
    const told = await callNotices.announceDue(tx, { now, callId: call.id });
    return { call, told };
  });
  announceInBackground(created.told.userIds);
  return created.call;
}
