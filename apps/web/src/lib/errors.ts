import { m } from '$lib/paraglide/messages.js';

/** The sentence for an error code sent back by a form action; unknown codes get a generic one. */
export function errorText(code: string): string {
  switch (code) {
    case 'required':
      return m.err_required();
    case 'too_long':
      return m.err_too_long();
    case 'invalid_characters':
      return m.err_invalid_characters();
    case 'invalid_email':
      return m.err_invalid_email();
    case 'email_taken':
      return m.err_email_taken();
    case 'password_too_short':
      return m.err_password_too_short();
    case 'password_too_long':
      return m.err_password_too_long();
    case 'password_common':
      return m.err_password_common();
    case 'wrong_password':
      return m.err_wrong_password();
    case 'invalid_siren':
      return m.err_invalid_siren();
    case 'siren_taken':
      return m.err_siren_taken();
    case 'unknown_commune':
      return m.err_unknown_commune();
    case 'kind_reserved':
      return m.err_kind_reserved();
    case 'invalid_choice':
      return m.err_invalid_choice();
    case 'invalid_date':
      return m.err_invalid_date();
    case 'invalid_number':
      return m.err_invalid_number();
    case 'out_of_range':
      return m.err_out_of_range();
    case 'unknown_account':
      return m.err_unknown_account();
    case 'not_member_of_organisation':
      return m.err_not_member_of_organisation();
    case 'last_admin':
      return m.err_last_admin();
    case 'last_facilitator':
      return m.err_last_facilitator();
    case 'workshop_closed':
      return m.err_workshop_closed();
    default:
      return m.err_invalid();
  }
}
