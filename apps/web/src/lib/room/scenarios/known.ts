// The assumptions the territory's two models read, under the scenario lab's canonical keys
// (packages/domain/src/scenario-lab/README.md), checked with the models' own schemas.
// Imported by the scenario editor only, which the room loads when the Scenarios tab opens.
// The lab's `validateChange` checks the same keys but carries the territory (zones, roads,
// lines): too heavy here for the global inputs this editor suggests.
import {
  formatLabKey,
  MOBILITY_GLOBALS,
  mobilityScenarioSchema,
  SKILLS_GLOBALS,
  skillsScenarioSchema,
} from '@atelier/domain';
import { z } from 'zod';
import type { KnownAssumption } from './assumptions.ts';

const skills = skillsScenarioSchema.shape;
/** The lab's limits on commuting reach (`SKILLS_GLOBAL_SCHEMAS` in scenario-lab/compile.ts). */
const reachMinutes = z.number().positive().max(180);
const SKILLS_SCHEMAS: Record<(typeof SKILLS_GLOBALS)[number], z.ZodType> = {
  crossBorderPull: skills.crossBorderPull.unwrap().shape.share,
  jobSeekerMatchRate: skills.jobSeekerMatchRate,
  reachCarMinutes: reachMinutes,
  reachPtMinutes: reachMinutes,
  reachCarAccessShare: skills.reach.unwrap().shape.carAccessShare.unwrap(),
};

/** The global inputs of both models (zones, roads, lines and levers are the lab's own forms). */
export const KNOWN_ASSUMPTIONS: readonly KnownAssumption[] = [
  ...MOBILITY_GLOBALS.map((field) => ({
    name: formatLabKey({ model: 'mobility', kind: 'global', field }),
    model: 'mobility' as const,
    kind: 'number' as const,
    schema: mobilityScenarioSchema.shape[field],
  })),
  ...SKILLS_GLOBALS.map((field) => ({
    name: formatLabKey({ model: 'skills', kind: 'global', field }),
    model: 'skills' as const,
    kind: 'number' as const,
    schema: SKILLS_SCHEMAS[field],
  })),
];

export function knownAssumption(name: string): KnownAssumption | undefined {
  return KNOWN_ASSUMPTIONS.find((known) => known.name === name);
}
