import type * as Y from 'yjs';
import { z } from 'zod';
import { boardColourSchema, boardPositionSchema, ideaGroupSchema } from '../board/board-schema.ts';
import { arrayCollection, mapCollection, type EntrySchema } from './collection.ts';

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max);
const isoDate = z.iso.date();
/** A date of the roadmap: an ISO date, or `J+N` days after the workshop's day 0. */
export const roadmapDateSchema = z.union([isoDate, z.string().regex(/^J\+\d{1,4}$/, 'J+N, e.g. J+30')]);
/** An INSEE commune code (Corsica as 2A/2B). */
export const communeCodeSchema = z
  .string()
  .regex(/^(2A|2B|[0-9]{2})[0-9]{3}$/, 'an INSEE commune code, e.g. 57463');
const timestamp = z.iso.datetime();

/** The provenance of a contributed need merged into an existing one, and what it asked. */
export const mergedContributionSchema = z.object({
  /** The id the contributed need would have had as a line of its own. */
  entryId: id,
  contributionId: id,
  contributorId: id.optional(),
  organisationId: id,
  title: text(200),
  headcount: z.number().int().min(1).max(100_000),
  mergedBy: id,
  mergedAt: timestamp,
});
export type MergedContribution = z.output<typeof mergedContributionSchema>;

export const CONTRACT_TYPES = ['cdi', 'cdd', 'apprenticeship', 'internship', 'interim'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** One skills need of an organisation: an entry of the `needs` Y.Array. */
export const needSchema = z.object({
  id,
  organisationId: id,
  romeCode: z.string().regex(/^[A-N]\d{4}$/, 'a ROME code: a letter A-N and four digits, e.g. H2913'),
  title: text(200).min(1),
  skills: z.array(text(100)).max(50),
  headcount: z.number().int().min(1).max(100_000),
  horizonMonths: z.number().int().min(0).max(240),
  communeCode: communeCodeSchema,
  contract: z.enum(CONTRACT_TYPES),
  difficulty: z.number().int().min(1).max(4),
  crossBorder: z.boolean(),
  comment: text(5000),
  /** Set when the need came from an accepted contribution (asynchronous contributions). */
  contributionId: id.optional(),
  /** The person who contributed it, when it came from a contribution. */
  contributorId: id.optional(),
  /**
   * Contributions a facilitator merged into this need at moderation, as duplicates of it
   * (issue 20): each keeps its own provenance beside the need's.
   */
  mergedContributions: z.array(mergedContributionSchema).max(100).optional(),
  createdBy: id,
  updatedAt: timestamp,
  /** Who made the last change (absent: the creator). */
  updatedBy: id.optional(),
});
export type Need = z.output<typeof needSchema>;
export type NeedId = string & { __brand: 'NeedId' };

export const ROADMAP_STATUSES = ['proposed', 'committed', 'in_progress', 'done', 'dropped'] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUSES)[number];

/** One action of the roadmap: an entry of the `roadmap` Y.Array. */
export const roadmapActionSchema = z.object({
  id,
  title: text(200).min(1),
  description: text(5000),
  ownerOrganisationId: id,
  partnerOrganisationIds: z.array(id).max(50),
  start: roadmapDateSchema,
  due: roadmapDateSchema,
  status: z.enum(ROADMAP_STATUSES),
  needIds: z.array(id).max(200),
  /** Set by the scenario issue: which assumption this action changes, as JSON. */
  scenarioChange: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
  /** Someone outside the owner organisation asked it to commit; a member of the owner confirms. */
  commitRequestedBy: id.optional(),
  /** The owner organisation's member who confirmed the commitment. */
  committedBy: id.optional(),
  createdBy: id,
  updatedAt: timestamp,
});
export type RoadmapAction = z.output<typeof roadmapActionSchema>;

/** One idea from the floor: an entry of the `ideas` Y.Array. */
export const ideaSchema = z.object({
  id,
  text: text(2000).min(1),
  /** The board column: `constats`, `pistes`, `actions`, or a facilitator's own. */
  category: text(100).optional(),
  /**
   * The card's group: an entry of `ideaGroups`. Older documents grouped cards by the id of
   * the group's first card, with no group entry; the board shows those as untitled groups.
   */
  groupId: id.optional(),
  /** Where the card sits on the board (relative to its group when it has one); absent: laid out by column. */
  position: boardPositionSchema.optional(),
  /** The card's colour; absent: its column's. */
  color: boardColourSchema.optional(),
  organisationId: id.optional(),
  /** The author, or `ANONYMOUS_AUTHOR` for a card posted while anonymity was on. */
  createdBy: id,
  updatedAt: timestamp,
});
export type Idea = z.output<typeof ideaSchema>;

/** One scenario: a value of the `scenarios` Y.Map, keyed by its id. */
export const scenarioSchema = z.object({
  id,
  title: text(200).min(1),
  description: text(5000),
  /** Assumption name → value, read by the mobility and skills models. */
  assumptions: z.record(z.string().max(100), z.union([z.number(), z.string(), z.boolean()])),
  /** The scenario this variant was forked from (scenario lab); none for a baseline. */
  parentId: id.optional(),
  createdBy: id,
  updatedAt: timestamp,
});
export type Scenario = z.output<typeof scenarioSchema>;

/**
 * One change of a scenario variant (scenario lab): an entry of the `scenarioChanges` Y.Array.
 * One entry per changed input, so two people changing two inputs at once both win; for the same
 * key the latest `updatedAt` (then the greater id) wins. Keys are described in
 * packages/domain/src/scenario-lab/README.md.
 */
export const scenarioChangeSchema = z.object({
  id,
  scenarioId: id,
  key: z.string().min(1).max(200),
  value: z.union([z.number(), z.string().max(5000), z.boolean()]),
  reason: text(500),
  createdBy: id,
  updatedAt: timestamp,
});
export type ScenarioChange = z.output<typeof scenarioChangeSchema>;

export const COMMENT_TARGETS = ['need', 'action', 'idea'] as const;
export type CommentTarget = (typeof COMMENT_TARGETS)[number];

/** A comment on a need, an action or an idea: an entry of the `comments` Y.Array. */
export const commentSchema = z.object({
  id,
  targetType: z.enum(COMMENT_TARGETS),
  targetId: id,
  text: text(2000).min(1),
  organisationId: id,
  contributionId: id.optional(),
  contributorId: id.optional(),
  createdBy: id,
  updatedAt: timestamp,
  /** When its author last changed the text; absent: never edited. */
  editedAt: timestamp.optional(),
});
export type Comment = z.output<typeof commentSchema>;

/** A training offer of a school or training body: an entry of the `trainingOffers` Y.Array. */
export const trainingOfferSchema = z.object({
  id,
  organisationId: id,
  title: text(200).min(1),
  /** Occupations the training leads to (ROME codes). */
  romeCodes: z
    .array(z.string().regex(/^[A-N]\d{4}$/, 'a ROME code: a letter A-N and four digits, e.g. H2913'))
    .min(1)
    .max(20),
  seatsPerYear: z.number().int().min(1).max(10_000),
  durationMonths: z.number().int().min(1).max(72),
  communeCode: communeCodeSchema,
  /** First intake, when it is a new programme. */
  startDate: isoDate.optional(),
  description: text(5000),
  contributionId: id.optional(),
  contributorId: id.optional(),
  createdBy: id,
  updatedAt: timestamp,
});
export type TrainingOffer = z.output<typeof trainingOfferSchema>;

export const needs = arrayCollection<Need>({ name: 'needs', schema: needSchema });
export const roadmap = arrayCollection<RoadmapAction>({ name: 'roadmap', schema: roadmapActionSchema });
export const ideas = arrayCollection<Idea>({ name: 'ideas', schema: ideaSchema });
export const scenarios = mapCollection<Scenario>({ name: 'scenarios', schema: scenarioSchema });
export const scenarioChanges = arrayCollection<ScenarioChange>({
  name: 'scenarioChanges',
  schema: scenarioChangeSchema,
});
export const comments = arrayCollection<Comment>({ name: 'comments', schema: commentSchema });
export const trainingOffers = arrayCollection<TrainingOffer>({
  name: 'trainingOffers',
  schema: trainingOfferSchema,
});

/** The rich-text synthesis written during the workshop (`synthesis`, a Y.XmlFragment). */
export function synthesisOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment('synthesis');
}

/**
 * Top-level types of the `content` document: their Yjs type, and the schema of their
 * entries when they hold Y.Maps.
 */
export const CONTENT_DOC_SCHEMA: Readonly<
  Record<string, { type: 'array' | 'map' | 'xml'; entry?: EntrySchema }>
> = {
  needs: { type: 'array', entry: needSchema },
  roadmap: { type: 'array', entry: roadmapActionSchema },
  ideas: { type: 'array', entry: ideaSchema },
  ideaGroups: { type: 'array', entry: ideaGroupSchema },
  scenarios: { type: 'map', entry: scenarioSchema },
  comments: { type: 'array', entry: commentSchema },
  trainingOffers: { type: 'array', entry: trainingOfferSchema },
  synthesis: { type: 'xml' },
  scenarioChanges: { type: 'array', entry: scenarioChangeSchema },
};
