// The assumptions the territory's two models read, checked with the models' own schemas.
// Imported by the scenario editor only, which the room loads when the Scenarios tab opens:
// the model schemas stay out of the room's first load.
import { mobilityScenarioSchema, skillsScenarioSchema } from '@atelier/domain';
import type { KnownAssumption } from './assumptions.ts';

const mobility = mobilityScenarioSchema.shape;
const skills = skillsScenarioSchema.shape;

/**
 * Scalar assumptions of the mobility and skills scenario schemas (nested ones named
 * with a dot). The scenario lab will map a scenario's record onto the models' inputs.
 */
export const KNOWN_ASSUMPTIONS: readonly KnownAssumption[] = [
  { name: 'fuelPrice', model: 'mobility', kind: 'number', schema: mobility.fuelPrice },
  { name: 'teleworkShare', model: 'mobility', kind: 'number', schema: mobility.teleworkShare },
  { name: 'cyclingQuality', model: 'mobility', kind: 'number', schema: mobility.cyclingQuality },
  { name: 'yearsToRetirement', model: 'skills', kind: 'number', schema: skills.yearsToRetirement },
  { name: 'jobSeekerMatchRate', model: 'skills', kind: 'number', schema: skills.jobSeekerMatchRate },
  { name: 'otherEntrantRate', model: 'skills', kind: 'number', schema: skills.otherEntrantRate },
  {
    name: 'crossBorderPull.share',
    model: 'skills',
    kind: 'number',
    schema: skills.crossBorderPull.unwrap().shape.share,
  },
  {
    name: 'reach.carMinutes',
    model: 'skills',
    kind: 'number',
    schema: skills.reach.unwrap().shape.carMinutes,
  },
  { name: 'reach.ptMinutes', model: 'skills', kind: 'number', schema: skills.reach.unwrap().shape.ptMinutes },
];

export function knownAssumption(name: string): KnownAssumption | undefined {
  return KNOWN_ASSUMPTIONS.find((known) => known.name === name);
}
