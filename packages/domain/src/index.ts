export {
  ORGANISATION_KINDS,
  MEMBERSHIP_ROLES,
  organisationKindSchema,
  membershipRoleSchema,
} from './workshop/organisation-kind.ts';
export type { OrganisationKind, MembershipRole, OrganisationId } from './workshop/organisation-kind.ts';
export {
  WORKSHOP_STATUSES,
  WORKSHOP_ROLES,
  workshopStatusSchema,
  workshopRoleSchema,
  nextWorkshopStatus,
} from './workshop/workshop.ts';
export type { WorkshopStatus, WorkshopRole, WorkshopId } from './workshop/workshop.ts';
export {
  can,
  PLATFORM_ACTIONS,
  ORGANISATION_ACTIONS,
  WORKSHOP_ACTIONS,
  ORGANISATION_ITEM_ACTIONS,
} from './workshop/policy.ts';
export type {
  Action,
  Actor,
  Resource,
  WorkshopResource,
  WorkshopSeat,
  OrganisationItemResource,
  PlatformAction,
  OrganisationAction,
  WorkshopAction,
  OrganisationItemAction,
} from './workshop/policy.ts';
export {
  parseEnv,
  ConfigError,
  portSchema,
  postgresUrlSchema,
  redisUrlSchema,
  logLevelSchema,
} from './config/env.ts';

// --- mobility model (packages/domain/src/mobility) ---
export {
  createRoadNetwork,
  parseTntpNetwork,
  parseTntpTrips,
  parseTntpFlows,
  TntpParseError,
  ShortestPathSolver,
  skimZones,
  DisconnectedDemandError,
  ASSIGNMENT_ALGORITHMS,
  assignRoad,
  beckmann,
} from './mobility/index.ts';
export type {
  RoadNetwork,
  RoadLinkInput,
  VolumeDelayFunction,
  AssignmentAlgorithm,
  AssignmentResult,
} from './mobility/index.ts';

// --- skills model (packages/domain/src/skills) ---
export {
  OCCUPATION_FAMILIES,
  familyOfRomeCode,
  HORIZONS,
  skillsScenarioSchema,
  needEntrySchema,
  trainingProgrammeSchema,
  leverSchema,
  parseSkillsScenario,
  SkillsScenarioError,
  runSkillsModel,
  territoryReach,
  crowFlyTravelTimes,
  TravelTimeMatrixError,
  balanceTotals,
  rankUnits,
  rankGroups,
  evaluateLevers,
  importBmoCsv,
  importTrainingCsv,
  importNeedsCsv,
  defaultSkillsScenario,
  defaultSkillsScenarioInput,
} from './skills/index.ts';
export type {
  OccupationFamily,
  Horizon,
  TerritoryId,
  NeedEntry,
  TrainingProgramme,
  SkillsScenario,
  SkillsScenarioInput,
  Lever,
  TravelTimeMatrix,
  TravelTimes,
  SkillsResult,
  UnitBalance,
  BalanceTotals,
  LeverEffect,
  LeverEvaluation,
  BmoRow,
  ImportError,
  ImportResult,
} from './skills/index.ts';
export { ROME_OCCUPATIONS, ROME_SOURCE } from './workshop/rome/rome-occupations.ts';
export { romeCodeSchema, findRomeOccupation, listRomeOccupations, isRomeCode } from './workshop/rome/rome.ts';
export type { RomeCode, RomeOccupation } from './workshop/rome/rome.ts';
