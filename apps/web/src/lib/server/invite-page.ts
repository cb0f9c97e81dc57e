import { invitations, organisations, type Queryable, type SessionUser } from '@atelier/db';
import { invitationState } from '@atelier/domain';
import { error } from '@sveltejs/kit';

/**
 * The invitation of a link, or a clear 4xx page: 404 for a link that never
 * existed, 410 for one that was revoked, expired, used up or whose workshop closed.
 */
export async function loadInvitation(
  sql: Queryable,
  options: { token: string; user: SessionUser | null; now: Date },
) {
  const invitation = await invitations.findByToken(sql, { token: options.token });
  if (!invitation) error(404, { message: 'Unknown invitation', code: 'invitation_unknown' });
  const state = invitationState(invitation, options.now);
  const seated = options.user
    ? (
        await sql`select 1 from workshop_members where workshop_id = ${invitation.workshopId} and user_id = ${options.user.id}`
      ).length > 0
    : false;
  if (state !== 'valid' && !seated)
    error(410, { message: 'Invitation not usable', code: `invitation_${state}` });
  const mine = options.user ? await organisations.listForUser(sql, { userId: options.user.id }) : [];
  return {
    workshopId: invitation.workshopId,
    workshopTitle: invitation.workshopTitle,
    role: invitation.role,
    organisationName: invitation.organisationName,
    organisationKind: invitation.organisationKind,
    namedOrganisation: invitation.organisationId !== null,
    seated,
    // For an invitation by kind (or for anyone), the organisations the person may represent.
    choices: invitation.organisationId
      ? []
      : mine
          .filter((o) => !invitation.organisationKind || o.kind === invitation.organisationKind)
          .map((o) => ({ id: o.id, name: o.name })),
  };
}
