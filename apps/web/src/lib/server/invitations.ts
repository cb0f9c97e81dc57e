import { audit, invitations, organisations, type Sql } from '@atelier/db';
import { ORGANISATION_KINDS, WORKSHOP_ROLES, type Actor } from '@atelier/domain';
import { z } from 'zod';
import { isUuid } from './access.ts';
import type { FieldErrors } from './forms.ts';

export const INVITATION_FIELDS = ['role', 'target', 'expiresInDays', 'maxUses'] as const;

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
});

export type InvitationInput = z.output<typeof invitationSchema>;

/** Creates an invitation link; the token is returned once, to be shown to the facilitator. */
export async function createInvitation(
  sql: Sql,
  options: { actor: Actor; workshopId: string; input: InvitationInput; now: Date },
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
  await sql.begin(async (tx) => {
    const invitation = await invitations.create(tx, {
      token,
      workshopId: options.workshopId,
      role: input.role,
      organisationId,
      organisationKind,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 24 * 60 * 60 * 1000),
      maxUses: input.maxUses,
      createdBy: options.actor.userId,
      now,
    });
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
        maxUses: input.maxUses,
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
