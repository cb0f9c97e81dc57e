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
export type { NeedsCsvReport, NeedsCsvError, NeedsCsvProblem } from './needs-csv.ts';
export { needsToCsv, needsCsvTemplate, NEEDS_CSV_EXAMPLES } from './needs-csv-template.ts';
export type { NeedsCsvLine } from './needs-csv-template.ts';
export {
  NEEDS_CSV_FIELDS,
  NEEDS_CSV_FRENCH_HEADER,
  NEEDS_CSV_REQUIRED,
  contractOf,
  fieldOfHeader,
} from './needs-csv-columns.ts';
export type { NeedsCsvField } from './needs-csv-columns.ts';
export {
  findDuplicateNeeds,
  titleSimilarity,
  titleWords,
  withMergedContribution,
  SIMILAR_TITLE,
} from './duplicates.ts';
export type { NeedDuplicate, NeedMerge } from './duplicates.ts';
