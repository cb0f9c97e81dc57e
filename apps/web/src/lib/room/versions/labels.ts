// Words of the saved-versions pages: field names and values as people read them.
import { m } from '$lib/paraglide/messages.js';
import type { RowChange } from './diff.ts';

const FIELD_LABELS: Record<string, () => string> = {
  title: m.versions_field_title,
  organisationId: m.versions_field_organisation,
  romeCode: m.versions_field_rome_code,
  skills: m.versions_field_skills,
  headcount: m.versions_field_headcount,
  horizonMonths: m.versions_field_horizon,
  communeCode: m.versions_field_commune,
  contract: m.versions_field_contract,
  difficulty: m.versions_field_difficulty,
  crossBorder: m.versions_field_cross_border,
  comment: m.versions_field_comment,
  description: m.versions_field_description,
  ownerOrganisationId: m.versions_field_owner,
  partnerOrganisationIds: m.versions_field_partners,
  start: m.versions_field_start,
  due: m.versions_field_due,
  status: m.versions_field_status,
  needIds: m.versions_field_needs,
  text: m.versions_field_text,
  category: m.versions_field_category,
  groupId: m.versions_field_group,
};

/** A field's name for people; an unknown field keeps its technical name. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field]?.() ?? field;
}

const ORGANISATION_FIELDS: ReadonlySet<string> = new Set([
  'organisationId',
  'ownerOrganisationId',
  'partnerOrganisationIds',
]);

/**
 * A field's value as short text: organisations by name, booleans as yes/no, lists
 * joined, long text cut at 80 characters.
 */
export function fieldText(field: string, value: unknown, organisationNames: Record<string, string>): string {
  if (value === undefined || value === null || value === '') return '—';
  const one = (item: unknown): string => {
    if (typeof item === 'boolean') return item ? m.versions_yes() : m.versions_no();
    const text = typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item);
    return ORGANISATION_FIELDS.has(field) ? (organisationNames[text] ?? text) : text;
  };
  const text = Array.isArray(value) ? value.map(one).join(', ') : one(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The text label of a row's change since the version (colour is never the only signal). */
export function statusLabel(row: RowChange): string {
  switch (row.status) {
    case 'added':
      return m.versions_status_added();
    case 'deleted':
      return m.versions_status_deleted();
    case 'modified':
      return m.versions_status_modified({ fields: row.fields.map(fieldLabel).join(', ') });
    case 'unchanged':
      return m.versions_status_unchanged();
    default: {
      const unreachable: never = row.status;
      return unreachable;
    }
  }
}
