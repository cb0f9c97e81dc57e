import type { CallState, ContributionKind, ContributionStatus } from '@atelier/domain';
import { m } from '$lib/paraglide/messages.js';

/** The translated name of what a call asks for. */
export function askLabel(kind: ContributionKind): string {
  switch (kind) {
    case 'needs':
      return m.contrib_kind_needs();
    case 'training_offer':
      return m.contrib_kind_training_offer();
    case 'comment':
      return m.contrib_kind_comment();
    case 'answers':
      return m.contrib_kind_answers();
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

export function callStateLabel(state: CallState): string {
  switch (state) {
    case 'scheduled':
      return m.contrib_state_scheduled();
    case 'open':
      return m.contrib_state_open();
    case 'closed':
      return m.contrib_state_closed();
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

export function statusLabel(status: ContributionStatus): string {
  switch (status) {
    case 'draft':
      return m.contrib_status_draft();
    case 'submitted':
      return m.contrib_status_submitted();
    case 'accepted':
      return m.contrib_status_accepted();
    case 'rejected':
      return m.contrib_status_rejected();
    case 'withdrawn':
      return m.contrib_status_withdrawn();
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

/** What to fix in a field, in the reader's language (the domain's message is for developers). */
export function fieldErrorText(field: string): string {
  switch (field) {
    case 'romeCode':
    case 'romeCodes':
      return m.contrib_err_rome();
    case 'title':
      return m.contrib_err_title();
    case 'headcount':
      return m.contrib_err_headcount();
    case 'horizonMonths':
      return m.contrib_err_horizon();
    case 'communeCode':
      return m.contrib_err_commune();
    case 'contract':
      return m.contrib_err_contract();
    case 'difficulty':
      return m.contrib_err_difficulty();
    case 'seatsPerYear':
      return m.contrib_err_seats();
    case 'durationMonths':
      return m.contrib_err_duration();
    case 'startDate':
      return m.contrib_err_start_date();
    case 'actionId':
      return m.contrib_err_action();
    case 'text':
      return m.contrib_err_text();
    case 'needs':
      return m.contrib_err_needs();
    default:
      return m.contrib_err_answer();
  }
}

/** The sentence for a refused save or submission. */
export function outcomeText(code: string): string {
  switch (code) {
    case 'call_closed':
      return m.contrib_out_call_closed();
    case 'call_not_open':
      return m.contrib_out_call_not_open();
    case 'rate_limited':
      return m.contrib_out_rate_limited();
    case 'not_editable':
      return m.contrib_out_not_editable();
    case 'not_member':
      return m.contrib_out_not_member();
    case 'not_asked':
      return m.contrib_out_not_asked();
    case 'csv_too_large':
      return m.contrib_out_csv_too_large();
    case 'csv_missing':
      return m.contrib_out_csv_missing();
    case 'csv_not_utf8':
      return m.contrib_out_csv_not_utf8();
    case 'csv_not_text':
      return m.contrib_out_csv_not_text();
    default:
      return m.contrib_out_invalid();
  }
}

export function contractLabel(contract: string): string {
  switch (contract) {
    case 'cdi':
      return m.contrib_contract_cdi();
    case 'cdd':
      return m.contrib_contract_cdd();
    case 'apprenticeship':
      return m.contrib_contract_apprenticeship();
    case 'internship':
      return m.contrib_contract_internship();
    case 'interim':
      return m.contrib_contract_interim();
    default:
      return contract;
  }
}

/** The sentence for a moderation outcome. */
export function moderationText(outcome: string): string {
  switch (outcome) {
    case 'accepted':
      return m.contrib_mod_accepted();
    case 'rejected':
      return m.contrib_mod_rejected();
    case 'already_moderated':
      return m.contrib_mod_already();
    case 'merge_failed':
      return m.contrib_mod_merge_failed();
    case 'reason_required':
      return m.contrib_mod_reason_required();
    case 'trust_required':
      return m.contrib_mod_trust_required();
    case 'not_found':
      return m.contrib_mod_not_found();
    default:
      return m.contrib_mod_invalid();
  }
}
