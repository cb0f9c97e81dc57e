import { audit, organisations, users, type Queryable, type Sql } from '@atelier/db';
import {
  can,
  MEMBERSHIP_ROLES,
  ORGANISATION_KINDS,
  sirenSchema,
  type Actor,
  type MembershipRole,
} from '@atelier/domain';
import { z } from 'zod';
import { findCommune } from '$lib/territory/communes.ts';
import { isUuid } from './access.ts';
import { emailField } from './auth/account-schemas.ts';
import type { FieldErrors } from './forms.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

export const ORGANISATION_FIELDS = ['kind', 'name', 'siren', 'communeCode'] as const;

export const organisationSchema = z.object({
  kind: z.enum(ORGANISATION_KINDS, { error: 'invalid_choice' }),
  name: z
    .string()
    .trim()
    .min(1, 'required')
    .max(200, 'too_long')
    .refine((value) => !CONTROL.test(value), 'invalid_characters'),
  siren: z
    .string()
    .max(20, 'invalid_siren')
    .transform((value) => value.trim())
    .pipe(z.union([z.literal(''), sirenSchema], { error: 'invalid_siren' }))
    .transform((value) => (value === '' ? null : value)),
  communeCode: z
    .string()
    .trim()
    .superRefine((code, context) => {
      if (!findCommune(code))
        context.addIssue({ code: 'custom', message: code === '' ? 'required' : 'unknown_commune' });
    }),
});

export type OrganisationInput = z.output<typeof organisationSchema>;

/** Refuses the `metropole` kind to people the policy does not let give it. */
function kindErrors(actor: Actor, input: OrganisationInput): FieldErrors | undefined {
  if (input.kind === 'metropole' && !can(actor, 'organisation.createMetropole', { type: 'platform' })) {
    return { kind: 'kind_reserved' };
  }
  return undefined;
}

/** Creates an organisation; its creator becomes its admin. */
export async function createOrganisation(
  sql: Sql,
  options: { actor: Actor; input: OrganisationInput; now: Date },
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const { actor, input, now } = options;
  const refused = kindErrors(actor, input);
  if (refused) return { ok: false, errors: refused };
  if (input.siren && (await organisations.sirenTaken(sql, { siren: input.siren }))) {
    return { ok: false, errors: { siren: 'siren_taken' } };
  }
  const id = await sql.begin((tx) => insertOrganisation(tx, { actor, input, now }));
  return { ok: true, id };
}

/**
 * Stores an organisation checked by the caller, with its creator as admin, both audited, inside
 * the caller's transaction (the creation form's, or a workshop import's).
 *
 * @param options.details - more for the creation's audit entry (e.g. the workshop it was imported into)
 * @example const id = await insertOrganisation(tx, { actor, input: { kind, name, siren: null, communeCode }, now })
 */
export async function insertOrganisation(
  tx: Queryable,
  options: {
    actor: Actor;
    input: Pick<OrganisationInput, 'kind' | 'name' | 'siren' | 'communeCode'>;
    now: Date;
    details?: Record<string, unknown>;
  },
): Promise<string> {
  const { actor, input, now } = options;
  const organisation = await organisations.create(tx, input);
  await organisations.addMember(tx, { organisationId: organisation.id, userId: actor.userId, role: 'admin' });
  await audit.record(tx, {
    actorId: actor.userId,
    action: 'organisation.created',
    subjectType: 'organisation',
    subjectId: organisation.id,
    details: { kind: input.kind, ...options.details },
    now,
  });
  await audit.record(tx, {
    actorId: actor.userId,
    action: 'organisation.member_added',
    subjectType: 'organisation',
    subjectId: organisation.id,
    details: { userId: actor.userId, role: 'admin' },
    now,
  });
  return organisation.id;
}

export async function updateOrganisation(
  sql: Sql,
  options: { actor: Actor; id: string; currentKind: string; input: OrganisationInput; now: Date },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const { actor, input, now } = options;
  if (input.kind !== options.currentKind) {
    const refused = kindErrors(actor, input);
    if (refused) return { ok: false, errors: refused };
  }
  if (input.siren && (await organisations.sirenTaken(sql, { siren: input.siren, exceptId: options.id }))) {
    return { ok: false, errors: { siren: 'siren_taken' } };
  }
  await sql.begin(async (tx) => {
    await organisations.update(tx, { id: options.id, ...input, now });
    await audit.record(tx, {
      actorId: actor.userId,
      action: 'organisation.updated',
      subjectType: 'organisation',
      subjectId: options.id,
      details: { kind: input.kind },
      now,
    });
  });
  return { ok: true };
}

export const addMemberSchema = z.object({
  email: emailField,
  role: z.enum(MEMBERSHIP_ROLES, { error: 'invalid_choice' }),
});

/** Adds an existing account to an organisation, or changes its role there. */
export async function setOrganisationMember(
  sql: Sql,
  options: { actor: Actor; organisationId: string; email: string; role: MembershipRole; now: Date },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const person = await users.findByEmail(sql, { email: options.email });
  if (!person) return { ok: false, errors: { email: 'unknown_account' } };
  return sql.begin(async (tx) => {
    const before = await organisations.roleOf(tx, {
      organisationId: options.organisationId,
      userId: person.id,
    });
    if (before === 'admin' && options.role !== 'admin') {
      if ((await organisations.adminCount(tx, { organisationId: options.organisationId })) <= 1) {
        return { ok: false as const, errors: { role: 'last_admin' } };
      }
    }
    await organisations.addMember(tx, {
      organisationId: options.organisationId,
      userId: person.id,
      role: options.role,
    });
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: before ? 'organisation.member_role_changed' : 'organisation.member_added',
      subjectType: 'organisation',
      subjectId: options.organisationId,
      details: { userId: person.id, role: options.role, previousRole: before ?? null },
      now: options.now,
    });
    return { ok: true as const };
  });
}

/** Removes a person from an organisation (and from the workshops where they represented it). */
export async function removeOrganisationMember(
  sql: Sql,
  options: { actor: Actor; organisationId: string; userId: string; now: Date },
): Promise<{ ok: true } | { ok: false; error: 'last_admin' | 'not_found' }> {
  // The id comes from a form: not an id, nobody to remove (PostgreSQL would refuse the cast).
  if (!isUuid(options.userId)) return { ok: false, error: 'not_found' };
  return sql.begin(async (tx) => {
    const role = await organisations.roleOf(tx, options);
    if (!role) return { ok: false as const, error: 'not_found' as const };
    if (role === 'admin' && (await organisations.adminCount(tx, options)) <= 1) {
      return { ok: false as const, error: 'last_admin' as const };
    }
    await organisations.removeMember(tx, options);
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: 'organisation.member_removed',
      subjectType: 'organisation',
      subjectId: options.organisationId,
      details: { userId: options.userId, previousRole: role },
      now: options.now,
    });
    return { ok: true as const };
  });
}
