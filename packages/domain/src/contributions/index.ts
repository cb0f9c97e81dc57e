export {
  CONTRIBUTION_KINDS,
  CONTRIBUTION_STATUSES,
  questionSchema,
  callInputSchema,
  callState,
  mayAnswerCall,
} from './calls.ts';
export type {
  ContributionKind,
  ContributionStatus,
  Question,
  CallInput,
  CallWindow,
  CallState,
} from './calls.ts';
export {
  needDraftSchema,
  trainingOfferDraftSchema,
  contributionPayloadSchemas,
  parseContributionPayload,
  contributionEntries,
  MAX_NEEDS_PER_CONTRIBUTION,
} from './payloads.ts';
export type { NeedDraft, TrainingOfferDraft, ContributionPayload, MergeEntries } from './payloads.ts';
export { needsFromCsv } from './needs-csv.ts';
export type { NeedsCsvReport } from './needs-csv.ts';
