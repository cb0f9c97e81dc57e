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
