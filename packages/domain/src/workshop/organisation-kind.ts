import { z } from 'zod';

/** The kinds of organisation that take part in a consultation. */
export const ORGANISATION_KINDS = [
  'company',
  'school',
  'training_body',
  'public_body',
  'association',
  'metropole',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const organisationKindSchema = z.enum(ORGANISATION_KINDS);

/** Roles a person holds inside an organisation. */
export const MEMBERSHIP_ROLES = ['admin', 'member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const membershipRoleSchema = z.enum(MEMBERSHIP_ROLES);

export type OrganisationId = string & { __brand: 'OrganisationId' };
