import { audit, organisations, users, workshops, type Sql } from '@atelier/db';
import {
  WORKSHOP_ROLES,
  WORKSHOP_STATUSES,
  nextWorkshopStatus,
  type Actor,
  type WorkshopRole,
  type WorkshopStatus,
} from '@atelier/domain';
import { z } from 'zod';
import { parisLocalToDate } from '$lib/dates.ts';
import { emailField } from './auth/account-schemas.ts';
import type { FieldErrors } from './forms.ts';
import { importBundle, type BundleRead } from './open-data-import.ts';
import { requestDocChange } from './realtime-internal.ts';
import { isUuid } from './access.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, 'too_long')
    .refine((value) => !/[\r\n]/.test(value) && !CONTROL.test(value), 'invalid_characters');
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .refine((value) => !CONTROL.test(value), 'invalid_characters');

export const WORKSHOP_FIELDS = ['title', 'description', 'startsAt', 'territory', 'agenda'] as const;

export const workshopSchema = z.object({
  title: line(200),
  description: text(5000),
  startsAt: z
    .string()
    .trim()
    .transform((value, context) => {
      if (value === '') return null;
      const date = parisLocalToDate(value);
      if (!date) {
        context.addIssue({ code: 'custom', message: 'invalid_date' });
        return z.NEVER;
      }
      return date;
    }),
  territory: line(200),
  agenda: text(5000),
});

export type WorkshopInput = z.output<typeof workshopSchema>;

/** The realtime service did not take a new workshop's first state: the workshop was not created. */
export class WorkshopImportError extends Error {
  override name = 'WorkshopImportError';
}

/**
 * Creates a workshop in draft, in one transaction. Its creator takes the facilitator's seat for
 * the métropole organisation they belong to (or their first one); a platform administrator
 * without an organisation manages it without a seat. With `bundle` (an open-data bundle read by
 * `readBundle`), its organisations are found or created here (`importBundle`) and, once the
 * workshop is committed, the realtime service, which owns its documents, is asked to start them
 * with the bundle's content; if it does not, the workshop is deleted again and
 * `WorkshopImportError` thrown (organisations the import created stay, a new try finds them).
 *
 * @throws WorkshopImportError when the realtime service does not take the first state
 */
export async function createWorkshop(
  sql: Sql,
  options: { actor: Actor; input: WorkshopInput; now: Date; bundle?: Extract<BundleRead, { ok: true }> },
): Promise<string> {
  const { actor } = options;
  const { id, imported } = await insertWorkshop(sql, options);
  if (!imported) return id;
  const answer = await requestDocChange({
    request: {
      kind: 'initial',
      workshopId: id,
      actorId: actor.userId,
      content: Buffer.from(imported.content).toString('base64'),
      facilitation: Buffer.from(imported.facilitation).toString('base64'),
    },
  }).catch((error: unknown) => error as Error);
  if (answer instanceof Error || answer.status !== 'applied') {
    await workshops.remove(sql, { id });
    const why = answer instanceof Error ? answer.message : answer.status;
    throw new WorkshopImportError(`the realtime service did not take the imported documents (${why})`, {
      cause: answer instanceof Error ? answer : undefined,
    });
  }
  return id;
}

async function insertWorkshop(
  sql: Sql,
  options: { actor: Actor; input: WorkshopInput; now: Date; bundle?: Extract<BundleRead, { ok: true }> },
): Promise<{ id: string; imported?: { content: Uint8Array; facilitation: Uint8Array } }> {
  const { actor, input, now, bundle } = options;
  const seatOrganisation = actor.organisations.find((o) => o.kind === 'metropole') ?? actor.organisations[0];
  return sql.begin(async (tx) => {
    let states: { content: Uint8Array; facilitation: Uint8Array } | undefined;
    const workshop = await workshops.create(tx, { ...input, createdBy: actor.userId });
    await audit.record(tx, {
      actorId: actor.userId,
      action: 'workshop.created',
      subjectType: 'workshop',
      subjectId: workshop.id,
      now,
    });
    if (bundle) {
      const imported = await importBundle(tx, {
        bundle: bundle.bundle,
        actor,
        workshopId: workshop.id,
        seatOrganisationId: seatOrganisation?.id,
        now,
      });
      states = { content: imported.content, facilitation: imported.facilitation };
      await audit.record(tx, {
        actorId: actor.userId,
        action: 'workshop.imported',
        subjectType: 'workshop',
        subjectId: workshop.id,
        details: {
          ...bundle.counts,
          ...imported.organisations,
          sourceTitle: bundle.source.title,
          generatedAt: bundle.source.generatedAt,
        },
        now,
      });
    }
    if (seatOrganisation) {
      await workshops.addMember(tx, {
        workshopId: workshop.id,
        userId: actor.userId,
        organisationId: seatOrganisation.id,
        role: 'facilitator',
      });
      await audit.record(tx, {
        actorId: actor.userId,
        action: 'workshop.member_added',
        subjectType: 'workshop',
        subjectId: workshop.id,
        details: { userId: actor.userId, role: 'facilitator', organisationId: seatOrganisation.id },
        now,
      });
    }
    return { id: workshop.id, imported: states };
  });
}

export async function updateWorkshop(
  sql: Sql,
  options: { actor: Actor; workshopId: string; input: WorkshopInput; now: Date },
): Promise<boolean> {
  return sql.begin(async (tx) => {
    const changed = await workshops.update(tx, {
      id: options.workshopId,
      ...options.input,
      now: options.now,
    });
    if (changed) {
      await audit.record(tx, {
        actorId: options.actor.userId,
        action: 'workshop.updated',
        subjectType: 'workshop',
        subjectId: options.workshopId,
        now: options.now,
      });
    }
    return changed;
  });
}

export const statusSchema = z.object({ to: z.enum(WORKSHOP_STATUSES, { error: 'invalid_choice' }) });

/** Moves a workshop one step along draft → scheduled → live → closed; any other move is refused. */
export async function advanceStatus(
  sql: Sql,
  options: { actor: Actor; workshopId: string; from: WorkshopStatus; to: WorkshopStatus; now: Date },
): Promise<boolean> {
  if (nextWorkshopStatus(options.from) !== options.to) return false;
  return sql.begin(async (tx) => {
    const moved = await workshops.changeStatus(tx, {
      id: options.workshopId,
      from: options.from,
      to: options.to,
      now: options.now,
    });
    if (moved) {
      await audit.record(tx, {
        actorId: options.actor.userId,
        action: 'workshop.status_changed',
        subjectType: 'workshop',
        subjectId: options.workshopId,
        details: { from: options.from, to: options.to },
        now: options.now,
      });
    }
    return moved;
  });
}

export const MEMBER_FIELDS = ['email', 'role', 'organisationId'] as const;

export const memberSchema = z.object({
  email: emailField,
  role: z.enum(WORKSHOP_ROLES, { error: 'invalid_choice' }),
  organisationId: z.string().refine(isUuid, 'invalid_choice'),
});

/**
 * Seats a person in a workshop with a role, for one of the organisations they
 * belong to, or changes their role or organisation there.
 */
export async function setWorkshopMember(
  sql: Sql,
  options: {
    actor: Actor;
    workshopId: string;
    email: string;
    role: WorkshopRole;
    organisationId: string;
    now: Date;
  },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const person = await users.findByEmail(sql, { email: options.email });
  if (!person) return { ok: false, errors: { email: 'unknown_account' } };
  const membership = await organisations.roleOf(sql, {
    organisationId: options.organisationId,
    userId: person.id,
  });
  if (!membership) return { ok: false, errors: { organisationId: 'not_member_of_organisation' } };
  return sql.begin(async (tx) => {
    const before = await workshops.seatOf(tx, { workshopId: options.workshopId, userId: person.id });
    if (before?.role === 'facilitator' && options.role !== 'facilitator') {
      if ((await workshops.countFacilitators(tx, { workshopId: options.workshopId })) <= 1) {
        return { ok: false as const, errors: { role: 'last_facilitator' } };
      }
    }
    await workshops.addMember(tx, {
      workshopId: options.workshopId,
      userId: person.id,
      organisationId: options.organisationId,
      role: options.role,
    });
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: before ? 'workshop.member_changed' : 'workshop.member_added',
      subjectType: 'workshop',
      subjectId: options.workshopId,
      details: {
        userId: person.id,
        role: options.role,
        organisationId: options.organisationId,
        previousRole: before?.role ?? null,
      },
      now: options.now,
    });
    return { ok: true as const };
  });
}

/** Removes a person from a workshop, unless they are its last facilitator. */
export async function removeWorkshopMember(
  sql: Sql,
  options: { actor: Actor; workshopId: string; userId: string; now: Date },
): Promise<{ ok: true } | { ok: false; error: 'not_found' | 'last_facilitator' }> {
  // The id comes from a form: not an id, nobody to remove (PostgreSQL would refuse the cast).
  if (!isUuid(options.userId)) return { ok: false, error: 'not_found' };
  return sql.begin(async (tx) => {
    const seat = await workshops.seatOf(tx, options);
    if (!seat) return { ok: false as const, error: 'not_found' as const };
    if (seat.role === 'facilitator' && (await workshops.countFacilitators(tx, options)) <= 1) {
      return { ok: false as const, error: 'last_facilitator' as const };
    }
    await workshops.removeMember(tx, options);
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: 'workshop.member_removed',
      subjectType: 'workshop',
      subjectId: options.workshopId,
      details: { userId: options.userId, previousRole: seat.role },
      now: options.now,
    });
    return { ok: true as const };
  });
}
