export { ROOM_KINDS, parseRoomName, roomName, writeActionOf } from './room.ts';
export type { RoomKind, RoomName, ParsedRoom } from './room.ts';
export { CLOSE_CODES, closeCodeName, READ_ONLY_REASON } from './close-codes.ts';
export type { CloseCodeName, CloseCode } from './close-codes.ts';
export { arrayCollection, mapCollection } from './collection.ts';
export type { ArrayCollection, MapCollection, EntrySchema } from './collection.ts';
export {
  CONTRACT_TYPES,
  ROADMAP_STATUSES,
  needSchema,
  mergedContributionSchema,
  roadmapActionSchema,
  ideaSchema,
  scenarioSchema,
  commentSchema,
  trainingOfferSchema,
  trainingOffers,
  COMMENT_TARGETS,
  comments,
  roadmapDateSchema,
  communeCodeSchema,
  needs,
  roadmap,
  ideas,
  scenarios,
  synthesisOf,
  CONTENT_DOC_SCHEMA,
  scenarioChangeSchema,
  scenarioChanges,
} from './content-doc.ts';
export type {
  Need,
  MergedContribution,
  NeedId,
  RoadmapAction,
  RoadmapStatus,
  Idea,
  Scenario,
  Comment,
  TrainingOffer,
  CommentTarget,
  ContractType,
  ScenarioChange,
} from './content-doc.ts';
export {
  AGENDA_ITEM_KINDS,
  ROOM_SECTIONS,
  agendaItemSchema,
  settingsSchema,
  agenda,
  readSettings,
  writeSettings,
  FACILITATION_DOC_SCHEMA,
} from './facilitation-doc.ts';
export type { AgendaItem, AgendaItemKind, RoomSection, WorkshopSettings } from './facilitation-doc.ts';
export { documentSchemaOf, defineDocument, checkTransaction } from './doc-rules.ts';
export type { RuleViolation } from './doc-rules.ts';
export {
  REACTIONS,
  ERROR_CODES,
  agendaStepPayload,
  timerStartPayload,
  emptyPayload,
  handPayload,
  floorPayload,
  pollCreatePayload,
  pollVotePayload,
  pollIdPayload,
  reactionPayload,
  remainingMs,
} from './events.ts';
export type {
  Reaction,
  PollCreate,
  PollVote,
  RealtimeErrorCode,
  Ack,
  PresenceEntry,
  TimerState,
  SpeakingQueue,
  PollView,
  WorkshopLiveState,
  ClientToServerEvents,
  ServerToClientEvents,
  SocketData,
} from './events.ts';
export { nextTimer, TimerTransitionError } from './timer.ts';
export type { TimerCommand } from './timer.ts';
export { checkBallot, tallyBallots, BallotError } from './polls.ts';
export type { PollRules } from './polls.ts';
export { compareRoadmapDates, roadmapDatesInOrder } from './roadmap-dates.ts';
export {
  CONTENT_COLLECTIONS,
  HELD_BACK_REASON,
  sectionOfEntry,
  guestSections,
  checkSectionWrite,
  checkEntryFields,
  checkEntryChange,
} from './write-rules.ts';
export type {
  ContentCollection,
  ContentWriter,
  EntryFields,
  EntryChange,
  WriteRuleSettings,
  WriteRefusal,
} from './write-rules.ts';
export { collectContentChanges } from './doc-changes.ts';
export type { ContentChanges } from './doc-changes.ts';
export {
  MAX_AWARENESS_STATE_BYTES,
  awarenessUserSchema,
  awarenessEditingSchema,
  awarenessStateSchema,
  checkAwarenessState,
} from './awareness.ts';
export type { AwarenessUser, AwarenessEditing, AwarenessState, AwarenessCheck } from './awareness.ts';
export {
  PERSONAL_NAMESPACE,
  INTERNAL_NOTIFY_PATH,
  unreadUpdateSchema,
  notifyRequestSchema,
} from './personal.ts';
export type { PersonalServerToClientEvents, UnreadUpdate, NotifyRequest } from './personal.ts';
export { INTERNAL_REVOKE_PATH, revokeRequestSchema } from './revocation.ts';
export type { RevokeRequest } from './revocation.ts';
export {
  INTERNAL_DOCS_APPLY_PATH,
  docChangeRequestSchema,
  mergeEntriesSchema,
  applyMergeEntries,
  mergeEntriesPresent,
} from './doc-apply.ts';
export type { DocChangeRequest, DocChangeResponse } from './doc-apply.ts';
export { restoreDocument } from './doc-restore.ts';
