// A contribution form posted without JavaScript carries what people typed in the pickers (a job
// title, a commune's name); with JavaScript, the codes. The server turns titles and names into
// codes before validating, so both paths store the same need.
import { resolveCommuneCode, resolveRomeCode } from '@atelier/domain';
import type { FormValues } from '$lib/contributions/payload-form.ts';

const OCCUPATION = /^needs\.\d+\.romeCode$/;
const COMMUNE = /^(needs\.\d+\.)?communeCode$/;

/**
 * The values with occupations and communes as codes where the text names one; other text is
 * left as typed, for validation to refuse at its field.
 *
 * @example resolvePickedValues({ 'needs.0.romeCode': 'Cariste', 'needs.0.communeCode': 'Thionville' }) // { 'needs.0.romeCode': 'N1101', 'needs.0.communeCode': '57672' }
 */
export function resolvePickedValues(values: FormValues): FormValues {
  const out: FormValues = { ...values };
  for (const [key, value] of Object.entries(values)) {
    if (OCCUPATION.test(key)) out[key] = resolveRomeCode(value) ?? value;
    else if (COMMUNE.test(key)) out[key] = resolveCommuneCode(value) ?? value;
  }
  return out;
}
