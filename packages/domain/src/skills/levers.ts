import { z } from 'zod';
import { romeCodeSchema } from '../workshop/rome/rome.ts';
import { MODEL_YEARS } from './units.ts';

const year = z.number().int().min(1).max(MODEL_YEARS);
const share = z.number().min(0).max(1);
const common = {
  id: z.string().min(1),
  /** The roadmap action that carries this effect, when there is one. */
  actionId: z.string().optional(),
  label: z.string().default(''),
  /** First year (1 = the first year of the scenario) in which the change applies. */
  fromYear: year.default(1),
};

/** More seats on an existing programme (`programmeId`) or a new one for an occupation and territory. */
export const trainingSeatsLeverSchema = z.object({
  ...common,
  kind: z.literal('training-seats'),
  programmeId: z.string().optional(),
  occupation: romeCodeSchema.optional(),
  territory: z.string().optional(),
  seats: z.number().nonnegative(),
  durationYears: z.number().int().min(1).max(8).default(1),
  completionRate: share.default(0.8),
  localEntryShare: share.default(0.8),
});

/** An apprenticeship programme: apprentices mostly stay with the employer that trains them. */
export const apprenticeshipLeverSchema = z.object({
  ...common,
  kind: z.literal('apprenticeship'),
  occupation: romeCodeSchema,
  territory: z.string().min(1),
  seats: z.number().nonnegative(),
  durationYears: z.number().int().min(1).max(4).default(2),
  completionRate: share.default(0.75),
  retentionShare: share.default(0.85),
});

/** A recruitment drive among job seekers: a higher yearly match rate for some occupations and territories. */
export const recruitmentDriveLeverSchema = z.object({
  ...common,
  kind: z.literal('recruitment-drive'),
  /** Empty: every occupation. */
  occupations: z.array(romeCodeSchema).default([]),
  /** Empty: every territory. */
  territories: z.array(z.string()).default([]),
  extraMatchRate: share,
});

/** A transport change: new zone-to-zone travel times in one mode's matrix (see reach.ts). */
export const travelTimeLeverSchema = z.object({
  ...common,
  kind: z.literal('travel-time'),
  mode: z.enum(['car', 'pt']),
  changes: z
    .array(z.object({ from: z.string().min(1), to: z.string().min(1), minutes: z.number().nonnegative() }))
    .min(1),
  /** Apply each change in both directions. */
  symmetric: z.boolean().default(true),
});

/** A new cross-border pull share (e.g. retention measures), from a given year. */
export const crossBorderPullLeverSchema = z.object({
  ...common,
  kind: z.literal('cross-border-pull'),
  share,
});

export const leverSchema = z.discriminatedUnion('kind', [
  trainingSeatsLeverSchema,
  apprenticeshipLeverSchema,
  recruitmentDriveLeverSchema,
  travelTimeLeverSchema,
  crossBorderPullLeverSchema,
]);
export type Lever = z.output<typeof leverSchema>;
export type LeverKind = Lever['kind'];
export type TravelTimeLever = z.output<typeof travelTimeLeverSchema>;
