// Words of the Scenarios section: error sentences, kinds, the known assumptions.
import { m } from '$lib/paraglide/messages.js';
import type { AssumptionError, AssumptionKind } from './assumptions.ts';

/** Errors of the scenario's own fields, besides those of assumptions. */
export type ScenarioFieldError =
  AssumptionError | 'title_required' | 'title_too_long' | 'description_too_long';

export function errorSentence(error: ScenarioFieldError): string {
  switch (error) {
    case 'name_required':
      return m.scenarios_error_name_required();
    case 'name_too_long':
      return m.scenarios_error_name_too_long();
    case 'name_taken':
      return m.scenarios_error_name_taken();
    case 'value_required':
      return m.scenarios_error_value_required();
    case 'not_a_number':
      return m.scenarios_error_not_a_number();
    case 'text_too_long':
      return m.scenarios_error_text_too_long();
    case 'out_of_model_range':
      return m.scenarios_error_out_of_model_range();
    case 'title_required':
      return m.scenarios_error_title_required();
    case 'title_too_long':
      return m.scenarios_error_title_too_long();
    case 'description_too_long':
      return m.scenarios_error_description_too_long();
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}

export function kindLabel(kind: AssumptionKind): string {
  switch (kind) {
    case 'number':
      return m.scenarios_kind_number();
    case 'text':
      return m.scenarios_kind_text();
    case 'boolean':
      return m.scenarios_kind_boolean();
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

const KNOWN_LABELS: Record<string, () => string> = {
  'mobility.fuelPrice': m.scenarios_known_fuel_price,
  'mobility.teleworkShare': m.scenarios_known_telework_share,
  'mobility.cyclingQuality': m.scenarios_known_cycling_quality,
  'skills.crossBorderPull': m.scenarios_known_cross_border_share,
  'skills.jobSeekerMatchRate': m.scenarios_known_job_seeker_match_rate,
  'skills.reachCarMinutes': m.scenarios_known_reach_car,
  'skills.reachPtMinutes': m.scenarios_known_reach_pt,
  'skills.reachCarAccessShare': m.scenarios_known_car_access,
};

/** What a known assumption means, for people; undefined for names the models do not read. */
export function knownLabel(name: string): string | undefined {
  return KNOWN_LABELS[name]?.();
}
