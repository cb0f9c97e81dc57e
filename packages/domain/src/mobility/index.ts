// Public API of the mobility model. Explicit named re-exports only.
export {
  createRoadNetwork,
  buildCsr,
  withLinkAttributes,
  RoadNetworkError,
  VOLUME_DELAY_FUNCTIONS,
} from './network/road-network.ts';
export type { RoadNetwork, RoadLinkInput, VolumeDelayFunction } from './network/road-network.ts';
export { parseTntpNetwork, parseTntpTrips, parseTntpFlows, TntpParseError } from './network/tntp.ts';
export type { TntpNetwork, TntpTrips, TntpFlowRow } from './network/tntp.ts';
export { ShortestPathSolver, pathLinks } from './network/shortest-path.ts';
export type { CsrGraph } from './network/shortest-path.ts';
export { allOrNothing, skimZones, DisconnectedDemandError } from './assignment/all-or-nothing.ts';
export { ASSIGNMENT_ALGORITHMS, assignRoad, lineSearch } from './assignment/road-assignment.ts';
export type {
  AssignmentAlgorithm,
  AssignmentOptions,
  AssignmentResult,
  IterationReport,
} from './assignment/road-assignment.ts';
export {
  beckmann,
  linkCosts,
  linkTime,
  linkTimeIntegral,
  linkTimeDerivative,
} from './assignment/volume-delay.ts';
export { PURPOSES, MODES, MODE_INDEX } from './demand/purposes.ts';
export type { Purpose, Mode } from './demand/purposes.ts';
export { generateTrips, DEFAULT_GENERATION_RATES, GenerationError } from './demand/generation.ts';
export type { ZoneAttributes, GenerationRate, PurposeTrips } from './demand/generation.ts';
export { distributeGravity, deterrenceValue, GravityError } from './demand/gravity.ts';
export type { Deterrence, GravityResult } from './demand/gravity.ts';
export { logitShares, splitByMode, calibrateConstants, ModeChoiceError } from './demand/mode-choice.ts';
export type { CalibrationResult } from './demand/mode-choice.ts';
export { buildPtGraph, DEFAULT_PT_WEIGHTS, PT_KINDS } from './transit/pt-network.ts';
export type { PtLine, PtKind, PtAccessLink, PtWeights, PtGraph } from './transit/pt-network.ts';
export { assignPt, skimPt } from './transit/pt-assignment.ts';
export type { PtSegmentLoad, PtAssignmentResult, PtSkims } from './transit/pt-assignment.ts';
export { scenarioSchema, parseScenario } from './model/scenario.ts';
export type { Scenario, ScenarioInput } from './model/scenario.ts';
export { applyScenario, ScenarioError } from './model/apply-scenario.ts';
export { DEFAULT_MODEL_PARAMETERS } from './model/parameters.ts';
export type { ModelParameters } from './model/parameters.ts';
export { runModel } from './model/run-model.ts';
export type { ModelResult, LinkResult, ModeRecord, ZonePairResult } from './model/run-model.ts';
export { calibrateTerritory } from './model/calibrate.ts';
export { simulate } from './model/simulate.ts';
export { selectLink } from './model/select-link.ts';
export type { SelectLinkResult, SelectLinkKind } from './model/select-link.ts';
export type { Simulation } from './model/simulate.ts';
export { NORTH_LORRAINE } from './territory/north-lorraine.ts';
export { ROAD_CLASSES } from './territory/territory.ts';
export type {
  Territory,
  TerritoryZone,
  TerritoryRoadLink,
  TerritoryPtLine,
  ExternalFlow,
  RoadClass,
} from './territory/territory.ts';
export { diffResults } from './model/diff.ts';
export type { ResultDiff } from './model/diff.ts';
