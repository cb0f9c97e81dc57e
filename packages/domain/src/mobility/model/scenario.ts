/**
 * Scenario assumptions: the inputs the workshop room edits. A scenario lists changes to
 * the baseline territory; the empty scenario is the baseline.
 */
import { z } from 'zod';
import { PT_KINDS } from '../transit/pt-network.ts';

const zoneId = z.string().min(1);

export const zoneChangeSchema = z.object({
  zone: zoneId,
  /** Added residents (negative: fewer). */
  populationDelta: z.number().default(0),
  /** Added jobs (negative: fewer). */
  jobsDelta: z.number().default(0),
  /** Parking cost at destination, euros per trip; replaces the baseline's. */
  parkingCost: z.number().min(0).optional(),
});

export const roadChangeSchema = z.object({
  /** Zone ids of the two ends (the link between their road nodes, both directions). */
  from: zoneId,
  to: zoneId,
  /** Only the links of this road (e.g. "A31"); default: every link between the two zones. */
  name: z.string().optional(),
  capacityFactor: z.number().positive().optional(),
  speedKmh: z.number().positive().optional(),
  closed: z.boolean().optional(),
});

export const newRoadSchema = z.object({
  from: zoneId,
  to: zoneId,
  lengthKm: z.number().positive(),
  speedKmh: z.number().positive(),
  lanes: z.number().int().positive(),
  capacityPerLane: z.number().positive().default(1800),
  name: z.string().default('new road'),
});

export const ptChangeSchema = z.object({
  line: z.string().min(1),
  /** Peak headway; without `offPeakHeadwayMinutes`, the off-peak headway changes in the same ratio. */
  headwayMinutes: z.number().positive().optional(),
  offPeakHeadwayMinutes: z.number().positive().optional(),
  fare: z.number().min(0).optional(),
  speedKmh: z.number().positive().optional(),
  closed: z.boolean().optional(),
});

export const newPtLineSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(PT_KINDS),
  zones: z.array(zoneId).min(2),
  headwayMinutes: z.number().positive(),
  /** Default: twice the peak headway, at most 120 minutes (and never below the peak headway). */
  offPeakHeadwayMinutes: z.number().positive().optional(),
  speedKmh: z.number().positive(),
  vehicleCapacity: z.number().positive(),
  fare: z.number().min(0).default(0),
  farePerKm: z.number().min(0).default(0),
});

export const scenarioSchema = z.object({
  name: z.string().default('baseline'),
  zones: z.array(zoneChangeSchema).default([]),
  roads: z.array(roadChangeSchema).default([]),
  newRoads: z.array(newRoadSchema).default([]),
  ptLines: z.array(ptChangeSchema).default([]),
  newPtLines: z.array(newPtLineSchema).default([]),
  /** Euros per litre; default 1.80 (estimate, 2024 orders of magnitude). */
  fuelPrice: z.number().positive().default(1.8),
  /** Share of home-work trips replaced by telework on an average day. */
  teleworkShare: z.number().min(0).max(1).default(0),
  /** Multiplies cycling speed (1 = today's network; 1.3 = a good cycling network). */
  cyclingQuality: z.number().positive().default(1),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

/**
 * Validates and completes a scenario (defaults filled in).
 *
 * @example parseScenario({}) // the baseline
 */
export function parseScenario(input: unknown): Scenario {
  return scenarioSchema.parse(input ?? {});
}
