// Public API of the scenario lab. Explicit named re-exports only.
export {
  formatKey,
  parseKey,
  ZONE_FIELDS,
  ROAD_FIELDS,
  PT_FIELDS,
  MOBILITY_GLOBALS,
  SKILLS_GLOBALS,
} from './keys.ts';
export type { LabKey, ZoneField, RoadField, PtField, MobilityGlobal, SkillsGlobal } from './keys.ts';
export { resolveScenario, newerChange, labEntriesOf, wouldCycle } from './resolve.ts';
export type { LabEntries, EffectiveChange, ResolvedScenario } from './resolve.ts';
export { compileScenario, validateChange } from './compile.ts';
export { SKILLS_GLOBAL_SCHEMAS } from './global-schemas.ts';
export type { ChangeValue, LabProblem, CompiledSkills, CompiledScenario } from './compile.ts';
export { scenarioHash, canonicalJson, mobilityInputsHash, skillsInputsHash } from './hash.ts';
export { labTravelTimes, zoneTerritories } from './skims.ts';
export type { LabSkims, LabTravelTimesSource } from './skims.ts';
export {
  runScenarioLab,
  runSkillsPart,
  summariseMobility,
  skillsScenarioOf,
  LAB_MODEL_VERSIONS,
} from './run.ts';
export type { LabResult, MobilitySummary, SkillsSummary, ModeShares } from './run.ts';
export {
  compareResults,
  compareIndicatorValues,
  indicatorValue,
  indicatorValues,
  formatIndicator,
  formatDifference,
  formatRelative,
  INDICATORS,
  LAB_LOCALES,
} from './compare.ts';
export type { ComparisonRow, IndicatorId, IndicatorUnit, LabLocale } from './compare.ts';
export { roadmapVariant } from './roadmap.ts';
export type { RoadmapVariant, RoadmapChange } from './roadmap.ts';
export { labCatalogue, baselineValue } from './catalogue.ts';
export type { LabCatalogue } from './catalogue.ts';
