import { z } from 'zod';
import { romeCodeSchema } from '../workshop/rome/rome.ts';
import { familyOfRomeCode, occupationFamilySchema } from './families.ts';
import { leverSchema } from './levers.ts';
import { communeCodeSchema, occupationSchema, territorySchema } from './units.ts';

const share = z.number().min(0).max(1);

export const NEED_CONTRACTS = ['cdi', 'cdd', 'apprenticeship', 'internship', 'interim'] as const;
export type NeedContract = (typeof NEED_CONTRACTS)[number];

/**
 * One entry of the needs register, as the skills model reads it (the fields of a need in the workshop
 * document; fields the model does not use, such as `title` or `comment`, are accepted and dropped).
 */
export const needEntrySchema = z.object({
  id: z.string().min(1),
  organisationId: z.string().optional(),
  romeCode: romeCodeSchema,
  headcount: z.number().int().min(1),
  /** Months from the scenario's base date to the hire. */
  horizonMonths: z.number().int().min(0),
  /** Site of the job (INSEE code); a cross-border need may name `LU` for Luxembourg. */
  communeCode: z.union([communeCodeSchema, z.literal('LU')]),
  contract: z.enum(NEED_CONTRACTS),
  difficulty: z.number().int().min(1).max(4).optional(),
  crossBorder: z.boolean().default(false),
});
export type NeedEntry = z.output<typeof needEntrySchema>;

export const PROGRAMME_KINDS = ['school', 'apprenticeship', 'higher-education', 'continuing'] as const;

/** A training programme of a school or apprenticeship centre and the occupations it leads to. */
export const trainingProgrammeSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    provider: z.string().default(''),
    kind: z.enum(PROGRAMME_KINDS).default('school'),
    /** Where the programme is: a commune of a territory, or the territory id directly. */
    communeCode: communeCodeSchema.optional(),
    territory: z.string().optional(),
    /** Occupations the graduates go to, with the share of graduates each (shares add up to at most 1). */
    occupations: z.array(z.object({ code: romeCodeSchema, share })).min(1),
    seatsPerYear: z.number().nonnegative(),
    durationYears: z.number().int().min(1).max(8),
    completionRate: share,
    /** Share of graduates who enter the local labour market (not further study, not elsewhere). */
    localEntryShare: share,
    /** First intake year (1 = first year of the scenario); absent: the programme already runs. */
    openingYear: z.number().int().min(1).optional(),
  })
  .refine((p) => p.communeCode !== undefined || p.territory !== undefined, {
    message: 'a programme needs a communeCode or a territory',
    path: ['communeCode'],
  })
  .refine((p) => p.occupations.reduce((sum, o) => sum + o.share, 0) <= 1 + 1e-9, {
    message: 'occupation shares of a programme add up to more than 1',
    path: ['occupations'],
  });
export type TrainingProgramme = z.output<typeof trainingProgrammeSchema>;

/** Employment, age structure and job seekers of one occupation in one territory. */
export const labourMarketCellSchema = z.object({
  occupation: romeCodeSchema,
  territory: z.string().min(1),
  employment: z.number().nonnegative(),
  /** Share of workers aged 55 and over. */
  share55: share,
  /** Job seekers registered for this occupation who live in the territory. */
  jobSeekers: z.number().nonnegative().default(0),
});
export type LabourMarketCell = z.output<typeof labourMarketCellSchema>;

/** Share of the spare candidates of `from` who can take a job in the related occupation `to`. */
export const mobilityEdgeSchema = z.object({ from: romeCodeSchema, to: romeCodeSchema, rate: share });
export type MobilityEdge = z.output<typeof mobilityEdgeSchema>;

export const skillsScenarioSchema = z
  .object({
    name: z.string().min(1),
    /** True when the data are illustrative estimates; interfaces must say so. */
    illustrative: z.boolean().default(false),
    source: z.string().default(''),
    baseYear: z.number().int().min(2000).max(2100),
    occupations: z.array(occupationSchema).min(1),
    territories: z.array(territorySchema).min(1),
    labourMarket: z.array(labourMarketCellSchema),
    /** The workers aged 55+ leave over this many years (replacement demand per year = employment × share55 / years). */
    yearsToRetirement: z.number().min(1).max(15).default(8),
    /** Yearly employment growth rate per occupation family (e.g. 0.01 for +1 % a year). */
    growthRates: z.partialRecord(occupationFamilySchema, z.number().min(-0.2).max(0.3)).default({}),
    /** Growth rates for single occupations, optionally in one territory; they win over family rates. */
    growthOverrides: z
      .array(
        z.object({
          occupation: romeCodeSchema,
          territory: z.string().optional(),
          rate: z.number().min(-0.2).max(0.3),
        }),
      )
      .default([]),
    needs: z.array(needEntrySchema).default([]),
    /**
     * Weight of a register need by contract: 1 counts the headcount as positions to fill; the default
     * leaves internships out (they are not hires).
     */
    contractWeights: z
      .partialRecord(z.enum(NEED_CONTRACTS), z.number().min(0).max(1))
      .default({ internship: 0 }),
    programmes: z.array(trainingProgrammeSchema).default([]),
    /** Share of the job-seeker stock placed in a year (the stock is assumed renewed each year). */
    jobSeekerMatchRate: share.default(0.25),
    /**
     * Young people entering each occupation from initial education outside the listed programmes, per
     * year, as a share of the occupation's employment (0: only the listed programmes train anyone).
     */
    otherEntrantRate: z.number().min(0).max(0.2).default(0),
    occupationalMobility: z.array(mobilityEdgeSchema).default([]),
    crossBorderPull: z
      .object({
        /** Share of new local candidates drawn to jobs in the cross-border pole. */
        share: share.default(0),
        /** Multipliers per territory id (border territories pull more); missing: 1. */
        territoryWeights: z.record(z.string(), z.number().min(0)).default({}),
        /**
         * Couples the pull to travel times: each territory's pull is multiplied by the share of its
         * residents who reach the pole's `zone` of the travel-time matrix within the limits, so a
         * faster link to Luxembourg draws more candidates. Absent, or no matrix: no coupling.
         */
        accessibility: z
          .object({
            zone: z.string().min(1),
            carMinutes: z.number().positive().default(60),
            ptMinutes: z.number().positive().default(60),
            /**
             * Pole access of each territory (0..1) in a reference situation. Given, the multiplier is
             * access / reference instead of access, so the pull stays the calibrated one when the
             * travel times are the reference's and moves only with their changes; a territory with
             * reference 0, or missing here, keeps multiplier 1.
             */
            reference: z.record(z.string(), share).optional(),
          })
          .optional(),
      })
      .default({ share: 0, territoryWeights: {} }),
    /** Largest commuting time, per mode, at which a candidate can take a job. */
    reach: z
      .object({
        carMinutes: z.number().positive().default(45),
        ptMinutes: z.number().positive().default(45),
        /**
         * Share of candidates with a car available (licence and vehicle). A home–job pair only the car
         * connects in time counts for this share of candidates; one public transport connects counts
         * for all. The default 1 (everyone drives) keeps scenarios written before this field as they were.
         */
        carAccessShare: share.default(1),
      })
      .default({ carMinutes: 45, ptMinutes: 45, carAccessShare: 1 }),
    levers: z.array(leverSchema).default([]),
  })
  .superRefine((s, ctx) => {
    const occupations = new Set<string>();
    s.occupations.forEach((o, i) => {
      if (occupations.has(o.code))
        ctx.addIssue({
          code: 'custom',
          path: ['occupations', i, 'code'],
          message: `duplicate occupation ${o.code}`,
        });
      occupations.add(o.code);
    });
    const territories = new Set<string>();
    let poles = 0;
    s.territories.forEach((t, i) => {
      if (territories.has(t.id))
        ctx.addIssue({
          code: 'custom',
          path: ['territories', i, 'id'],
          message: `duplicate territory ${t.id}`,
        });
      territories.add(t.id);
      if (t.kind === 'cross-border-pole') poles += 1;
    });
    if (poles > 1)
      ctx.addIssue({ code: 'custom', path: ['territories'], message: 'at most one cross-border pole' });
    const cells = new Set<string>();
    s.labourMarket.forEach((cell, i) => {
      if (!occupations.has(cell.occupation))
        ctx.addIssue({
          code: 'custom',
          path: ['labourMarket', i, 'occupation'],
          message: `unknown occupation ${cell.occupation}`,
        });
      if (!territories.has(cell.territory))
        ctx.addIssue({
          code: 'custom',
          path: ['labourMarket', i, 'territory'],
          message: `unknown territory ${cell.territory}`,
        });
      const key = `${cell.occupation}|${cell.territory}`;
      if (cells.has(key))
        ctx.addIssue({ code: 'custom', path: ['labourMarket', i], message: `duplicate cell ${key}` });
      cells.add(key);
    });
    const outgoing = new Map<string, number>();
    s.occupationalMobility.forEach((edge, i) => {
      if (edge.from === edge.to)
        ctx.addIssue({
          code: 'custom',
          path: ['occupationalMobility', i],
          message: 'an occupation cannot move to itself',
        });
      for (const [key, code] of [
        ['from', edge.from],
        ['to', edge.to],
      ] as const)
        if (!occupations.has(code))
          ctx.addIssue({
            code: 'custom',
            path: ['occupationalMobility', i, key],
            message: `unknown occupation ${code}`,
          });
      outgoing.set(edge.from, (outgoing.get(edge.from) ?? 0) + edge.rate);
    });
    for (const [from, total] of outgoing)
      if (total > 1 + 1e-9)
        ctx.addIssue({
          code: 'custom',
          path: ['occupationalMobility'],
          message: `mobility rates out of ${from} add up to ${total.toFixed(3)}, more than 1`,
        });
  });

/** A validated skills scenario: the input of {@link runSkillsModel}. */
export type SkillsScenario = z.output<typeof skillsScenarioSchema>;
/** What a caller writes (defaults may be left out). */
export type SkillsScenarioInput = z.input<typeof skillsScenarioSchema>;

/** The family of an occupation: its own when set, else the one derived from its ROME code. */
export function occupationFamily(occupation: {
  code: string;
  family?: z.output<typeof occupationFamilySchema> | undefined;
}) {
  return occupation.family ?? familyOfRomeCode(occupation.code);
}

/**
 * Validates a scenario. Throws a `SkillsScenarioError` listing every problem with its path.
 *
 * @param input - scenario data, e.g. parsed from JSON
 * @example const scenario = parseSkillsScenario(JSON.parse(text));
 */
export function parseSkillsScenario(input: unknown): SkillsScenario {
  const result = skillsScenarioSchema.safeParse(input);
  if (result.success) return result.data;
  throw new SkillsScenarioError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

export class SkillsScenarioError extends Error {
  override name = 'SkillsScenarioError';
  constructor(readonly problems: string[]) {
    super(
      `invalid skills scenario: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`,
    );
  }
}
