// Public API of the skills model. Explicit named re-exports only.
export {
  OCCUPATION_FAMILIES,
  OCCUPATION_FAMILY_LABELS,
  OCCUPATION_FAMILY_NAMES,
  occupationFamilyName,
  occupationFamilySchema,
  familyOfRomeCode,
} from './families.ts';
export type { OccupationFamily } from './families.ts';
export {
  HORIZONS,
  MODEL_YEARS,
  TERRITORY_KINDS,
  territorySchema,
  occupationSchema,
  communeCodeSchema,
} from './units.ts';
export type { Horizon, TerritoryId, TerritoryKind, Territory, Occupation } from './units.ts';
export {
  NEED_CONTRACTS,
  needEntrySchema,
  trainingProgrammeSchema,
  labourMarketCellSchema,
  mobilityEdgeSchema,
  skillsScenarioSchema,
  parseSkillsScenario,
  SkillsScenarioError,
} from './scenario.ts';
export type {
  NeedContract,
  NeedEntry,
  TrainingProgramme,
  LabourMarketCell,
  MobilityEdge,
  SkillsScenario,
  SkillsScenarioInput,
} from './scenario.ts';
export { leverSchema } from './levers.ts';
export type { Lever, LeverKind } from './levers.ts';
export {
  territoryReach,
  poleAccess,
  applyTravelTimeLevers,
  crowFlyTravelTimes,
  checkTravelTimeMatrix,
  TravelTimeMatrixError,
} from './reach.ts';
export type { TravelTimeMatrix, TravelTimes } from './reach.ts';
export { runSkillsModel, estimatedTravelTimes } from './model.ts';
export type { SkillsResult, ReachSource } from './model.ts';
export { balanceTotals, rankUnits, rankGroups, unitBalance } from './balance.ts';
export type { UnitBalance, BalanceTotals, GroupBalance } from './balance.ts';
export { evaluateLevers } from './effects.ts';
export type { LeverEffect, LeverEvaluation, UnitEffect } from './effects.ts';
export { importBmoCsv } from './import/bmo.ts';
export type { BmoRow } from './import/bmo.ts';
export { importTrainingCsv } from './import/training.ts';
export { importNeedsCsv } from './import/needs.ts';
export { parseCsv } from './import/csv.ts';
export type { ImportError, ImportResult } from './import/csv.ts';
export { defaultSkillsScenario, defaultSkillsScenarioInput, LUXEMBOURG_ID } from './data/default-scenario.ts';
export { NORTH_LORRAINE_EPCIS, NORTH_LORRAINE_TERRITORY_SOURCE } from './data/north-lorraine-territory.ts';
export { syntheticScenario, seededRandom } from './synthetic.ts';
export { compareWithBmo, spearman } from './bmo-comparison.ts';
export type { BmoComparison, BmoComparisonRow } from './bmo-comparison.ts';
export { parseTravelTimesJson, travelTimesJsonSchema } from './travel-times-json.ts';
