import { z } from 'zod';
import { romeCodeSchema } from '../workshop/rome/rome.ts';
import { occupationFamilySchema } from './families.ts';

/** Horizons of the skills model, in years from the scenario's base year. Results are cumulative. */
export const HORIZONS = [1, 3, 5, 10] as const;
export type Horizon = (typeof HORIZONS)[number];
/** Years simulated: the longest horizon. */
export const MODEL_YEARS = 10;

/** An EPCI code (SIREN) for French territories, or an id such as `LU` for the cross-border pole. */
export type TerritoryId = string & { __brand: 'TerritoryId' };

export const TERRITORY_KINDS = ['epci', 'cross-border-pole'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

/** An INSEE commune code: five characters, digits except `2A`/`2B` for Corsica. */
export const communeCodeSchema = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code has five characters');

export const territoryCommuneSchema = z.object({
  code: communeCodeSchema,
  /** Weight of the commune inside its territory: where candidates live and jobs are. */
  population: z.number().nonnegative(),
  lon: z.number().min(-180).max(180).optional(),
  lat: z.number().min(-90).max(90).optional(),
});
export type TerritoryCommune = z.output<typeof territoryCommuneSchema>;

export const territorySchema = z.object({
  id: z
    .string()
    .min(1)
    .transform((id) => id as TerritoryId),
  name: z.string().min(1),
  kind: z.enum(TERRITORY_KINDS).default('epci'),
  communes: z.array(territoryCommuneSchema).default([]),
});
export type Territory = z.output<typeof territorySchema>;

export const occupationSchema = z.object({
  code: romeCodeSchema,
  label: z.string().default(''),
  /** Defaults to the family derived from the ROME code. */
  family: occupationFamilySchema.optional(),
});
export type Occupation = z.output<typeof occupationSchema>;
