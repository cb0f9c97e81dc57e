import { audit, calls, invitations, organisations, outbox, users, workshops, type Sql } from '@atelier/db';
import { ORGANISATION_KINDS, WORKSHOP_ROLES, type Actor } from '@atelier/domain';
import { z } from 'zod';
import { isUuid } from './access.ts';
import { emailField } from './auth/account-schemas.ts';
import type { FieldErrors } from './forms.ts';

export const INVITATION_FIELDS = [
  'role',
  'target',
  'expiresInDays',
  'maxUses',
  'email',
  'emailLocale',
] as const;

const target = z.string().superRefine((value, context) => {
  const [kind, id] = value.split(':');
  const ok =
    value === 'any' ||
    (kind === 'kind' && (ORGANISATION_KINDS as readonly string[]).includes(id ?? '')) ||
    (kind === 'org' && isUuid(id ?? ''));
  if (!ok) context.addIssue({ code: 'custom', message: 'invalid_choice' });
});

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[0-9]{1,4}$/, 'invalid_number')
    .transform(Number)
    .pipe(z.number().min(min, 'out_of_range').max(max, 'out_of_range'));

export const invitationSchema = z.object({
  role: z.enum(WORKSHOP_ROLES, { error: 'invalid_choice' }),
  /** `any`, `kind:<organisation kind>` or `org:<organisation id>`. */
  target,
  expiresInDays: wholeNumber(1, 90),
  maxUses: wholeNumber(1, 500),
  /** Issue 20: sent by e-mail to this one address (the link then works once). Empty: a link to share. */
  email: z.union([z.literal(''), emailField]).transform((value) => value || null),
  /** The language of that e-mail when the address has no account (an account's own language wins). */
  emailLocale: z.enum(['fr', 'en', 'de'], { error: 'invalid_choice' }).catch('fr'),
});

export type InvitationInput = z.output<typeof invitationSchema>;

/**
 * Creates an invitation link; the token is returned once, to be shown to the facilitator. An
 * invitation to an address works once and leaves by e-mail: the message is written to the
 * outbox in the invitation's own transaction.
 */
export async function createInvitation(
  sql: Sql,
  options: {
    actor: Actor;
    workshopId: string;
    input: InvitationInput;
    now: Date;
    /** A call of the workshop the link leads to (anything else is ignored). */
    callId?: string;
  },
): Promise<{ ok: true; token: string } | { ok: false; errors: FieldErrors }> {
  const { input, now } = options;
  const [kind, value] = input.target.split(':') as [string, string | undefined];
  let organisationId: string | null = null;
  if (kind === 'org' && value) {
    if (!(await organisations.findById(sql, { id: value })))
      return { ok: false, errors: { target: 'invalid_choice' } };
    organisationId = value;
  }
  const organisationKind = kind === 'kind' ? (value as (typeof ORGANISATION_KINDS)[number]) : null;
  const token = invitations.generateToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000);
  await sql.begin(async (tx) => {
    const invitation = await invitations.create(tx, {
      token,
      workshopId: options.workshopId,
      role: input.role,
      organisationId,
      organisationKind,
      expiresAt,
      maxUses: input.email ? 1 : input.maxUses,
      createdBy: options.actor.userId,
      email: input.email,
      now,
    });
    const call =
      options.callId && isUuid(options.callId) ? await calls.find(tx, { id: options.callId }) : undefined;
    const linkedCall = call?.workshopId === options.workshopId ? call : undefined;
    if (linkedCall)
      await invitations.setCall(tx, { token, workshopId: options.workshopId, callId: linkedCall.id });
    if (input.email) {
      // An address that has an account gets the e-mail in that account's language.
      const existing = await users.findByEmail(tx, { email: input.email });
      const inviter = await users.findById(tx, { id: options.actor.userId });
      const workshop = await workshops.findById(tx, { id: options.workshopId });
      const organisation = organisationId
        ? await organisations.findById(tx, { id: organisationId })
        : undefined;
      await outbox.enqueue(tx, {
        key: `invitation:${invitation.id}`,
        kind: 'invitation',
        userId: existing?.id ?? null,
        to: input.email,
        locale: existing?.locale ?? input.emailLocale,
        payload: {
          secret: token,
          workshopTitle: workshop?.title ?? '',
          inviterName: inviter?.displayName ?? '',
          role: input.role,
          organisationName: organisation?.name ?? null,
          callTitle: linkedCall?.title ?? null,
          expiresAt: expiresAt.toISOString(),
        },
        dueAt: now,
        now,
      });
    }
    await audit.record(tx, {
      actorId: options.actor.userId,
      action: 'invitation.created',
      subjectType: 'workshop',
      subjectId: options.workshopId,
      details: {
        invitationId: invitation.id,
        role: input.role,
        organisationId,
        organisationKind,
        maxUses: input.email ? 1 : input.maxUses,
        byEmail: input.email !== null,
      },
      now,
    });
  });
  return { ok: true, token };
}

export async function revokeInvitation(
  sql: Sql,
  options: { actor: Actor; workshopId: string; invitationId: string; now: Date },
): Promise<boolean> {
  if (!isUuid(options.invitationId)) return false;
  return sql.begin(async (tx) => {
    const revoked = await invitations.revoke(tx, {
      id: options.invitationId,
      workshopId: options.workshopId,
      now: options.now,
    });
    if (revoked) {
      await audit.record(tx, {
        actorId: options.actor.userId,
        action: 'invitation.revoked',
        subjectType: 'workshop',
        subjectId: options.workshopId,
        details: { invitationId: options.invitationId },
        now: options.now,
      });
    }
    return revoked;
  });
}
