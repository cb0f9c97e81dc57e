// What the needs register shows people: field names, choices, errors and times, in the
// reader's language (Paraglide `needs_` catalogue).
import type { ContractType } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/paraglide/runtime.js';
import { TIME_ZONE } from '$lib/dates.ts';
import { DEPARTMENTS } from '$lib/territory/communes.ts';
import type { FieldError, NeedField } from './need-form.ts';

/** Refusals of the roadmap form share the same messages. */
export type AnyFieldError = FieldError | { code: 'date_format' } | { code: 'due_before_start' };

export function errorText(error: AnyFieldError): string {
  switch (error.code) {
    case 'required':
      return m.needs_error_required();
    case 'too_long':
      return m.needs_error_too_long({ max: error.max });
    case 'too_many':
      return m.needs_error_too_many({ max: error.max });
    case 'positive_integer':
      return m.needs_error_positive_integer();
    case 'whole_number':
      return m.needs_error_whole_number();
    case 'range':
      return m.needs_error_range({ min: error.min, max: error.max });
    case 'unknown_rome':
      return m.needs_error_unknown_rome();
    case 'unknown_commune':
      return m.needs_error_unknown_commune();
    case 'unknown_organisation':
      return m.needs_error_unknown_organisation();
    case 'unknown_choice':
      return m.needs_error_unknown_choice();
    case 'invalid':
      return m.needs_error_invalid();
    case 'date_format':
      return m.needs_error_date_format();
    case 'due_before_start':
      return m.needs_error_due_before_start();
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

export function fieldLabel(field: NeedField): string {
  switch (field) {
    case 'organisationId':
      return m.needs_field_organisation();
    case 'romeCode':
      return m.needs_field_occupation();
    case 'title':
      return m.needs_field_title();
    case 'skills':
      return m.needs_field_skills();
    case 'headcount':
      return m.needs_field_headcount();
    case 'horizonMonths':
      return m.needs_field_horizon();
    case 'communeCode':
      return m.needs_field_commune();
    case 'contract':
      return m.needs_field_contract();
    case 'difficulty':
      return m.needs_field_difficulty();
    case 'crossBorder':
      return m.needs_field_cross_border();
    case 'comment':
      return m.needs_field_comment();
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

export function contractLabel(contract: ContractType): string {
  switch (contract) {
    case 'cdi':
      return m.needs_contract_cdi();
    case 'cdd':
      return m.needs_contract_cdd();
    case 'apprenticeship':
      return m.needs_contract_apprenticeship();
    case 'internship':
      return m.needs_contract_internship();
    case 'interim':
      return m.needs_contract_interim();
    default: {
      const unreachable: never = contract;
      return unreachable;
    }
  }
}

export function difficultyLabel(difficulty: number): string {
  const labels = [m.needs_difficulty_1, m.needs_difficulty_2, m.needs_difficulty_3, m.needs_difficulty_4];
  return labels[difficulty - 1]?.() ?? String(difficulty);
}

let formatters: { locale: string; format: Intl.DateTimeFormat } | undefined;

/** A stored instant as Paris wall-clock time, e.g. "26/11/2026 09:14". */
export function formatWhen(iso: string): string {
  const locale = getLocale();
  if (formatters?.locale !== locale) {
    formatters = {
      locale,
      format: new Intl.DateTimeFormat(locale, {
        dateStyle: 'short',
        timeStyle: 'short',
        timeZone: TIME_ZONE,
      }),
    };
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatters.format.format(date);
}

/** A commune as the needs filters list it: its code, and "Metz (57463)". */
export interface CommuneOption {
  value: string;
  label: string;
}

let communeList: CommuneOption[] | undefined;

/** The territory's communes as filter options: "Metz (57463)". */
export function communeOptions(): CommuneOption[] {
  communeList ??= DEPARTMENTS.flatMap((department) =>
    department.communes.map((commune) => ({
      value: commune.code,
      label: `${commune.name} (${commune.code})`,
    })),
  );
  return communeList;
}
