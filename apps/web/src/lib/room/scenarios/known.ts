// The assumptions the territory's two models read, under the scenario lab's canonical keys
// (packages/domain/src/scenario-lab/README.md): the mobility ones checked with the model's own
// schema, the skills ones with the lab's limits (SKILLS_GLOBAL_SCHEMAS, as compileScenario does).
// Imported by the scenario editor only, which the room loads when the Scenarios tab opens.
// The lab's `validateChange` checks the same keys but carries the territory (zones, roads,
// lines): too heavy here for the global inputs this editor suggests.
import {
  formatLabKey,
  MOBILITY_GLOBALS,
  mobilityScenarioSchema,
  SKILLS_GLOBAL_SCHEMAS,
  SKILLS_GLOBALS,
} from '@atelier/domain';
import type { KnownAssumption } from './assumptions.ts';

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
    schema: SKILLS_GLOBAL_SCHEMAS[field],
  })),
];

export function knownAssumption(name: string): KnownAssumption | undefined {
  return KNOWN_ASSUMPTIONS.find((known) => known.name === name);
}
