// Public API of the report model. Explicit named re-exports only.
export {
  REPORT_LOCALES,
  REPORT_TIME_ZONE,
  formatNumber,
  formatPercent,
  formatDate,
  formatDateTime,
  resolveRoadmapDate,
} from './format.ts';
export type { ReportLocale } from './format.ts';
export { reportLabels } from './labels.ts';
export type { ReportLabels } from './labels.ts';
export { synthesisBlocks, writeSynthesisBlocks } from './synthesis.ts';
export type { SynthesisBlock } from './synthesis.ts';
export { readWorkshopContent } from './read-documents.ts';
export type { WorkshopContent } from './read-documents.ts';
export { buildReport } from './build-report.ts';
export type {
  Report,
  ReportInput,
  ReportVersion,
  ReportPollInput,
  ReportContributionInput,
  ReportModelResults,
  ReportScenarioRun,
  ReportMapData,
  ReportMap,
  ReportScenarios,
  ReportScenario,
  ReportIndicatorRow,
  ReportSummary,
  ReportNeedRow,
  ReportActionRow,
  ReportPoll,
  ReportBoard,
} from './report.ts';
export { reportTables, scenarioTable } from './tables.ts';
export { modelResults, scenarioRunTargets, assembleModelResults } from './model-results.ts';
export type { ScenarioRunTarget } from './model-results.ts';
export { computeScenarioRun, scenarioRunResultSchema, SCENARIO_RUN_MODEL_VERSION } from './scenario-run.ts';
export type { ScenarioRunResult, StoredScenarioRun } from './scenario-run.ts';
export { describeChange } from './change-labels.ts';
export { zoneName, roadName, ptLineName, EXTERNAL_AREA_NAMES, ROAD_NAMES } from '../names/place-names.ts';
export type { ReportTable, ScenarioTable, TableCell } from './tables.ts';
export {
  OPEN_DATA_FORMAT,
  OPEN_DATA_VERSION,
  OPEN_DATA_LICENCES,
  OPEN_DATA_LICENCE_IDS,
  openDataLicenceSchema,
  openDataBundleSchema,
  openDataJsonSchema,
  OpenDataError,
  buildOpenData,
  parseOpenData,
  importOpenData,
  matchOrganisations,
  remapOrganisations,
} from './open-data.ts';
export type { OpenDataBundle, OpenDataLicence, OrganisationMatch } from './open-data.ts';
export {
  sampleDocuments,
  sampleReportInput,
  syntheticReportInput,
  SAMPLE_ORGANISATIONS,
  SAMPLE_MEMBERS,
} from './sample.ts';
